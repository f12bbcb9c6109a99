package org.peerboard.action.db;

import static org.peerboard.action.db.ActionSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.peerboard.board.db.SnapshotPart;
import org.peerboard.board.model.Actor;

/**
 * The board's {@code actions} (the whole plan, for every role: it is the group's outcome) and
 * {@code carried}, where each note the board started with came from.
 */
public final class ActionStore implements SnapshotPart {
  @Override
  public Future<Void> addTo(SqlConnection conn, Actor viewer, JsonObject board) {
    Tuple id = Tuple.of(viewer.boardId());
    return conn.preparedQuery(OF_BOARD)
        .execute(id)
        .compose(
            rows -> {
              JsonArray actions = new JsonArray();
              rows.forEach(r -> actions.add(Actions.json(Actions.of(r))));
              board.put("actions", actions);
              return conn.preparedQuery(CARRIED).execute(id);
            })
        .map(
            rows -> {
              JsonArray carried = new JsonArray();
              rows.forEach(
                  r ->
                      carried.add(
                          new JsonObject()
                              .put("noteId", r.getUUID("note_id").toString())
                              .put("kind", r.getString("kind"))
                              .put("workshop", r.getString("from_workshop"))
                              .put("group", r.getString("from_group"))
                              .put("result", r.getString("result"))
                              .put("status", r.getString("status"))));
              board.put("carried", carried);
              return null;
            });
  }
}
