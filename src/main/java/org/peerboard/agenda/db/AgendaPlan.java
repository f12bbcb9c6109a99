package org.peerboard.agenda.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import org.peerboard.agenda.model.DefaultAgenda;
import org.peerboard.agenda.model.Step;
import org.peerboard.i18n.Messages;
import org.peerboard.workshop.model.Template;

/**
 * A board's planned steps as they stand: the agenda set on it, or (until one is set) the one its
 * template proposes ({@code proposed}).
 */
record AgendaPlan(List<Step> steps, Integer current, boolean proposed) {
  static Future<AgendaPlan> read(SqlConnection conn, UUID boardId, Template template) {
    return conn.preparedQuery(AgendaSql.PLAN)
        .execute(Tuple.of(boardId))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              Object stored = row.getValue("steps");
              if (stored instanceof JsonArray steps) {
                return new AgendaPlan(
                    steps.stream().map(s -> Step.of(((JsonObject) s).getMap())).toList(),
                    row.getInteger("current"),
                    false);
              }
              String language = row.getString("language");
              return new AgendaPlan(
                  DefaultAgenda.of(
                      template,
                      language,
                      Messages.bundle("i18n/messages", language).getString("agenda.clustering"),
                      Messages.bundle("i18n/messages", language).getString("agenda.voting")),
                  row.getInteger("current"),
                  true);
            });
  }

  JsonArray json() {
    return steps.stream()
        .map(Step::asMap)
        .collect(JsonArray::new, JsonArray::add, JsonArray::addAll);
  }
}
