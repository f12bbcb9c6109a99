package org.peerboard.vote.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.peerboard.board.db.Access;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.web.BoardRoutes;
import org.peerboard.http.Bearer;
import org.peerboard.vote.db.VoteStore;

/** A vote round over HTTP, as the key's role may see it: results only once revealed. */
public final class VoteRoutes {
  private final Access access;
  private final VoteStore votes;

  public VoteRoutes(Access access, VoteStore votes) {
    this.access = access;
    this.votes = votes;
  }

  public void mount(Router router) {
    router.get("/api/boards/:id/votes/:roundId").handler(this::round);
  }

  private void round(RoutingContext ctx) {
    UUID boardId = BoardRoutes.boardId(ctx);
    UUID roundId;
    try {
      roundId = UUID.fromString(ctx.pathParam("roundId"));
    } catch (IllegalArgumentException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.roundNotFound");
    }
    String key = Bearer.of(ctx);
    if (key == null) {
      ctx.fail(new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
      return;
    }
    access
        .resolve(boardId, key)
        .compose(actor -> votes.round(actor, roundId))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }
}
