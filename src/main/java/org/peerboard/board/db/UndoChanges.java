package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.peerboard.board.model.BoardRules;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;

/**
 * Takes back this moderator's own last clustering or moderation op that is not undone yet, as a new event named
 * after the inverse change; the log keeps both. As deep as the log: every undo steps one further back.
 */
final class UndoChanges {
  private static final Map<String, String> INVERSE = Map.of(
      "cluster.created", "cluster.dissolved",
      "cluster.dissolved", "cluster.created",
      "cluster.renamed", "cluster.renamed",
      "cluster.added", "cluster.removed",
      "cluster.removed", "cluster.added",
      "cluster.merged", "cluster.created",
      "note.moved", "note.moved",
      "note.hidden", "note.hidden",
      "note.duplicated", "note.duplicated");

  private UndoChanges() {}

  static Future<Change> undo(Tx tx, Op.Undo op) {
    Rejection.check(BoardRules.mayRun(tx.actor()));
    return tx.conn().preparedQuery(LAST_UNDOABLE)
        .execute(Tuple.of(tx.boardId(), tx.actor().role().wire(), tx.client()))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw new Rejection(ErrorCode.CONFLICT, "error.nothingToUndo");
          }
          Row last = rows.iterator().next();
          String type = last.getString("type");
          Rejection.check(type.startsWith("cluster.") || type.equals("note.duplicated") || type.equals("note.moved")
              ? BoardRules.mayCluster(tx.actor(), tx.board()) : BoardRules.mayRun(tx.actor()));
          JsonObject before = (JsonObject) last.getValue("undo");
          Set<UUID> noteIds = Affected.noteIds(before);
          return Affected.restore(tx, before)
              .compose(v -> tx.conn().preparedQuery(TOUCH_CLUSTERS)
                  .execute(Tuple.of(tx.boardId(), (Object) Affected.ids(Affected.clusterIds(before)))))
              .compose(v -> Affected.after(tx, noteIds, Affected.clusterIds(before)))
              .map(after -> {
                String inverse = INVERSE.getOrDefault(type, type);
                if (inverse.startsWith("note.") && after.getJsonArray("notes").size() == 1) {
                  after.put("note", after.getJsonArray("notes").getJsonObject(0));
                  after.remove("notes");
                }
                return new Change(inverse, after.put("undoes", last.getLong("seq")), null,
                    new JsonObject().put("undid", last.getLong("seq")));
              });
        });
  }
}
