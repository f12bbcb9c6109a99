package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.ADD_NOTES;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.peerboard.board.db.OpPipeline.Pending;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.Decision;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.NoteRules;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch of new notes in one statement, {@code ADD_NOTES}: one round trip to the database and one
 * commit, where the usual transaction ({@link BatchTx}) takes four round trips (issue 28: the time
 * from a phone's note to the last screen is mostly the database's). The batch is judged before the
 * boards are locked, on what the pipeline last saw of them ({@link SeenBoards}); the statement
 * writes only if the boards and authors are still as judged and no op or note id was used before.
 * Otherwise it writes nothing and the batch goes the usual way, which decides, refuses or replays
 * as it always has: a note is acked only once committed, either way.
 */
final class OneTripAdds {
  private static final Logger LOG = LoggerFactory.getLogger(OneTripAdds.class);
  private final Pool pool;
  private final String origin;
  private final SeenBoards seen;

  OneTripAdds(Pool pool, String origin, SeenBoards seen) {
    this.pool = pool;
    this.origin = origin;
    this.seen = seen;
  }

  /** One note of the batch as judged: its op, its event's row and the event itself. */
  private record Judged(Pending pending, JsonObject row, BoardEvent event, JsonObject result) {}

  /**
   * The answers of the batch's ops, in its order, once committed; null when the batch does not go
   * this way (not only new notes, a board or author not seen, a note the rules refuse, or the
   * statement found a board, author or id otherwise than judged, or failed), and nothing was
   * written.
   */
  Future<List<OpResult>> add(List<Pending> batch) {
    List<Judged> judged = judge(batch);
    if (judged == null) {
      return Future.succeededFuture(null);
    }
    JsonArray input = new JsonArray();
    Map<UUID, JsonObject> boards = new LinkedHashMap<>();
    for (Judged j : judged) {
      input.add(j.row());
      UUID boardId = j.pending().boardId();
      boards.computeIfAbsent(boardId, id -> seen.board(id).row());
    }
    if (Stages.ON) {
      batch.forEach(p -> Stages.stamp(p.opId(), Stages.BEGUN));
    }
    return pool.preparedQuery(ADD_NOTES)
        .execute(Tuple.of(input, new JsonArray(new ArrayList<>(boards.values())), origin))
        .map(rows -> answers(judged, rows))
        .recover(
            failure -> {
              failed(failure);
              return Future.succeededFuture(null);
            });
  }

  private static final long WARN_EVERY_NANOS = 60_000_000_000L;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong warnedAt = new AtomicLong();

  /**
   * The statement failed (an error, not a board found otherwise than judged): nothing was written
   * and the batch goes the usual way, so nothing is lost, but a statement that fails every time
   * (say, after a schema change it was not kept in step with) would only make every note three
   * round trips slower. Said at once, then at most once a minute with the number of failures since.
   */
  private void failed(Throwable cause) {
    long count = failures.incrementAndGet();
    long now = System.nanoTime();
    long last = warnedAt.get();
    if ((last == 0 || now - last >= WARN_EVERY_NANOS) && warnedAt.compareAndSet(last, now)) {
      failures.addAndGet(-count);
      LOG.warn(
          "{} batch(es) of new notes went the usual way (three round trips, not one) because the"
              + " one-statement insert failed: {}",
          count,
          String.valueOf(cause));
    } else {
      LOG.debug("A batch of new notes goes the usual way after", cause);
    }
  }

  /** The batch judged on what was last seen of its boards and authors; null if it cannot be. */
  private List<Judged> judge(List<Pending> batch) {
    List<Judged> judged = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      if (!(p.op() instanceof Op.NoteAdd add)) {
        return null;
      }
      SeenBoards.Board board = seen.board(p.boardId());
      Actor actor = p.actor();
      String name = null;
      if (actor.participantId() != null) {
        SeenBoards.Person person = seen.person(actor.participantId());
        if (board == null
            || actor.role() != Role.PARTICIPANT
            || person == null
            || !person.boardId().equals(p.boardId())) {
          return null;
        }
        name = person.name();
      }
      if (board == null
          || NoteRules.mayAdd(actor, board.state(), board.template(), add.lane(), add.tags())
              instanceof Decision.Rejected) {
        return null;
      }
      judged.add(judged(judged.size(), p, add, board.state().settings(), name));
    }
    return judged;
  }

  /**
   * The note as {@code INSERT_NOTES} would store it and its event as {@code LOG_EVENTS} would log
   * it, from the same rules: {@link NoteChanges#noteChange} and {@link BatchRows}' event row.
   */
  private static Judged judged(int ord, Pending p, Op.NoteAdd add, Settings settings, String name) {
    Actor actor = p.actor();
    UUID noteId = add.noteId() == null ? UUID.randomUUID() : add.noteId();
    boolean held = actor.role() == Role.PARTICIPANT && settings.approveNotes();
    Note note =
        new Note(
            noteId,
            add.lane(),
            List.copyOf(add.tags()),
            add.text(),
            actor.participantId(),
            actor.role(),
            held,
            null,
            null,
            1,
            settings.notesSecret(),
            held,
            name);
    BoardEvent event = new BoardEvent.NoteAdded(Notes.stored(note, settings));
    JsonObject result = new JsonObject().put("noteId", noteId.toString()).put("version", 1);
    JsonObject row =
        BatchRows.newNoteRow(ord, noteId, actor, add, settings)
            .put("op_id", p.opId().toString())
            .put("author_name", name)
            .put("type", event.name())
            .put("data", EventCodec.encode(event))
            .put("actor_id", StoredEvent.actorId(event, actor))
            .put("actor_client", event.keepsActor() ? p.client() : null)
            .put("result", result);
    return new Judged(p, row, event, result);
  }

  private static List<OpResult> answers(List<Judged> judged, RowSet<Row> rows) {
    Row first = rows.iterator().next();
    if (!first.getBoolean("ok")) {
      return null;
    }
    List<OpResult> answers = new ArrayList<>(judged.size());
    int ord = 0;
    for (Row row : rows) {
      if (row.getInteger("ord") != ord) {
        throw new IllegalStateException("ADD_NOTES answered note " + row.getInteger("ord"));
      }
      Judged j = judged.get(ord++);
      long seq = row.getLong("seq");
      answers.add(
          new OpResult(
              seq,
              j.result(),
              false,
              StoredEvent.logged(
                  seq,
                  j.event(),
                  j.row().getJsonObject("data"),
                  j.pending().actor(),
                  row.getOffsetDateTime("at")),
              List.of()));
    }
    if (answers.size() != judged.size()) {
      throw new IllegalStateException(
          "ADD_NOTES logged " + answers.size() + " of " + judged.size() + " notes");
    }
    return answers;
  }
}
