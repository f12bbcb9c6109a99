package org.peerboard.workshop.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.security.FailureGuard;

/**
 * Join codes cannot be guessed. Thirty phones share one address, so only wrong codes count against
 * it, wherever a code is tried (the join API, the join page, the group page, their QR codes). An
 * address past its wrong codes is limited: while it is, every code from it is refused {@code
 * rate_limited} after a pause, valid or not, so a lucky guess gets nowhere; phones that type their
 * codes right are never limited. See {@link FailureGuard}.
 */
public final class JoinGuard {
  private static final long PAUSE_MS = 1_000;

  private final FailureGuard failures;

  public JoinGuard(int failedJoinsPerMinute) {
    this.failures = new FailureGuard("wrong join codes", failedJoinsPerMinute);
  }

  /**
   * Puts the guard in front of every route that takes a join code; mount before the routes
   * themselves.
   */
  public void mount(Router router) {
    for (String path :
        new String[] {"/api/join", "/j/:code", "/j/:code/qr.svg", "/g/:code", "/g/:code/qr.svg"}) {
      router.route(path).handler(this::screen);
    }
  }

  /** Refuses every attempt from a limited address before any code is looked up. */
  public void screen(RoutingContext ctx) {
    if (failures.refuses(address(ctx))) {
      refuse(ctx);
    } else {
      ctx.next();
    }
  }

  /**
   * Fails the request with the wrong-code answer, or with {@code rate_limited} for an address that
   * keeps guessing.
   */
  public void wrongCode(RoutingContext ctx, Rejection notFound) {
    if (failures.failed(address(ctx))) {
      refuse(ctx);
    } else {
      ctx.fail(notFound);
    }
  }

  /**
   * A code that matches nothing counts against this address ({@link #wrongCode}); other failures go
   * to the router.
   */
  void wrongCodeOrFail(RoutingContext ctx, Throwable failure) {
    if (failure instanceof Rejection r && r.code() == ErrorCode.NOT_FOUND) {
      wrongCode(ctx, r);
    } else {
      ctx.fail(failure);
    }
  }

  public void sweep() {
    failures.sweep();
  }

  private static void refuse(RoutingContext ctx) {
    ctx.vertx()
        .setTimer(
            PAUSE_MS, id -> ctx.fail(new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited")));
  }

  static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null
        ? "?"
        : ctx.request().remoteAddress().hostAddress();
  }
}
