package org.peerboard.workshop.web;

import io.vertx.ext.web.RoutingContext;
import org.peerboard.Config;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.security.Limiter;

/**
 * Joins that a valid code is good for. The code is on the projector, so knowing it proves little:
 * one address may join one board a burst of times that fits a room of phones behind one NAT (then
 * as many again over five minutes), and a board takes so many new participants a minute from
 * everyone together. Past either, {@code 429 rate_limited} with {@code Retry-After}; nothing is
 * stored.
 */
final class JoinBudget {
  /** Seconds a refused phone is told to wait before trying again. */
  static final int RETRY_AFTER_SECONDS = 10;

  private final Limiter<String> perAddressAndBoard;
  private final Limiter<String> perBoard;

  JoinBudget(Config.Budgets budgets) {
    int burst = budgets.joinsPerAddressPerBoard();
    this.perAddressAndBoard = new Limiter<>(burst, burst / 300.0);
    int perMinute = budgets.participantsPerBoardPerMinute();
    this.perBoard = new Limiter<>(perMinute, perMinute / 60.0);
  }

  /**
   * Takes one join of the board behind {@code code} from the request's address, or fails the
   * request and answers false.
   */
  boolean take(RoutingContext ctx, String code) {
    String address = JoinGuard.address(ctx);
    if (perBoard.hasToken(code)
        && perAddressAndBoard.tryTake(address + "|" + code)
        && perBoard.tryTake(code)) {
      return true;
    }
    ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    ctx.fail(new Rejection(ErrorCode.RATE_LIMITED, "error.tooManyJoins"));
    return false;
  }

  void sweep() {
    perAddressAndBoard.sweep();
    perBoard.sweep();
  }
}
