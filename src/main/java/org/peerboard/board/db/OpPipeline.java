package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.Op;
import org.peerboard.workshop.db.Templates;

/**
 * The one pipeline that applies ops: the ops that arrive while earlier ones are being committed
 * travel together in the next transaction, whatever their boards, and a lone op is a batch of one,
 * not delayed. A batch costs what one op used to (lock, claim, apply, log, one fsync, one NOTIFY
 * per board), so a burst of notes does not queue one fsync at a time behind a board's lock. A board
 * has at most one batch in flight in this process, and within a batch a board has either only
 * {@code note.add}s (inserted together in one statement) or one other op, so every op sees the
 * board as the ops before it left it, in the order they arrived.
 *
 * <p>Each op has its own answer (see {@link BatchTx}, which runs one batch's transaction): an op
 * that is refused, whose note id is taken, or (in a batch of several) whose handler fails, is
 * answered with its error, leaves no trace (its savepoint is rolled back and its op id given back)
 * and does not fail the others. If a batch fails as a whole, each of its ops is tried again on its
 * own; an op that did commit is then recognised by its op id and replayed. Boards are locked in id
 * order, the order every batch uses, so batches never deadlock.
 *
 * <p>Threading: ops may be submitted from any event loop; each is handed to the pipeline's own
 * context, where the queue, the busy boards and the in-flight count live and every transaction
 * runs, so they need no lock, and each answer is handed back to the context that submitted the op.
 */
final class OpPipeline {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpPipeline.class);

  /** Ops in one transaction at most. */
  static final int MAX_BATCH = 64;

  /** Batches being committed at once, each on its own connection ({@link BatchSlots}). */
  static final int MAX_IN_FLIGHT = BatchSlots.MAX_IN_FLIGHT;

  /** An op waiting for its batch, and where its answer goes. */
  record Pending(
      Actor actor, String client, UUID opId, Op op, Context caller, Promise<OpResult> done) {
    UUID boardId() {
      return actor.boardId();
    }

    String key() {
      return actor.boardId() + ":" + opId;
    }

    /**
     * Answers on the caller's loop: at once when that is this thread (one loop: the socket's), else
     * handed over.
     */
    void answer(AsyncResult<OpResult> answer) {
      if (caller == null) {
        done.handle(answer);
      } else {
        OnLoop.run(caller, () -> done.handle(answer));
      }
    }
  }

  private final BatchTx tx;

  /**
   * Where the queue lives and the transactions run: a live loop's own context once {@link #runOn}
   * was called (so that with one loop an op never changes threads), else one of its own.
   */
  private volatile Context context;

  private volatile BiConsumer<UUID, StoredEvent> committed = (board, event) -> {};
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private final Set<UUID> busy = new HashSet<>();
  private final BatchSlots slots = new BatchSlots();

  OpPipeline(
      Vertx vertx,
      Pool pool,
      Templates templates,
      OpHandlers handlers,
      String origin,
      SeenBoards seen) {
    this.tx =
        new BatchTx(
            pool,
            templates,
            handlers,
            origin,
            seen,
            (board, event) -> committed.accept(board, event));
    this.context = vertx.getOrCreateContext();
  }

  /**
   * Runs the pipeline on {@code loop}'s event loop: called once before any op is submitted (by the
   * live hub, with its first loop). Ops submitted from sockets of that loop then enter the queue,
   * run their transaction (the pool prefers connections of the asking loop) and are answered
   * without a hand-over between threads, each of which costs a wake-up (issue 28).
   */
  void runOn(Context loop) {
    context = OnLoop.base(loop);
  }

  /**
   * Every event this process logs is handed to {@code listener} (board id, event) as soon as its
   * batch has committed, on the pipeline's context, whoever submitted the op (a socket or an HTTP
   * route): this process's own NOTIFYs then need no read-back from the log.
   */
  void onCommitted(BiConsumer<UUID, StoredEvent> listener) {
    committed = listener;
  }

  /**
   * Queues the op; its answer completes on the caller's context after the commit (or with the op's
   * error).
   */
  Future<OpResult> submit(Actor actor, String client, UUID opId, Op op) {
    Pending pending =
        new Pending(actor, client, opId, op, Vertx.currentContext(), Promise.promise());
    OnLoop.run(
        context,
        () -> {
          if (Stages.ON) {
            Stages.stamp(opId, Stages.QUEUED);
          }
          queue.add(pending);
          next();
        });
    return pending.done().future();
  }

  /** Starts the batches there is room for (on the pipeline's context). */
  private void next() {
    Batch batch;
    while ((batch = take()) != null) {
      run(batch);
    }
  }

  /** A batch's ops, and whether they are of boards marked slow ({@link BatchSlots}). */
  private record Batch(List<Pending> ops, boolean slow, Set<UUID> boards, Set<UUID> heavy) {}

  /**
   * The next batch, or null: the queued ops, in order, of boards that have no batch in flight. A
   * board gives a batch its {@code note.add}s up to its first other op, or that op alone; the rest
   * of its ops wait for the next batch, in the order they came (a second op with the same id too,
   * where it is a replay).
   */
  private Batch take() {
    if (!slots.free()) {
      return null;
    }
    long now = System.nanoTime();
    boolean slowFree = slots.slowFree();
    Boolean slowBatch = null;
    List<Pending> batch = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Set<UUID> boards = new HashSet<>();
    Set<UUID> full = new HashSet<>();
    Set<UUID> heavy = new HashSet<>();
    for (Iterator<Pending> it = queue.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
      Pending next = it.next();
      UUID board = next.boardId();
      if (busy.contains(board) || full.contains(board)) {
        continue;
      }
      // slow boards travel apart, in at most half the slots; their later ops wait behind them
      boolean slow = slots.slow(board, now);
      if ((slow && !slowFree) || (slowBatch != null && slow != slowBatch)) {
        full.add(board);
        continue;
      }
      boolean add = next.op() instanceof Op.NoteAdd;
      if ((!add && boards.contains(board)) || !keys.add(next.key())) {
        full.add(board);
        continue;
      }
      if (!add) {
        full.add(board);
        heavy.add(board);
      }
      slowBatch = slow;
      boards.add(board);
      batch.add(next);
      it.remove();
    }
    if (batch.isEmpty()) {
      return null;
    }
    busy.addAll(boards);
    slots.started(slowBatch);
    return new Batch(batch, slowBatch, boards, heavy);
  }

  private void run(Batch batch) {
    List<Pending> ops = batch.ops();
    long started = System.nanoTime();
    if (Stages.ON) {
      ops.forEach(p -> Stages.stamp(p.opId(), Stages.BATCHED));
    }
    tx.commit(ops)
        .recover(failure -> ops.size() == 1 ? fail(ops.get(0), failure) : oneByOne(ops))
        .onComplete(
            done ->
                OnLoop.run(
                    context,
                    () -> {
                      long now = System.nanoTime();
                      slots.finished(batch.slow(), batch.heavy(), (now - started) / 1_000_000, now);
                      busy.removeAll(batch.boards());
                      // the next batch's first statement goes out before this batch's events are
                      // fanned out and its ops answered on this loop, so that the database works on
                      // it meanwhile (issue 28)
                      next();
                      if (done.succeeded()) {
                        tell(done.result());
                      }
                    }));
  }

  private static void tell(Runnable committed) {
    try {
      committed.run();
    } catch (RuntimeException e) {
      LOG.error("Could not hand over a committed batch's events or answers", e);
    }
  }

  private static final Runnable TOLD = () -> {};

  private static Future<Runnable> fail(Pending pending, Throwable failure) {
    pending.answer(Future.failedFuture(failure));
    return Future.succeededFuture(TOLD);
  }

  private Future<Runnable> oneByOne(List<Pending> batch) {
    Future<Runnable> chain = Future.succeededFuture(TOLD);
    for (Pending pending : batch) {
      chain =
          chain.compose(
              v ->
                  tx.commit(List.of(pending))
                      .map(
                          committed -> {
                            tell(committed);
                            return TOLD;
                          })
                      .recover(failure -> fail(pending, failure)));
    }
    return chain;
  }
}
