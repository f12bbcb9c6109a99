package org.peerboard.export.web;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;

/**
 * Downloads and report pages made at once, in the whole process. Each holds a database connection
 * in a read transaction while it is made and keeps a worker busy formatting it; a session's ops,
 * sockets and {@code /health} need the rest. Past the bound a request is answered {@code 503
 * unavailable} with {@code Retry-After}, at once, rather than queued.
 */
public final class ExportGate {
  /** Seconds a refused download is told to wait. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final int atOnce;
  private final AtomicInteger running = new AtomicInteger();

  public ExportGate(int atOnce) {
    this.atOnce = Math.max(1, atOnce);
  }

  /**
   * Makes the download or page if there is room (its place is given back when {@code work}'s future
   * completes, however), or fails the request with 503 and a Retry-After.
   */
  public <T> Future<T> run(RoutingContext ctx, Supplier<Future<T>> work) {
    Future<T> made = run(work);
    if (made.failed() && busy(made.cause())) {
      ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
    return made;
  }

  /** As above, without a request: fails {@code unavailable} at once when there is no room. */
  public <T> Future<T> run(Supplier<Future<T>> work) {
    if (running.incrementAndGet() > atOnce) {
      running.decrementAndGet();
      return Future.failedFuture(new Rejection(ErrorCode.UNAVAILABLE, BUSY));
    }
    Future<T> made;
    try {
      made = work.get();
    } catch (RuntimeException e) {
      made = Future.failedFuture(e);
    }
    return made.onComplete(done -> running.decrementAndGet());
  }

  static final String BUSY = "error.exportsBusy";

  /** Whether a failure is this gate's "no room". */
  public static boolean busy(Throwable failure) {
    return failure instanceof Rejection r && BUSY.equals(r.messageKey());
  }

  /** Downloads and pages being made now. */
  public int running() {
    return running.get();
  }
}
