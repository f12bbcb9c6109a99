package org.peerboard.agenda.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.UUID;
import org.peerboard.board.db.SnapshotPart;
import org.peerboard.board.model.Actor;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.model.Template;

/**
 * The board object's {@code agenda}: {@code {steps, current, started, proposed}}, the same for
 * every role. {@code steps} are the agenda set on the board or, until one is set, the template's
 * proposal ({@code proposed: true}); {@code current} the step started last (null before the first);
 * {@code started} every start with its end (null while it runs) and the values it was planned with
 * when it started.
 */
public final class AgendaStore implements SnapshotPart {
  private final Pool pool;
  private final Templates templates;

  public AgendaStore(Pool pool, Templates templates) {
    this.pool = pool;
    this.templates = templates;
  }

  @Override
  public Future<Void> addTo(SqlConnection conn, Actor viewer, JsonObject board) {
    String templateId = board.getJsonObject("template").getString("id");
    return templates
        .get(templateId)
        .compose(template -> agenda(conn, viewer.boardId(), template))
        .map(
            agenda -> {
              board.put("agenda", agenda);
              return null;
            });
  }

  /** One board's agenda object, read on its own connection (the organiser's run-sheet). */
  public Future<JsonObject> agenda(UUID boardId, String templateId) {
    return templates
        .get(templateId)
        .compose(template -> pool.withConnection(conn -> agenda(conn, boardId, template)));
  }

  /** The template's phases, {@code [{key, labels}]}, for the organiser's editor. */
  public Future<JsonArray> phases(String templateId) {
    return templates
        .get(templateId)
        .map(
            template -> {
              JsonArray phases = new JsonArray();
              template
                  .phases()
                  .forEach(
                      p ->
                          phases.add(
                              new JsonObject()
                                  .put("key", p.key())
                                  .put("labels", new JsonObject(new HashMap<>(p.labels())))));
              return phases;
            });
  }

  static Future<JsonObject> agenda(SqlConnection conn, UUID boardId, Template template) {
    return AgendaPlan.read(conn, boardId, template)
        .compose(
            plan ->
                conn.preparedQuery(AgendaSql.STARTS)
                    .execute(Tuple.of(boardId))
                    .map(
                        rows -> {
                          JsonArray started = new JsonArray();
                          for (Row row : rows) {
                            started.add(start(row));
                          }
                          return new JsonObject()
                              .put("steps", plan.json())
                              .put("current", plan.current())
                              .put("started", started)
                              .put("proposed", plan.proposed());
                        }));
  }

  private static JsonObject start(Row row) {
    return new JsonObject()
        .put("index", row.getInteger("step"))
        .put("startedAt", time(row.getOffsetDateTime("started_at")))
        .put("endedAt", time(row.getOffsetDateTime("ended_at")))
        .put("title", row.getString("title"))
        .put("phase", row.getString("phase"))
        .put("stage", row.getString("stage"))
        .put("minutes", row.getInteger("minutes"));
  }

  private static String time(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toString();
  }
}
