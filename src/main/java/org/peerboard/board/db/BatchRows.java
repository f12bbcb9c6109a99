package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.peerboard.board.db.BatchTx.Outcome;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.Decision;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.NoteRules;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Settings;

/**
 * The rows a batch writes the usual way ({@link BatchTx}), built from its ops' outcomes, and what
 * it makes of the answers: the new notes ({@code INSERT_NOTES}), the refused ops' ids given back
 * ({@code UNCLAIM_OPS}) and the events with their seqs ({@code LOG_EVENTS}). Each step replaces
 * outcomes, never changes one.
 */
final class BatchRows {
  private BatchRows() {}

  /**
   * The rules for each new note, then all the batch's new notes in one statement; a note whose id
   * is taken is refused.
   */
  static Future<List<Outcome>> insertNotes(SqlConnection conn, List<Outcome> outcomes) {
    List<Outcome> judged =
        replace(
            outcomes,
            o -> o.goesAhead() && o.op() instanceof Op.NoteAdd,
            o -> {
              Op.NoteAdd add = (Op.NoteAdd) o.op();
              Decision decision =
                  NoteRules.mayAdd(
                      o.tx().actor(), o.tx().board(), o.tx().template(), add.lane(), add.tags());
              return decision instanceof Decision.Rejected rejected
                  ? o.failed(Rejection.of(rejected))
                  : o;
            });
    Map<Outcome, UUID> noteIds = new IdentityHashMap<>();
    JsonArray notes = new JsonArray();
    for (Outcome o : judged) {
      if (o.goesAhead() && o.op() instanceof Op.NoteAdd add) {
        Actor actor = o.tx().actor();
        UUID noteId = add.noteId() == null ? UUID.randomUUID() : add.noteId();
        noteIds.put(o, noteId);
        notes.add(newNoteRow(notes.size(), noteId, actor, add, o.tx().board().settings()));
      }
    }
    if (notes.isEmpty()) {
      return Future.succeededFuture(judged);
    }
    return conn.preparedQuery(INSERT_NOTES)
        .execute(Tuple.of(notes))
        .map(
            rows -> {
              Map<UUID, Row> inserted = new HashMap<>();
              rows.forEach(row -> inserted.put(row.getUUID("id"), row));
              return replace(
                  judged,
                  noteIds::containsKey,
                  o -> {
                    Row row = inserted.remove(noteIds.get(o));
                    return row == null
                        ? o.failed(new Rejection(ErrorCode.CONFLICT, "error.noteExists"))
                        : o.applied(
                            NoteChanges.noteChange(
                                BoardEvent.NoteAdded::new, row, o.tx().board().settings()));
                  });
            });
  }

  /**
   * A new note as {@code INSERT_NOTES} and {@code ADD_NOTES} take it: held when a participant
   * writes on a board that approves notes first, secret while the board hides notes.
   */
  static JsonObject newNoteRow(
      int ord, UUID noteId, Actor actor, Op.NoteAdd add, Settings settings) {
    return new JsonObject()
        .put("ord", ord)
        .put("id", noteId.toString())
        .put("board_id", actor.boardId().toString())
        .put("lane", add.lane())
        .put("tags", new JsonArray(new ArrayList<>(add.tags())))
        .put("text", add.text())
        .put("author_id", actor.participantId() == null ? null : actor.participantId().toString())
        .put("author_role", actor.role().wire())
        .put("secret", settings.notesSecret())
        .put("held", actor.role() == Role.PARTICIPANT && settings.approveNotes());
  }

  /**
   * Refused ops give their op ids back, so a retry is judged afresh (rare: only bad input is
   * refused).
   */
  static Future<List<Outcome>> giveBack(SqlConnection conn, List<Outcome> outcomes) {
    List<Outcome> refused =
        outcomes.stream().filter(o -> o.claimed() && o.failure() != null).toList();
    if (refused.isEmpty()) {
      return Future.succeededFuture(outcomes);
    }
    Object boards = refused.stream().map(o -> o.pending().boardId()).toArray(UUID[]::new);
    Object opIds = refused.stream().map(o -> o.pending().opId()).toArray(UUID[]::new);
    return conn.preparedQuery(UNCLAIM_OPS).execute(Tuple.of(boards, opIds)).map(outcomes);
  }

  /**
   * The events, each board's next seqs, the ops' answers and one NOTIFY per board, in one
   * statement.
   */
  static Future<List<Outcome>> log(SqlConnection conn, List<Outcome> outcomes, String origin) {
    List<Outcome> logged =
        outcomes.stream().filter(o -> o.change() != null && o.failure() == null).toList();
    if (logged.isEmpty()) {
      return Future.succeededFuture(outcomes);
    }
    JsonArray events = new JsonArray();
    Map<Outcome, Integer> ords = new IdentityHashMap<>();
    for (Outcome o : logged) {
      for (BoardEvent before : o.change().before()) {
        events.add(beforeRow(events.size(), o, before));
      }
      ords.put(o, events.size());
      events.add(eventRow(events.size(), o));
    }
    return conn.preparedQuery(LOG_EVENTS)
        .execute(Tuple.of(events, origin))
        .map(
            rows -> {
              Map<Integer, Row> byOrd = new HashMap<>();
              rows.forEach(row -> byOrd.put(row.getInteger("ord"), row));
              return replace(
                  outcomes,
                  ords::containsKey,
                  o -> {
                    int ord = ords.get(o);
                    Row row = byOrd.get(ord);
                    long seq = row.getLong("seq");
                    List<StoredEvent> before = new ArrayList<>();
                    int first = ord - o.change().before().size();
                    for (int at = first; at < ord; at++) {
                      Row earlier = byOrd.get(at);
                      before.add(
                          StoredEvent.logged(
                              earlier.getLong("seq"),
                              o.change().before().get(at - first),
                              events.getJsonObject(at).getJsonObject("data"),
                              o.tx().actor(),
                              earlier.getOffsetDateTime("at")));
                    }
                    return o.answered(
                        new OpResult(
                            seq,
                            o.change().result(),
                            false,
                            StoredEvent.logged(
                                seq,
                                o.change().event(),
                                events.getJsonObject(ord).getJsonObject("data"),
                                o.tx().actor(),
                                row.getOffsetDateTime("at")),
                            before));
                  });
            });
  }

  /**
   * One event of {@code LOG_EVENTS}'s input, in the batch's order {@code ord}; a runner's undoable
   * op also stores what undoing it would restore.
   */
  private static JsonObject eventRow(int ord, Outcome o) {
    Actor actor = o.tx().actor();
    Change change = o.change();
    JsonObject undo =
        o.op().undoable()
                && actor.role().runsTheBoard()
                && change.undo() != null
                && change.event() instanceof BoardEvent.Placed placed
            ? Affected.withAfter(change.undo(), placed.placement())
            : null;
    return new JsonObject()
        .put("ord", ord)
        .put("board_id", actor.boardId().toString())
        .put("op_id", o.pending().opId().toString())
        .put("type", change.event().name())
        .put("data", EventCodec.encode(change.event()))
        .put("actor_id", StoredEvent.actorId(change.event(), actor))
        .put("actor_role", actor.role().wire())
        .put("note_id", change.noteId() == null ? null : change.noteId().toString())
        .put("actor_client", change.event().keepsActor() ? o.tx().client() : null)
        .put("result", change.result())
        .put("undo", undo)
        .put("undoes", change.event().undoes());
  }

  /**
   * An event the op logs ahead of its own ({@link Change#before}): no op id, so the op's answer is
   * stored with its own event only; never undoable.
   */
  private static JsonObject beforeRow(int ord, Outcome o, BoardEvent event) {
    Actor actor = o.tx().actor();
    return new JsonObject()
        .put("ord", ord)
        .put("board_id", actor.boardId().toString())
        .put("op_id", null)
        .put("type", event.name())
        .put("data", EventCodec.encode(event))
        .put("actor_id", actor.participantId() == null ? null : actor.participantId().toString())
        .put("actor_role", actor.role().wire())
        .put("note_id", null)
        .put("actor_client", o.tx().client())
        .put("result", null)
        .put("undo", null)
        .put("undoes", null);
  }

  /**
   * The outcomes with those that match replaced by what {@code step} makes of them, in the batch's
   * order.
   */
  static List<Outcome> replace(
      List<Outcome> outcomes, Predicate<Outcome> which, Function<Outcome, Outcome> step) {
    List<Outcome> next = new ArrayList<>(outcomes.size());
    for (Outcome o : outcomes) {
      next.add(which.test(o) ? step.apply(o) : o);
    }
    return next;
  }
}
