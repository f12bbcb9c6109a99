package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Set;
import java.util.UUID;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.BoardRules;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;

/**
 * Takes back this moderator's own last clustering or moderation op that is not undone yet, as a new
 * event named after the inverse change ({@link BoardEvent.Placed#inverse}); the log keeps both. As
 * deep as the log: every undo steps one further back.
 */
final class UndoChanges {
  private UndoChanges() {}

  static Future<Change> undo(Tx tx, Op.Undo op) {
    Rejection.check(BoardRules.mayRun(tx.actor()));
    return tx.conn()
        .preparedQuery(LAST_UNDOABLE)
        .execute(Tuple.of(tx.boardId(), tx.actor().role().wire(), tx.client()))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(ErrorCode.CONFLICT, "error.nothingToUndo");
              }
              Row last = rows.iterator().next();
              BoardEvent.Placed undone =
                  (BoardEvent.Placed)
                      EventCodec.decode(last.getString("type"), (JsonObject) last.getValue("data"));
              Rejection.check(
                  undone.clustering()
                      ? BoardRules.mayCluster(tx.actor(), tx.board())
                      : BoardRules.mayRun(tx.actor()));
              JsonObject before = (JsonObject) last.getValue("undo");
              Set<UUID> noteIds = Affected.noteIds(before);
              long seq = last.getLong("seq");
              return Affected.restore(tx, before)
                  .compose(
                      v ->
                          tx.conn()
                              .preparedQuery(TOUCH_CLUSTERS)
                              .execute(
                                  Tuple.of(
                                      tx.boardId(),
                                      (Object) Affected.ids(Affected.clusterIds(before)))))
                  .compose(v -> Affected.after(tx, noteIds, Affected.clusterIds(before)))
                  .map(
                      after ->
                          new Change(
                              undone.inverse(after.undoing(seq)),
                              null,
                              new JsonObject().put("undid", seq)));
            });
  }
}
