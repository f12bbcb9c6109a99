package org.peerboard.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicLong;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request is answered or failed within a bounded time, whatever went wrong on the way (an
 * answer whose headers could not be written, a future nobody completed): past the deadline a
 * request whose answer has not started gets {@code 503 unavailable}, and if even that cannot be
 * written its connection is closed. A download whose answer has started streams on; its own
 * back-pressure and the idle timeouts bound it. WebSocket upgrades are left alone.
 */
public final class AnswerDeadline {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerDeadline.class);

  /** After the 503, how long its writing may take before the connection is closed. */
  private static final long CLOSE_AFTER_MILLIS = 2_000;

  private final long millis;
  private final long downloadMillis;
  private final AtomicLong missed = new AtomicLong();

  /**
   * {@code millis} for every request, {@code downloadMillis} for downloads (exports are made before
   * their first byte: a large XLSX takes a while on a busy machine).
   */
  public AnswerDeadline(long millis, long downloadMillis) {
    this.millis = millis;
    this.downloadMillis = downloadMillis;
  }

  /** A router handler: arms the deadline, disarmed when the answer ends. */
  public void arm(RoutingContext ctx) {
    if ("websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
      ctx.next();
      return;
    }
    String path = ctx.request().path();
    long deadline = path.contains("/export.") || path.endsWith(".csv") ? downloadMillis : millis;
    long timer = ctx.vertx().setTimer(deadline, id -> missed(ctx, deadline));
    ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
    ctx.next();
  }

  /** Requests that missed the deadline since the last call (for the minute's summary). */
  public long missedSinceLastCall() {
    return missed.getAndSet(0);
  }

  private void missed(RoutingContext ctx, long deadline) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.headWritten() || response.closed()) {
      return;
    }
    if (missed.getAndIncrement() == 0) {
      LOG.warn(
          "A request to {} was not answered within {} ms; answered 503 (summary every minute)",
          ctx.request().path(),
          deadline);
    }
    try {
      ctx.fail(new Rejection(ErrorCode.UNAVAILABLE, "error.unavailable"));
    } catch (RuntimeException e) {
      LOG.debug("could not answer a late request: {}", e.getMessage());
    }
    ctx.vertx()
        .setTimer(
            CLOSE_AFTER_MILLIS,
            id -> {
              if (!response.ended()) {
                ctx.request().connection().close();
              }
            });
  }
}
