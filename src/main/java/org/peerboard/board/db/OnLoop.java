package org.peerboard.board.db;

import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;

/**
 * Running work on an event loop without a needless hand-over (issue 28). Vert.x gives every request
 * and socket a context of its own (a duplicate of its event loop's), so comparing contexts tells
 * two sockets of the same loop apart; what matters for thread safety and for latency is the thread.
 * Work for a context whose loop is the current thread runs now, inside the caller's task; only work
 * for another loop is handed over, which costs a wake-up of that loop's thread.
 */
public final class OnLoop {
  private OnLoop() {}

  /** Whether the current thread is the event loop of {@code context}. */
  public static boolean here(Context context) {
    return ((ContextInternal) context).nettyEventLoop().inEventLoop();
  }

  /** Whether two contexts run on the same event loop. */
  public static boolean same(Context a, Context b) {
    return ((ContextInternal) a).nettyEventLoop() == ((ContextInternal) b).nettyEventLoop();
  }

  /** The event loop (thread) that runs {@code context}. */
  public static Object loopOf(Context context) {
    return ((ContextInternal) context).nettyEventLoop();
  }

  /** Runs {@code task} now when on the loop of {@code context}, otherwise hands it to that loop. */
  public static void run(Context context, Runnable task) {
    if (here(context)) {
      task.run();
    } else {
      context.runOnContext(v -> task.run());
    }
  }

  /** The event loop's own context, not a request's or a socket's duplicate of it. */
  public static Context base(Context context) {
    return ((ContextInternal) context).unwrap();
  }
}
