package org.peerboard.workshop.web;

import io.vertx.ext.web.RoutingContext;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.security.Limiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thirty phones share one address, so only wrong join codes count against it, wherever a code is tried (the join
 * API, the join page, its QR code): past the limit they are answered {@code rate_limited} after a pause, and the
 * address is logged (never the code). A valid code always gets in.
 */
public final class JoinGuard {
  private static final Logger LOG = LoggerFactory.getLogger(JoinGuard.class);
  private static final long PAUSE_MS = 1_000;

  private final Limiter<String> failures;
  private final int perMinute;

  public JoinGuard(int failedJoinsPerMinute) {
    this.failures = new Limiter<>(failedJoinsPerMinute, failedJoinsPerMinute / 60.0);
    this.perMinute = failedJoinsPerMinute;
  }

  /** Fails the request with the wrong-code answer, or with {@code rate_limited} for an address that keeps guessing. */
  public void wrongCode(RoutingContext ctx, Rejection notFound) {
    String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
    if (failures.tryTake(address)) {
      ctx.fail(notFound);
      return;
    }
    LOG.warn("Join code guessing from {}: more than {} wrong codes a minute; slowing this address down",
        address, perMinute);
    ctx.vertx().setTimer(PAUSE_MS, id -> ctx.fail(new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited")));
  }

  public void sweep() {
    failures.sweep();
  }
}
