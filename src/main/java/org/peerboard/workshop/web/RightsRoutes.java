package org.peerboard.workshop.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.peerboard.board.db.Withdrawal;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Bearer;
import org.peerboard.http.Cookies;
import org.peerboard.security.KeyRing;
import org.peerboard.security.Limiter;
import org.peerboard.security.Principal;
import org.peerboard.workshop.db.RightsStore;

/**
 * Participants' rights over HTTP (issue 22): a participant withdraws from the study with their
 * token; the organiser moves the workshop's retention date. Process-wide: one instance serves every
 * loop (its limiter is thread-safe).
 */
public final class RightsRoutes {
  private final KeyRing keys;
  private final Withdrawal withdrawal;
  private final RightsStore rights;
  private final Clock clock;

  /** Withdrawals per token, as many as the ops a participant may send a minute. */
  private final Limiter<String> perToken;

  public RightsRoutes(
      KeyRing keys, Withdrawal withdrawal, RightsStore rights, Clock clock, int perMinute) {
    this.keys = keys;
    this.withdrawal = withdrawal;
    this.rights = rights;
    this.clock = clock;
    this.perToken = new Limiter<>(perMinute, perMinute / 60.0);
  }

  public void mount(Router router) {
    router.post("/api/boards/:id/withdraw").handler(this::withdraw);
    router.post("/api/workshops/:id/retention").handler(this::retention);
  }

  /** Forgets tokens within their limits again; called once a minute. */
  public void sweep() {
    perToken.sweep();
  }

  /**
   * The participant behind the bearer token withdraws from this board. Another board's token, or
   * one that is gone (withdrawn already), is {@code unauthorized}; a runner's key is {@code
   * forbidden}.
   */
  private void withdraw(RoutingContext ctx) {
    UUID boardId = WorkshopRoutes.uuid(ctx.pathParam("id"));
    String token = Bearer.of(ctx);
    if (token == null) {
      ctx.fail(new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
      return;
    }
    if (!perToken.tryTake(token)) {
      ctx.fail(new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited"));
      return;
    }
    keys.resolve(token)
        .compose(
            holder -> {
              if (holder instanceof Principal.Participant p && p.boardId().equals(boardId)) {
                return withdrawal.withdraw(boardId, p.participantId());
              }
              boolean runner =
                  holder instanceof Principal.OfBoard ofBoard
                      && !(holder instanceof Principal.Participant)
                      && ofBoard.boardId().equals(boardId);
              throw runner
                  ? new Rejection(ErrorCode.FORBIDDEN, "error.withdrawParticipantsOnly")
                  : new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey");
            })
        .onSuccess(
            deleted -> {
              // the browser forgets the token too: its join page then offers a fresh join
              Cookies.add(ctx, WorkshopRoutes.participantCookie(boardId, "").setMaxAge(0));
              ctx.json(new JsonObject().put("withdrawn", true).put("notesDeleted", deleted));
            })
        .onFailure(ctx::fail);
  }

  /** {@code {"retainUntil": "YYYY-MM-DD"}} with the organiser key. */
  private void retention(RoutingContext ctx) {
    UUID workshopId = WorkshopRoutes.uuid(ctx.pathParam("id"));
    LocalDate until =
        WorkshopRequests.retainUntil(WorkshopRequests.body(ctx), LocalDate.now(clock));
    rights
        .retainUntil(workshopId, Bearer.of(ctx), until)
        .onSuccess(done -> ctx.json(new JsonObject().put("retainUntil", until.toString())))
        .onFailure(ctx::fail);
  }
}
