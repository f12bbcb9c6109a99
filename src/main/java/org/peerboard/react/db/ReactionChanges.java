package org.peerboard.react.db;

import static org.peerboard.react.db.ReactionSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.peerboard.board.db.Change;
import org.peerboard.board.db.OpHandlers;
import org.peerboard.board.db.Tx;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.react.model.NoteReact;
import org.peerboard.react.model.ReactionRules;

/**
 * {@code note.react} inside the board's transaction: the rules, one row per agreement, and the
 * note's new count in {@code note.reacted}, which names nobody (the log keeps no actor for it).
 */
public final class ReactionChanges {
  private ReactionChanges() {}

  /** The "me too" op. */
  public static void register(OpHandlers ops) {
    ops.on(NoteReact.class, ReactionChanges::react);
  }

  private static Future<Change> react(Tx tx, NoteReact op) {
    Rejection.check(ReactionRules.mayReact(tx.actor(), tx.board()));
    UUID participant = tx.actor().participantId();
    return tx.conn()
        .preparedQuery(NOTE)
        .execute(Tuple.of(op.noteId(), tx.boardId()))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.noteNotFound");
              }
              Row note = rows.iterator().next();
              Rejection.check(
                  ReactionRules.mayReactTo(
                      new ReactionRules.Target(
                          participant.equals(note.getUUID("author_id")),
                          note.getBoolean("hidden"),
                          note.getBoolean("held"),
                          note.getBoolean("secret"))));
              return tx.conn()
                  .preparedQuery(op.on() ? AGREE : TAKE_BACK)
                  .execute(
                      op.on()
                          ? Tuple.of(op.noteId(), participant, tx.boardId())
                          : Tuple.of(op.noteId(), participant));
            })
        .compose(v -> tx.conn().preparedQuery(COUNT).execute(Tuple.of(op.noteId())))
        .map(
            rows -> {
              long count = rows.iterator().next().getLong("count");
              // the participant reacted to a note they can read, so the room may see its count
              // unless the board hides counts (reactions shown, no reveal pending)
              boolean open = ReactionRules.roomSeesCounts(tx.board().settings());
              JsonObject result =
                  new JsonObject()
                      .put("noteId", op.noteId().toString())
                      .put("count", open ? count : null)
                      .put("mine", op.on());
              return new Change(
                  new BoardEvent.NoteReacted(op.noteId(), count, open, null), op.noteId(), result);
            });
  }
}
