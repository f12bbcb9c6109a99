package org.peerboard.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import java.util.function.Consumer;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.OnLoop;
import org.peerboard.board.db.StoredEvent;

/**
 * Fan-out in this process, spread over the server's event loops. Each board is pinned to one loop
 * (by its id), where its hub lives with the state of its sockets ({@link BoardLoop}); a socket is
 * handed to its board's loop at {@code hello}. A socket stays on the loop that accepted it, which
 * writes its frames; Vert.x has no public way to move a connection to another loop. Calls may come
 * from any thread: each is run on the board's loop.
 */
public final class LiveHub {
  static final short REMOVED = 4003;
  static final short KEY_ROTATED = 4001;
  static final short BOARD_DELETED = 4004;

  private final Vertx vertx;
  private final BoardStore store;
  private final PresenceShare presenceShare;
  private final BoardLoop[] loops;

  /**
   * A hub of {@code loops} event loops; each is {@link #attach attached} by the server verticle
   * that runs on it.
   */
  public LiveHub(Vertx vertx, BoardStore store, Pool pool, int loops) {
    this.vertx = vertx;
    this.store = store;
    this.loops = new BoardLoop[loops];
    this.presenceShare = new PresenceShare(vertx, pool);
    presenceShare.start(board -> on(board, loop -> loop.othersChanged(board)));
  }

  public int loops() {
    return loops.length;
  }

  /**
   * The event loop {@code index} (0 … loops-1) is {@code context}; call it on that context, before
   * it serves.
   */
  public synchronized void attach(int index, Context context) {
    loops[index] = new BoardLoop(context, vertx, store, presenceShare);
    if (index == 0) {
      // the op pipeline runs on the first loop too: with one loop an op, its commit, its fan-out
      // and its ack never change threads, as before the loops (issue 28)
      store.pipelineOn(context);
    }
  }

  PresenceShare presenceShare() {
    return presenceShare;
  }

  /** A socket has been welcomed at {@code c.sentSeq}; the log's head is {@code head}. */
  void register(Connection c, long head) {
    on(c.actor.boardId(), loop -> loop.register(c, head));
  }

  void where(Connection c, String phase) {
    on(c.actor.boardId(), loop -> loop.where(c, phase));
  }

  void unregister(Connection c) {
    if (c.actor != null) {
      on(c.actor.boardId(), loop -> loop.unregister(c));
    }
  }

  /** Something was committed on this board up to {@code seq}. */
  public void signal(UUID boardId, long seq) {
    on(boardId, loop -> loop.signal(boardId, seq));
  }

  /** This process committed an event (see {@link BoardLoop#committed}). */
  public void committed(UUID boardId, StoredEvent event) {
    on(boardId, loop -> loop.committed(boardId, event));
  }

  /**
   * This process's own NOTIFY: its events are on their way through {@link #committed} (see {@link
   * BoardLoop#ownCommit}).
   */
  public void ownCommit(UUID boardId, long seq) {
    on(boardId, loop -> loop.ownCommit(boardId, seq));
  }

  /** The board's workshop was deleted: its sockets in this process are closed with 4004. */
  public void deleted(UUID boardId) {
    on(boardId, loop -> loop.deleted(boardId));
  }

  /** After the LISTEN connection came back: every board reads what it may have missed. */
  public void signalAll() {
    for (BoardLoop loop : attached()) {
      if (loop != null) {
        loop.context.runOnContext(v -> loop.signalAll());
      }
    }
  }

  /** Closes the sockets of the boards pinned to loop {@code index}; call it on that loop. */
  public void closeLoop(int index, short code, String reason) {
    BoardLoop loop = attached()[index];
    if (loop != null) {
      loop.closeAll(code, reason);
    }
  }

  /** Stops sharing presence; the loops are closed by {@link #closeLoop}. */
  public void stop() {
    presenceShare.stop();
  }

  /**
   * Runs {@code action} on the loop of {@code boardId}: at once when already there, otherwise
   * handed over.
   */
  private void on(UUID boardId, Consumer<BoardLoop> action) {
    BoardLoop loop = attached()[Math.floorMod(boardId.hashCode(), loops.length)];
    if (loop == null) {
      return; // not serving yet: no socket can be registered before every loop is attached
    }
    // by thread, not by context: a socket's handlers run on a duplicate of its loop's context
    OnLoop.run(loop.context, () -> action.accept(loop));
  }

  private synchronized BoardLoop[] attached() {
    return loops;
  }
}
