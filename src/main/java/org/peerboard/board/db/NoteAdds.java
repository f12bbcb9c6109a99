package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardState;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.NoteRules;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.model.Template;

/**
 * {@code note.add}, the op a room of phones sends most, applied in batches: the notes that arrive while earlier ones
 * are being committed travel together in the next transaction, whatever their boards. A batch costs what one note
 * used to (lock, insert, log, one fsync, one NOTIFY per board), so a burst of notes does not queue one fsync at a
 * time behind a board's lock. A lone note is a batch of one and is not delayed. A board has at most one batch in
 * flight in this process, so its notes are applied in the order they arrived.
 *
 * <p>Each note keeps its own verdict: a note the rules refuse, or whose id is taken, is answered with its error and
 * leaves no trace, while the others commit. If a batch fails as a whole, each of its notes is tried again on its own,
 * so one bad note cannot fail the others; a note that did commit is then recognised by its op id and replayed.
 * Boards are locked in id order, the order every batch uses, and a single op locks only its own board, so batches
 * and other ops never deadlock.
 *
 * <p>Threading: one verticle (the server's event loop) submits, and every future here completes on that loop, so
 * the queue and the in-flight counts need no lock.
 */
final class NoteAdds {
  /** Notes in one transaction at most. */
  static final int MAX_BATCH = 64;
  /** Batches being committed at once, each on its own connection. */
  static final int MAX_IN_FLIGHT = 4;
  /** A batch slower than this is logged with where its time went, to tell the database's share from ours. */
  private static final long SLOW_MILLIS = 100;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NoteAdds.class);

  private record Pending(Actor actor, String client, UUID opId, Op.NoteAdd op, Promise<OpResult> done) {
    UUID boardId() {
      return actor.boardId();
    }

    String key() {
      return actor.boardId() + ":" + opId;
    }
  }

  private final Pool pool;
  private final Templates templates;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final Set<UUID> busy = new HashSet<>();
  private int inFlight;

  NoteAdds(Pool pool, Templates templates) {
    this.pool = pool;
    this.templates = templates;
  }

  Future<OpResult> submit(Actor actor, String client, UUID opId, Op.NoteAdd op) {
    Pending pending = new Pending(actor, client, opId, op, Promise.promise());
    queue.add(pending);
    List<Pending> batch = take();
    if (batch != null) {
      run(batch);
    }
    return pending.done().future();
  }

  /**
   * The next batch, or null: the queued ops, in order, of boards that have no batch in flight (so a board's notes
   * wait for its batch and join the next one, in the order they came, instead of queueing on its lock one by one).
   * A second op with the same id waits for the next batch, where it is a replay.
   */
  private List<Pending> take() {
    if (inFlight >= MAX_IN_FLIGHT) {
      return null;
    }
    List<Pending> batch = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Iterator<Pending> it = queue.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
      Pending next = it.next();
      if (!busy.contains(next.boardId()) && keys.add(next.key())) {
        batch.add(next);
        it.remove();
      }
    }
    if (batch.isEmpty()) {
      return null;
    }
    batch.forEach(p -> busy.add(p.boardId()));
    inFlight++;
    return batch;
  }

  private void run(List<Pending> batch) {
    commit(batch).recover(failure -> batch.size() == 1 ? fail(batch.get(0), failure) : oneByOne(batch))
        .onComplete(done -> {
          List<List<Pending>> next = new ArrayList<>();
          inFlight--;
          batch.forEach(p -> busy.remove(p.boardId()));
          for (List<Pending> more = take(); more != null; more = take()) {
            next.add(more);
          }
          next.forEach(this::run);
        });
  }

  private static Future<Void> fail(Pending pending, Throwable failure) {
    pending.done().tryFail(failure);
    return Future.succeededFuture();
  }

  private Future<Void> oneByOne(List<Pending> batch) {
    Future<Void> chain = Future.succeededFuture();
    for (Pending pending : batch) {
      chain = chain.compose(v -> commit(List.of(pending)).recover(failure -> fail(pending, failure)));
    }
    return chain;
  }

  /** One transaction for the batch; on success every op has its answer, on failure none has. */
  private Future<Void> commit(List<Pending> batch) {
    Laps laps = new Laps();
    return pool.withTransaction(conn -> {
      laps.lap("connection and BEGIN");
      UUID[] boards = batch.stream().map(Pending::boardId).distinct().toArray(UUID[]::new);
      UUID[] opBoards = batch.stream().map(Pending::boardId).toArray(UUID[]::new);
      UUID[] opIds = batch.stream().map(Pending::opId).toArray(UUID[]::new);
      UUID[] people = batch.stream().map(p -> p.actor().participantId()).filter(java.util.Objects::nonNull)
          .distinct().toArray(UUID[]::new);
      return conn.preparedQuery(LOCK_AND_CLAIM)
          .execute(Tuple.of((Object) boards, (Object) opBoards, (Object) opIds, (Object) people))
          .compose(rows -> {
            laps.lap("lock and claim");
            return decide(batch, rows.iterator().next());
          })
          .compose(verdicts -> replay(conn, verdicts))
          .compose(verdicts -> insert(conn, verdicts))
          .compose(verdicts -> {
            laps.lap("insert");
            return giveBack(conn, verdicts);
          })
          .compose(verdicts -> log(conn, verdicts))
          .onSuccess(verdicts -> laps.lap("log"));
    }).map(verdicts -> {
      laps.lap("COMMIT");
      if (laps.totalMillis() >= SLOW_MILLIS) {
        LOG.warn("A batch of {} note.add took {} ms: {}", batch.size(), laps.totalMillis(), laps);
      }
      verdicts.forEach(Verdict::answer);
      return null;
    });
  }

  /** What happens to one op of the batch. */
  private static final class Verdict {
    final Pending pending;
    BoardState board;
    boolean claimed;
    Rejection rejection;
    OpResult result;
    Change change;
    UUID noteId;
    boolean held;

    Verdict(Pending pending) {
      this.pending = pending;
    }

    boolean goesAhead() {
      return claimed && rejection == null && result == null;
    }

    void answer() {
      if (rejection != null) {
        pending.done().tryFail(rejection);
      } else {
        pending.done().tryComplete(result);
      }
    }
  }

  /** The verdicts from {@code LOCK_AND_CLAIM}'s answer: the locked boards, the claimed op ids, the active people. */
  private Future<List<Verdict>> decide(List<Pending> batch, Row locked) {
    Map<UUID, JsonObject> boards = new HashMap<>();
    each(locked, "boards", board -> boards.put(UUID.fromString(board.getString("id")), board));
    Set<String> claimedKeys = new HashSet<>();
    each(locked, "claims", claim -> claimedKeys.add(claim.getString("board_id") + ":" + claim.getString("op_id")));
    Map<UUID, UUID> activeOn = new HashMap<>();
    each(locked, "active", person -> activeOn.put(UUID.fromString(person.getString("id")),
        UUID.fromString(person.getString("board_id"))));
    Map<String, Future<Template>> templatesById = new HashMap<>();
    boards.values().forEach(board -> templatesById.computeIfAbsent(board.getString("template_id"), templates::get));
    return Future.all(new ArrayList<>(templatesById.values())).map(loaded -> {
      List<Verdict> verdicts = new ArrayList<>(batch.size());
      for (Pending p : batch) {
        Verdict verdict = new Verdict(p);
        verdicts.add(verdict);
        JsonObject board = boards.get(p.boardId());
        if (board == null) {
          verdict.rejection = new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound");
          continue;
        }
        verdict.claimed = claimedKeys.contains(p.key());
        if (!verdict.claimed) {
          continue;
        }
        if (p.actor().role() == Role.PARTICIPANT && !p.boardId().equals(activeOn.get(p.actor().participantId()))) {
          verdict.rejection = new Rejection(ErrorCode.UNAUTHORIZED, "error.participantRemoved");
          continue;
        }
        verdict.board = BoardStore.state(board.getString("stage"), board.getString("focus"),
            board.getJsonObject("settings"));
        Template template = templatesById.get(board.getString("template_id")).result();
        if (NoteRules.mayAdd(p.actor(), verdict.board, template, p.op().lane(), p.op().tags())
            instanceof org.peerboard.board.model.Decision.Rejected rejected) {
          verdict.rejection = Rejection.of(rejected);
          continue;
        }
        verdict.noteId = p.op().noteId() == null ? UUID.randomUUID() : p.op().noteId();
        verdict.held = p.actor().role() == Role.PARTICIPANT && verdict.board.settings().approveNotes();
      }
      return verdicts;
    });
  }

  private static void each(Row row, String column, java.util.function.Consumer<JsonObject> action) {
    ((JsonArray) row.getValue(column)).forEach(item -> action.accept((JsonObject) item));
  }

  /** Ops applied before (a client's retry) get the answer they got then. */
  private static Future<List<Verdict>> replay(SqlConnection conn, List<Verdict> verdicts) {
    List<Verdict> retries = verdicts.stream().filter(v -> !v.claimed && v.rejection == null).toList();
    if (retries.isEmpty()) {
      return Future.succeededFuture(verdicts);
    }
    Object boards = retries.stream().map(v -> v.pending.boardId()).toArray(UUID[]::new);
    Object opIds = retries.stream().map(v -> v.pending.opId()).toArray(UUID[]::new);
    return conn.preparedQuery(REPLAY_OPS).execute(Tuple.of(boards, opIds))
        .map(rows -> {
          Map<String, Row> answers = new HashMap<>();
          rows.forEach(row -> answers.put(row.getUUID("board_id") + ":" + row.getUUID("op_id"), row));
          for (Verdict v : retries) {
            Row row = answers.get(v.pending.key());
            v.result = new OpResult(row.getLong("seq"), (JsonObject) row.getValue("result"), true, null);
          }
          return verdicts;
        });
  }

  /** All the batch's new notes in one statement; a note whose id is taken is refused. */
  private static Future<List<Verdict>> insert(SqlConnection conn, List<Verdict> verdicts) {
    List<Verdict> adding = verdicts.stream().filter(Verdict::goesAhead).toList();
    if (adding.isEmpty()) {
      return Future.succeededFuture(verdicts);
    }
    JsonArray notes = new JsonArray();
    for (Verdict v : adding) {
      Actor actor = v.pending.actor();
      notes.add(new JsonObject()
          .put("ord", notes.size())
          .put("id", v.noteId.toString())
          .put("board_id", v.pending.boardId().toString())
          .put("lane", v.pending.op().lane())
          .put("tags", new JsonArray(new ArrayList<>(v.pending.op().tags())))
          .put("text", v.pending.op().text())
          .put("author_id", actor.participantId() == null ? null : actor.participantId().toString())
          .put("author_role", actor.role().wire())
          .put("secret", v.board.settings().notesSecret())
          .put("held", v.held));
    }
    return conn.preparedQuery(INSERT_NOTES).execute(Tuple.of(notes)).map(rows -> {
      Map<UUID, Row> inserted = new HashMap<>();
      rows.forEach(row -> inserted.put(row.getUUID("id"), row));
      for (Verdict v : adding) {
        Row row = inserted.remove(v.noteId);
        if (row == null) {
          v.rejection = new Rejection(ErrorCode.CONFLICT, "error.noteExists");
        } else {
          v.change = NoteChanges.noteChange(org.peerboard.board.model.BoardEvent.NoteAdded::new, row, v.board.settings());
        }
      }
      return verdicts;
    });
  }

  /** Refused ops give their op ids back, so a retry is judged afresh (rare: only bad input is refused). */
  private static Future<List<Verdict>> giveBack(SqlConnection conn, List<Verdict> verdicts) {
    List<Verdict> refused = verdicts.stream().filter(v -> v.claimed && v.rejection != null).toList();
    if (refused.isEmpty()) {
      return Future.succeededFuture(verdicts);
    }
    Object boards = refused.stream().map(v -> v.pending.boardId()).toArray(UUID[]::new);
    Object opIds = refused.stream().map(v -> v.pending.opId()).toArray(UUID[]::new);
    return conn.preparedQuery(UNCLAIM_OPS).execute(Tuple.of(boards, opIds)).map(verdicts);
  }

  /** The events, each board's next seqs, the ops' answers and one NOTIFY per board, in one statement. */
  private static Future<List<Verdict>> log(SqlConnection conn, List<Verdict> verdicts) {
    List<Verdict> logged = verdicts.stream().filter(v -> v.change != null).toList();
    if (logged.isEmpty()) {
      return Future.succeededFuture(verdicts);
    }
    JsonArray events = new JsonArray();
    for (int i = 0; i < logged.size(); i++) {
      Verdict v = logged.get(i);
      events.add(eventRow(i, v.pending.opId(), v.change, EventCodec.encode(v.change.event()), v.pending.actor(),
          v.pending.client(), null));
    }
    return conn.preparedQuery(LOG_EVENTS).execute(Tuple.of(events)).map(rows -> {
      Iterator<Row> it = rows.iterator();
      for (Verdict v : logged) {
        Row row = it.next();
        long seq = row.getLong("seq");
        v.result = new OpResult(seq, v.change.result(), false, StoredEvent.logged(seq, v.change,
            events.getJsonObject(row.getInteger("ord")).getJsonObject("data"), v.pending.actor(), row.getOffsetDateTime("at")));
      }
      return verdicts;
    });
  }

  /** One event of {@code LOG_EVENTS}'s input, in the batch's order {@code ord}. */
  static JsonObject eventRow(int ord, UUID opId, Change change, JsonObject data, Actor actor, String client,
                             JsonObject undo) {
    return new JsonObject()
        .put("ord", ord)
        .put("board_id", actor.boardId().toString())
        .put("op_id", opId.toString())
        .put("type", change.event().name())
        .put("data", data)
        .put("actor_id", actor.participantId() == null ? null : actor.participantId().toString())
        .put("actor_role", actor.role().wire())
        .put("note_id", change.noteId() == null ? null : change.noteId().toString())
        .put("actor_client", client)
        .put("result", change.result())
        .put("undo", undo)
        .put("undoes", change.event().undoes());
  }

  /** The answer an op got the first time, for its retry. */
  static Future<OpResult> replay(SqlConnection conn, UUID boardId, UUID opId) {
    return conn.preparedQuery(REPLAY_OPS).execute(Tuple.of((Object) new UUID[] {boardId}, (Object) new UUID[] {opId}))
        .map(rows -> {
          Row row = rows.iterator().next();
          return new OpResult(row.getLong("seq"), (JsonObject) row.getValue("result"), true, null);
        });
  }
}
