package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.peerboard.board.db.OpPipeline.Pending;
import org.peerboard.board.model.BoardState;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.model.Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch's transaction for {@link OpPipeline}: lock the boards and claim the op ids, replay what
 * was applied before, apply each op (a savepoint each when there are several), insert the new notes
 * in one statement, give refused op ids back, log the events and notify each board once, commit;
 * then hand each new event to the listener and answer every op. Nothing here is shared between
 * batches: the pipeline decides which ops travel together and when.
 */
final class BatchTx {
  /**
   * A batch slower than this is logged with where its time went, to tell the database's share from
   * ours.
   */
  private static final long SLOW_MILLIS = 100;

  /** Logged as the pipeline, whose slow-batch line operators know (docs/benchmarks.md). */
  private static final Logger LOG = LoggerFactory.getLogger(OpPipeline.class);

  private final Pool pool;
  private final Templates templates;
  private final OpHandlers handlers;
  private final String origin;
  private final BiConsumer<UUID, StoredEvent> listener;
  private final SeenBoards seen;
  private final OneTripAdds oneTrip;

  BatchTx(
      Pool pool,
      Templates templates,
      OpHandlers handlers,
      String origin,
      SeenBoards seen,
      BiConsumer<UUID, StoredEvent> listener) {
    this.pool = pool;
    this.seen = seen;
    this.templates = templates;
    this.handlers = handlers;
    this.origin = origin;
    this.listener = listener;
    this.oneTrip = new OneTripAdds(pool, origin, seen);
  }

  /**
   * What became of one op of a batch, replaced (never changed) by each step: {@code tx} once it may
   * go ahead, then its {@code change} once applied, its {@code result} once logged or replayed, or
   * its {@code failure}. {@code claimed}: its op id was claimed by this transaction (not applied
   * before).
   */
  record Outcome(
      Pending pending, boolean claimed, Tx tx, Change change, OpResult result, Throwable failure) {
    static Outcome failed(Pending pending, boolean claimed, Throwable failure) {
      return new Outcome(pending, claimed, null, null, null, failure);
    }

    Op op() {
      return pending.op();
    }

    boolean goesAhead() {
      return tx != null && change == null && result == null && failure == null;
    }

    Outcome applied(Change applied) {
      return new Outcome(pending, claimed, tx, applied, null, null);
    }

    Outcome answered(OpResult answer) {
      return new Outcome(pending, claimed, tx, change, answer, null);
    }

    Outcome failed(Throwable cause) {
      return failed(pending, claimed, cause);
    }

    void answer() {
      pending.answer(
          failure != null ? Future.failedFuture(failure) : Future.succeededFuture(result));
    }
  }

  /**
   * Commits the batch. On success it gives what is left to do, once committed: hand the new events
   * to the listener and answer every op ({@link #tell}); on failure no op has been answered. A
   * batch of new notes on boards and by authors seen before goes in one statement ({@link
   * OneTripAdds}); when it cannot, or that statement finds things otherwise than judged (and so
   * wrote nothing), or fails, the batch goes the usual way ({@link #usual}), which decides every op
   * afresh: an op that the one statement did commit before its answer was lost is then answered as
   * a retry.
   */
  Future<Runnable> commit(List<Pending> batch) {
    return oneTrip
        .add(batch)
        .compose(
            added ->
                added != null ? Future.succeededFuture(committed(batch, added)) : usual(batch));
  }

  /** What is left to do for a batch {@link OneTripAdds} committed: as {@link #usual}'s. */
  private Runnable committed(List<Pending> batch, List<OpResult> results) {
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      OpResult result = results.get(i);
      if (Stages.ON) {
        Stages.stamp(p.opId(), Stages.LOGGED);
        Stages.stamp(p.opId(), Stages.COMMITTED);
        Stages.logged(p.opId(), p.boardId(), result.seq());
      }
      outcomes.add(new Outcome(p, true, null, null, result, null));
    }
    return () -> tell(outcomes);
  }

  /**
   * One transaction for the batch, spelled out rather than left to the pool so that its ends travel
   * with its statements (issue 28): BEGIN goes out with the lock and claim, COMMIT right behind the
   * log, each pair in one round trip on the pipelined ops pool ({@code PgOptions.opsOptions}). It
   * is as safe: the statements of a connection run in order, and a COMMIT after a failed statement
   * only rolls back (PostgreSQL ends an aborted transaction so), so an op is answered only once the
   * log and its COMMIT both succeeded. Any failure rolls back before the connection goes back to
   * the pool.
   */
  private Future<Runnable> usual(List<Pending> batch) {
    Laps laps = new Laps();
    return pool.getConnection()
        .compose(conn -> inTransaction(conn, batch, laps).eventually(conn::close))
        .map(
            outcomes -> {
              if (laps.totalMillis() >= SLOW_MILLIS) {
                LOG.warn(
                    "A batch of {} ops took {} ms: {}", batch.size(), laps.totalMillis(), laps);
              }
              for (Outcome o : outcomes) {
                if (Stages.ON) {
                  Stages.stamp(o.pending().opId(), Stages.COMMITTED);
                  if (o.result() != null && o.result().event() != null) {
                    Stages.logged(o.pending().opId(), o.pending().boardId(), o.result().seq());
                  }
                }
              }
              return (Runnable) () -> tell(outcomes);
            });
  }

  private Future<List<Outcome>> inTransaction(SqlConnection conn, List<Pending> batch, Laps laps) {
    laps.lap("connection");
    if (Stages.ON) {
      batch.forEach(p -> Stages.stamp(p.opId(), Stages.BEGUN));
    }
    Future<?> begun = conn.query("begin").execute();
    // sent now, behind BEGIN: a failed BEGIN means a lost connection, which fails this too
    Future<List<Outcome>> locked = lockAndClaim(conn, batch);
    return laps.time("BEGIN, lock and claim", begun.compose(v -> locked))
        .compose(outcomes -> replay(conn, outcomes))
        .compose(outcomes -> laps.time("apply", applyEach(outcomes, batch.size() > 1)))
        .compose(outcomes -> laps.time("insert", BatchRows.insertNotes(conn, outcomes)))
        .compose(outcomes -> BatchRows.giveBack(conn, outcomes))
        .compose(outcomes -> laps.time("log and COMMIT", logAndCommit(conn, outcomes, batch)))
        .recover(
            failure ->
                conn.query("rollback")
                    .execute()
                    .transform(rolledBack -> Future.<List<Outcome>>failedFuture(failure)));
  }

  /**
   * The log's statement and COMMIT right behind it. Should the log fail, its COMMIT only ends the
   * aborted transaction, and the log's failure is the batch's.
   */
  private Future<List<Outcome>> logAndCommit(
      SqlConnection conn, List<Outcome> outcomes, List<Pending> batch) {
    Future<List<Outcome>> logged = BatchRows.log(conn, outcomes, origin);
    Future<?> committed = conn.query("commit").execute();
    return logged
        .onSuccess(
            done -> {
              if (Stages.ON) {
                batch.forEach(p -> Stages.stamp(p.opId(), Stages.LOGGED));
              }
            })
        .compose(done -> committed.map(done));
  }

  /**
   * Answers every op, then hands each new event to the listener: what a committed batch does next,
   * run by the pipeline once it has started its next batch. Acks first, as before the pipeline: an
   * ack on the pipeline's loop is then not held behind the fan-out of the whole batch (issue 28,
   * scenario e); the events are handed over in the same task, before anything else runs there.
   */
  private void tell(List<Outcome> outcomes) {
    outcomes.forEach(Outcome::answer);
    for (Outcome o : outcomes) {
      if (o.result() != null && !o.result().replay() && o.result().event() != null) {
        o.result().before().forEach(e -> listener.accept(o.pending().boardId(), e));
        listener.accept(o.pending().boardId(), o.result().event());
      }
    }
  }

  /**
   * Locks the batch's boards, claims its op ids and reads who is still on a board ({@code
   * LOCK_AND_CLAIM}, one round trip): an op may go ahead on a board that exists, with an op id not
   * applied before, by someone not removed.
   */
  private Future<List<Outcome>> lockAndClaim(SqlConnection conn, List<Pending> batch) {
    UUID[] boards = batch.stream().map(Pending::boardId).distinct().toArray(UUID[]::new);
    UUID[] opBoards = batch.stream().map(Pending::boardId).toArray(UUID[]::new);
    UUID[] opIds = batch.stream().map(Pending::opId).toArray(UUID[]::new);
    UUID[] people =
        batch.stream()
            .map(p -> p.actor().participantId())
            .filter(Objects::nonNull)
            .distinct()
            .toArray(UUID[]::new);
    return conn.preparedQuery(LOCK_AND_CLAIM)
        .execute(Tuple.of((Object) boards, (Object) opBoards, (Object) opIds, (Object) people))
        .compose(rows -> decide(conn, batch, rows.iterator().next()));
  }

  private Future<List<Outcome>> decide(SqlConnection conn, List<Pending> batch, Row locked) {
    Map<UUID, JsonObject> boards = new HashMap<>();
    each(locked, "boards", board -> boards.put(UUID.fromString(board.getString("id")), board));
    Set<String> claimedKeys = new HashSet<>();
    each(
        locked,
        "claims",
        claim -> claimedKeys.add(claim.getString("board_id") + ":" + claim.getString("op_id")));
    Map<UUID, UUID> activeOn = new HashMap<>();
    each(
        locked,
        "active",
        person ->
            activeOn.put(
                UUID.fromString(person.getString("id")),
                UUID.fromString(person.getString("board_id"))));
    Map<String, Future<Template>> templatesById = new HashMap<>();
    boards
        .values()
        .forEach(
            board -> templatesById.computeIfAbsent(board.getString("template_id"), templates::get));
    return Future.all(new ArrayList<>(templatesById.values()))
        .map(
            loaded -> {
              boards.forEach(
                  (id, board) ->
                      seen(id, board, templatesById.get(board.getString("template_id")).result()));
              each(
                  locked,
                  "active",
                  person ->
                      seen.saw(
                          UUID.fromString(person.getString("id")),
                          new SeenBoards.Person(
                              UUID.fromString(person.getString("board_id")),
                              person.getString("name"))));
              List<Outcome> outcomes = new ArrayList<>(batch.size());
              for (Pending p : batch) {
                JsonObject board = boards.get(p.boardId());
                boolean claimed = claimedKeys.contains(p.key());
                if (board == null) {
                  outcomes.add(
                      Outcome.failed(
                          p, false, new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound")));
                } else if (!claimed) {
                  outcomes.add(new Outcome(p, false, null, null, null, null));
                } else if (p.actor().role() == Role.PARTICIPANT
                    && !p.boardId().equals(activeOn.get(p.actor().participantId()))) {
                  outcomes.add(
                      Outcome.failed(
                          p,
                          true,
                          new Rejection(ErrorCode.UNAUTHORIZED, "error.participantRemoved")));
                } else {
                  Tx tx =
                      new Tx(
                          conn,
                          p.actor(),
                          p.client(),
                          BoardStore.state(
                              board.getString("stage"),
                              board.getString("focus"),
                              board.getJsonObject("settings")),
                          templatesById.get(board.getString("template_id")).result(),
                          board.getJsonObject("timer"));
                  outcomes.add(new Outcome(p, true, tx, null, null, null));
                }
              }
              return outcomes;
            });
  }

  /** Remembers the board as locked, for the next batch of new notes ({@link OneTripAdds}). */
  private void seen(UUID id, JsonObject board, Template template) {
    try {
      BoardState state =
          BoardStore.state(
              board.getString("stage"), board.getString("focus"), board.getJsonObject("settings"));
      seen.saw(id, new SeenBoards.Board(board, state, template));
    } catch (RuntimeException unreadable) {
      // the usual way judges this board every time, and fails its ops as it always did
    }
  }

  private static void each(Row row, String column, Consumer<JsonObject> action) {
    ((JsonArray) row.getValue(column)).forEach(item -> action.accept((JsonObject) item));
  }

  /** Ops applied before (a client's retry) get the answer they got then. */
  private static Future<List<Outcome>> replay(SqlConnection conn, List<Outcome> outcomes) {
    List<Outcome> retries =
        outcomes.stream().filter(o -> !o.claimed() && o.failure() == null).toList();
    if (retries.isEmpty()) {
      return Future.succeededFuture(outcomes);
    }
    Object boards = retries.stream().map(o -> o.pending().boardId()).toArray(UUID[]::new);
    Object opIds = retries.stream().map(o -> o.pending().opId()).toArray(UUID[]::new);
    return conn.preparedQuery(REPLAY_OPS)
        .execute(Tuple.of(boards, opIds))
        .map(
            rows -> {
              Map<String, Row> answers = new HashMap<>();
              rows.forEach(
                  row -> answers.put(row.getUUID("board_id") + ":" + row.getUUID("op_id"), row));
              return BatchRows.replace(
                  outcomes,
                  o -> !o.claimed() && o.failure() == null,
                  o -> {
                    Row row = answers.get(o.pending().key());
                    return o.answered(
                        new OpResult(
                            row.getLong("seq"), (JsonObject) row.getValue("result"), true, null));
                  });
            });
  }

  /**
   * Every op but {@code note.add}, one after the other, through the handler its feature registered.
   * In a batch of several, each runs under a savepoint, so that its failure is its own; a lone op's
   * failure fails its transaction.
   */
  private Future<List<Outcome>> applyEach(List<Outcome> outcomes, boolean guarded) {
    Future<List<Outcome>> chain = Future.succeededFuture(new ArrayList<>(outcomes));
    for (int i = 0; i < outcomes.size(); i++) {
      int at = i;
      Outcome o = outcomes.get(i);
      if (o.goesAhead() && !(o.op() instanceof Op.NoteAdd)) {
        chain =
            chain.compose(
                list ->
                    (guarded ? guarded(o) : handle(o).map(o::applied))
                        .map(
                            done -> {
                              list.set(at, done);
                              return list;
                            }));
      }
    }
    return chain;
  }

  private Future<Change> handle(Outcome o) {
    return Future.<Void>succeededFuture().compose(v -> handlers.apply(o.tx(), o.op()));
  }

  private Future<Outcome> guarded(Outcome o) {
    SqlConnection conn = o.tx().conn();
    return conn.query("savepoint op")
        .execute()
        .compose(
            v ->
                handle(o)
                    .compose(
                        change ->
                            conn.query("release savepoint op").execute().map(o.applied(change)),
                        failure ->
                            conn.query("rollback to savepoint op")
                                .execute()
                                .map(o.failed(failure))));
  }
}
