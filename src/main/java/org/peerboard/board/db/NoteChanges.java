package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.BoardRules;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.NoteRules;
import org.peerboard.board.model.NoteState;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Placement;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Settings;

/**
 * Editing, moving, deleting, hiding and de-duplicating notes; adding them is {@link OpPipeline}.
 */
final class NoteChanges {
  private NoteChanges() {}

  static Future<Change> edit(Tx tx, Op.NoteEdit edit) {
    return lock(tx, edit.noteId())
        .compose(
            note -> {
              Rejection.check(NoteRules.mayEdit(tx.actor(), tx.board(), tx.template(), note, edit));
              // earlier texts leave the log as redacted text does (live/BoardHub mirrors it):
              // catch-up never replays what
              // was edited away, and the edit's own event carries the current text
              return scrubText(tx, note.id())
                  .compose(
                      v ->
                          tx.conn()
                              .preparedQuery(EDIT_NOTE)
                              .execute(
                                  Tuple.of(
                                      note.id(),
                                      tx.boardId(),
                                      edit.text(),
                                      edit.tags() == null
                                          ? null
                                          : edit.tags().toArray(String[]::new),
                                      tx.board().settings().notesSecret())))
                  .map(rows -> noteChange(tx, BoardEvent.NoteEdited::new, rows));
            });
  }

  /** Moving a note to another lane takes it out of its cluster, which belongs to the old lane. */
  static Future<Change> move(Tx tx, Op.NoteMove move) {
    return lock(tx, move.noteId())
        .compose(
            note -> {
              Rejection.check(NoteRules.mayMove(tx.actor(), tx.board(), tx.template(), note, move));
              return setFlags(
                  tx,
                  note,
                  BoardEvent.NoteMoved::new,
                  move.lane(),
                  null,
                  note.duplicateOf(),
                  note.hidden(),
                  note.held(),
                  tx.actor().role().runsTheBoard()
                      ? Set.of(Affected.Field.LANE, Affected.Field.CLUSTER)
                      : null);
            });
  }

  static Future<Change> delete(Tx tx, Op.NoteDelete delete) {
    return lock(tx, delete.noteId())
        .compose(
            note -> {
              Rejection.check(NoteRules.mayDelete(tx.actor(), tx.board(), note));
              return erase(tx, note);
            });
  }

  /**
   * Deletes a locked note, whoever may: its row goes, its text leaves every event that carried it,
   * and its cluster moves on a version. A participant's withdrawal erases each of their notes this
   * way ({@link Withdrawal}).
   */
  static Future<Change> erase(Tx tx, Note note) {
    Set<UUID> cluster = note.clusterId() == null ? Set.of() : Set.of(note.clusterId());
    return tx.conn()
        .preparedQuery(DELETE_NOTE)
        .execute(Tuple.of(note.id(), tx.boardId()))
        .compose(deleted -> scrubText(tx, note.id()))
        .compose(
            scrubbed ->
                cluster.isEmpty()
                    ? Future.succeededFuture()
                    : tx.conn()
                        .preparedQuery(TOUCH_CLUSTERS)
                        .execute(Tuple.of(tx.boardId(), (Object) Affected.ids(cluster)))
                        .mapEmpty())
        .compose(scrubbed -> Affected.after(tx, List.of(), cluster))
        .map(
            after ->
                new Change(
                    new BoardEvent.NoteDeleted(
                        note.id(), note.lane(), note.clusterId(), after.clusters()),
                    note.id(),
                    new JsonObject().put("noteId", note.id().toString())));
  }

  /**
   * Redaction is moderation, possible on a closed board too: the new text replaces the old one
   * everywhere, and the old text is scrubbed from every earlier event, so no view, catch-up or
   * export shows it again.
   */
  static Future<Change> redact(Tx tx, Op.NoteRedact redact) {
    Rejection.check(BoardRules.mayRun(tx.actor()));
    return lock(tx, redact.noteId())
        .compose(
            note ->
                scrubText(tx, note.id())
                    .compose(
                        scrubbed ->
                            tx.conn()
                                .preparedQuery(EDIT_NOTE)
                                .execute(
                                    Tuple.of(note.id(), tx.boardId(), redact.text(), null, false)))
                    .map(rows -> noteChange(tx, BoardEvent.NoteRedacted::new, rows)));
  }

  /**
   * Hiding is moderation and works on a closed board too. Either way a held note leaves the
   * approval queue: un-hiding approves it, hiding keeps it off the board for good (until shown
   * again).
   */
  static Future<Change> hide(Tx tx, Op.NoteHide hide) {
    Rejection.check(BoardRules.mayRun(tx.actor()));
    return lock(tx, hide.noteId())
        .compose(
            note -> {
              Rejection.check(BoardRules.fresh(hide.version(), note.version()));
              return tx.conn()
                  .preparedQuery(PATCH_NOTE_IN_LOG)
                  .execute(
                      Tuple.of(
                          tx.boardId(),
                          note.id().toString(),
                          new JsonObject().put("hidden", hide.hidden()).put("held", false),
                          false))
                  .compose(
                      patched ->
                          tx.conn()
                              .preparedQuery(PATCH_REACTIONS_IN_LOG)
                              .execute(Tuple.of(tx.boardId(), note.id(), hide.hidden())))
                  .compose(
                      patched ->
                          setFlags(
                              tx,
                              note,
                              BoardEvent.NoteHidden::new,
                              note.lane(),
                              note.clusterId(),
                              note.duplicateOf(),
                              hide.hidden(),
                              false,
                              Set.of(Affected.Field.HIDDEN)));
            });
  }

  static Future<Change> duplicate(Tx tx, Op.NoteDuplicate op) {
    Rejection.check(BoardRules.mayCluster(tx.actor(), tx.board()));
    if (op.noteId().equals(op.of())) {
      throw new Rejection(ErrorCode.INVALID, "error.duplicateOfItself");
    }
    return lock(tx, op.noteId())
        .compose(
            note -> {
              Rejection.check(BoardRules.fresh(op.version(), note.version()));
              Future<Void> original =
                  op.of() == null
                      ? Future.succeededFuture()
                      : tx.conn()
                          .preparedQuery(NOTES_BY_ID)
                          .execute(Tuple.of(tx.boardId(), (Object) new UUID[] {op.of()}))
                          .map(
                              rows -> {
                                if (rows.size() == 0) {
                                  throw new Rejection(ErrorCode.NOT_FOUND, "error.noteNotFound");
                                }
                                return null;
                              });
              return original.compose(
                  v ->
                      setFlags(
                          tx,
                          note,
                          BoardEvent.NoteDuplicated::new,
                          note.lane(),
                          note.clusterId(),
                          op.of(),
                          note.hidden(),
                          note.held(),
                          Set.of(Affected.Field.DUPLICATE)));
            });
  }

  /** One note's placement or flags change; moderators' changes keep the changed fields for undo. */
  private static Future<Change> setFlags(
      Tx tx,
      Note note,
      Function<Placement, BoardEvent> event,
      String lane,
      UUID clusterId,
      UUID duplicateOf,
      boolean hidden,
      boolean held,
      Set<Affected.Field> undoFields) {
    Set<UUID> clusters = note.clusterId() == null ? Set.of() : Set.of(note.clusterId());
    Future<JsonObject> before =
        undoFields != null
            ? Affected.capture(tx, List.of(note.id()), undoFields, Set.of(), Set.of())
            : Future.succeededFuture(null);
    boolean leftCluster = note.clusterId() != null && !note.clusterId().equals(clusterId);
    return before.compose(
        captured ->
            tx.conn()
                .preparedQuery(SET_NOTE_FLAGS)
                .execute(
                    Tuple.from(
                        new Object[] {
                          tx.boardId(), note.id(), lane, clusterId, duplicateOf, hidden, held
                        }))
                .compose(
                    rows ->
                        leftCluster
                            ? tx.conn()
                                .preparedQuery(TOUCH_CLUSTERS)
                                .execute(
                                    Tuple.of(tx.boardId(), (Object) new UUID[] {note.clusterId()}))
                            : Future.succeededFuture(rows))
                .compose(rows -> Affected.after(tx, List.of(note.id()), clusters))
                .map(
                    after ->
                        new Change(
                            event.apply(after),
                            note.id(),
                            result((Note) after.notes().get(0)),
                            captured)));
  }

  /** The note's text leaves every event that carried it, alone or in a list. */
  private static Future<Void> scrubText(Tx tx, UUID noteId) {
    return tx.conn()
        .preparedQuery(PATCH_NOTE_IN_LOG)
        .execute(Tuple.of(tx.boardId(), noteId.toString(), new JsonObject(), true))
        .mapEmpty();
  }

  static Future<Note> lock(Tx tx, UUID noteId) {
    return tx.conn()
        .preparedQuery(LOCK_NOTE)
        .execute(Tuple.of(noteId, tx.boardId()))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.noteNotFound");
              }
              return Notes.fromRow(rows.iterator().next());
            });
  }

  private static Change noteChange(Tx tx, Function<NoteState, BoardEvent> event, RowSet<Row> rows) {
    return noteChange(event, rows.iterator().next(), tx.board().settings());
  }

  /** The event of one changed note, from its row as it is now. */
  static Change noteChange(Function<NoteState, BoardEvent> event, Row row, Settings settings) {
    Note note = Notes.stored(Notes.fromRow(row), settings);
    return new Change(event.apply(note), note.id(), result(note));
  }

  private static JsonObject result(Note note) {
    return new JsonObject().put("noteId", note.id().toString()).put("version", note.version());
  }
}
