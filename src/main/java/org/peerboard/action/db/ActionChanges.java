package org.peerboard.action.db;

import static org.peerboard.action.db.ActionSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.peerboard.action.model.Action;
import org.peerboard.action.model.ActionOp;
import org.peerboard.action.model.ActionRules;
import org.peerboard.action.model.ActionStatus;
import org.peerboard.board.db.Change;
import org.peerboard.board.db.OpHandlers;
import org.peerboard.board.db.Tx;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;

/**
 * The action plan's ops, inside the board's transaction: each one logs the whole action in its
 * event, so the history says what changed, when and by which role.
 */
public final class ActionChanges {
  private ActionChanges() {}

  /** The action ops, one handler each. */
  public static void register(OpHandlers ops) {
    ops.on(ActionOp.Create.class, ActionChanges::create)
        .on(ActionOp.Update.class, ActionChanges::update)
        .on(ActionOp.Delete.class, ActionChanges::delete);
  }

  private static Future<Change> create(Tx tx, ActionOp.Create op) {
    Rejection.check(ActionRules.mayPlan(tx.actor()));
    ActionOp.Fields f = op.fields();
    Rejection.check(ActionRules.mayLink(f.fromNoteId(), f.fromClusterId()));
    UUID actionId = UUID.randomUUID();
    return tx.conn()
        .preparedQuery(COUNT)
        .execute(Tuple.of(tx.boardId()))
        .compose(
            count -> {
              Rejection.check(
                  ActionRules.mayCreate(tx.actor(), count.iterator().next().getLong("n")));
              return origin(tx, f.fromNoteId(), f.fromClusterId());
            })
        .compose(
            proposal -> {
              String title =
                  f.title() != null
                      ? f.title()
                      : proposal == null ? null : Action.titleOf(proposal);
              if (title == null) {
                throw new Rejection(ErrorCode.INVALID, "error.actionTitle");
              }
              ActionStatus status = f.status() == null ? ActionStatus.PROPOSED : f.status();
              return tx.conn()
                  .preparedQuery(INSERT)
                  .execute(
                      Tuple.from(
                          new Object[] {
                            actionId,
                            tx.boardId(),
                            title,
                            f.fromNoteId(),
                            f.fromClusterId(),
                            f.owner(),
                            f.due(),
                            status.wire(),
                            f.nextStep()
                          }));
            })
        .map(
            rows -> {
              JsonObject action = Actions.json(Actions.of(rows.iterator().next()));
              return new Change(
                  new BoardEvent.ActionCreated(action.getMap()),
                  null,
                  new JsonObject().put("actionId", actionId.toString()));
            });
  }

  private static Future<Change> update(Tx tx, ActionOp.Update op) {
    Rejection.check(ActionRules.mayPlan(tx.actor()));
    ActionOp.Fields f = op.fields();
    return lock(tx, op.actionId())
        .compose(
            before -> {
              if (op.version() != null && op.version() != before.version()) {
                throw new Rejection(ErrorCode.CONFLICT, "error.staleVersion");
              }
              UUID noteId = pick(f.fromNoteId(), before.fromNoteId(), f, "fromNoteId");
              UUID clusterId = pick(f.fromClusterId(), before.fromClusterId(), f, "fromClusterId");
              if (f.fromNoteId() != null) {
                clusterId = null;
              } else if (f.fromClusterId() != null) {
                noteId = null;
              }
              UUID note = noteId;
              UUID cluster = clusterId;
              Future<String> linked =
                  f.fromNoteId() != null || f.fromClusterId() != null
                      ? origin(tx, f.fromNoteId(), f.fromClusterId())
                      : Future.succeededFuture(null);
              return linked.compose(
                  proposal ->
                      tx.conn()
                          .preparedQuery(UPDATE)
                          .execute(
                              Tuple.from(
                                  new Object[] {
                                    before.id(),
                                    tx.boardId(),
                                    f.title() != null ? f.title() : before.title(),
                                    note,
                                    cluster,
                                    pick(f.owner(), before.owner(), f, "owner"),
                                    pick(f.due(), before.due(), f, "due"),
                                    (f.status() != null ? f.status() : before.status()).wire(),
                                    pick(f.nextStep(), before.nextStep(), f, "nextStep")
                                  })));
            })
        .map(
            rows -> {
              JsonObject action = Actions.json(Actions.of(rows.iterator().next()));
              return new Change(
                  new BoardEvent.ActionUpdated(action.getMap()),
                  null,
                  new JsonObject()
                      .put("actionId", op.actionId().toString())
                      .put("version", action.getInteger("version")));
            });
  }

  private static Future<Change> delete(Tx tx, ActionOp.Delete op) {
    Rejection.check(ActionRules.mayPlan(tx.actor()));
    return lock(tx, op.actionId())
        .compose(
            before ->
                tx.conn()
                    .preparedQuery(DELETE)
                    .execute(Tuple.of(before.id(), tx.boardId()))
                    .map(
                        v ->
                            new Change(
                                new BoardEvent.ActionDeleted(Actions.json(before).getMap()),
                                null,
                                new JsonObject().put("actionId", op.actionId().toString()))));
  }

  /** The given value, else null when the field was cleared, else the value before. */
  private static <T> T pick(T given, T before, ActionOp.Fields f, String field) {
    if (given != null) {
      return given;
    }
    return f.cleared().contains(field) ? null : before;
  }

  /**
   * The text of the proposal an action comes from (null without one); a note or cluster that is not
   * on this board is {@code not_found}.
   */
  private static Future<String> origin(Tx tx, UUID noteId, UUID clusterId) {
    if (noteId == null && clusterId == null) {
      return Future.succeededFuture(null);
    }
    boolean note = noteId != null;
    return tx.conn()
        .preparedQuery(note ? NOTE_TEXT : CLUSTER_NAME)
        .execute(Tuple.of(note ? noteId : clusterId, tx.boardId()))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(
                    ErrorCode.NOT_FOUND, note ? "error.noteNotFound" : "error.clusterNotFound");
              }
              return rows.iterator().next().getString(note ? "text" : "name");
            });
  }

  private static Future<Action> lock(Tx tx, UUID actionId) {
    return tx.conn()
        .preparedQuery(LOCK)
        .execute(Tuple.of(actionId, tx.boardId()))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.actionNotFound");
              }
              return Actions.of(rows.iterator().next());
            });
  }
}
