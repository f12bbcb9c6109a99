package org.peerboard.workshop.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.peerboard.Config;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Bearer;
import org.peerboard.security.FailureGuard;
import org.peerboard.security.Keys;
import org.peerboard.security.Limiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may create workshops and templates: with an administrator token configured, only a request
 * that sends it; and every address only within its creation quota.
 */
final class CreationGate {
  private static final Logger LOG = LoggerFactory.getLogger(CreationGate.class);

  private final Optional<String> adminToken;

  /**
   * Wrong admin tokens per address: past the limit every attempt from it is refused for a while,
   * and logged.
   */
  private final FailureGuard wrongAdminTokens;

  /** Workshops (and templates) created per address: each one costs database space. */
  private final Limiter<String> creations;

  CreationGate(Optional<String> adminToken, Config.Defences defences) {
    this.adminToken = adminToken;
    this.wrongAdminTokens =
        new FailureGuard("wrong admin tokens", defences.adminFailuresPerMinute());
    this.creations =
        new Limiter<>(defences.workshopsPerHour(), defences.workshopsPerHour() / 3600.0);
  }

  /** Forgets addresses within their limits again. */
  void sweep() {
    wrongAdminTokens.sweep();
    creations.sweep();
  }

  /**
   * When an administrator token is configured, creating workshops and templates needs it; wrong
   * tokens are counted per address (and an address that keeps guessing is refused for a while).
   * Every address has a creation quota. False once the request has been failed.
   */
  boolean allows(RoutingContext ctx) {
    String address = JoinGuard.address(ctx);
    if (adminToken.isPresent()) {
      if (wrongAdminTokens.refuses(address)) {
        ctx.fail(new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited"));
        return false;
      }
      String given = Bearer.of(ctx);
      if (given == null || !Keys.sameHash(Keys.hash(given), Keys.hash(adminToken.get()))) {
        boolean limited = given != null && wrongAdminTokens.failed(address);
        if (given != null && !limited) {
          LOG.warn("A wrong admin token from {} on {}", address, ctx.request().path());
        }
        ctx.fail(
            limited
                ? new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited")
                : new Rejection(ErrorCode.UNAUTHORIZED, "error.adminTokenRequired"));
        return false;
      }
    }
    if (!creations.tryTake(address)) {
      ctx.fail(new Rejection(ErrorCode.RATE_LIMITED, "error.tooManyWorkshops"));
      return false;
    }
    return true;
  }
}
