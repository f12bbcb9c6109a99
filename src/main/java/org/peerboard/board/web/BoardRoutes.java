package org.peerboard.board.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Bearer;

/** The board as a role may see it, over plain HTTP: the same object as {@code welcome.board}. */
public final class BoardRoutes {
  private final Access access;
  private final BoardStore boards;

  public BoardRoutes(Access access, BoardStore boards) {
    this.access = access;
    this.boards = boards;
  }

  public void mount(Router router) {
    router.get("/api/boards/:id").handler(this::board);
  }

  private void board(RoutingContext ctx) {
    UUID boardId = boardId(ctx);
    String key = Bearer.of(ctx);
    if (key == null) {
      ctx.fail(new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
      return;
    }
    access
        .resolve(boardId, key)
        .compose(boards::snapshot)
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  public static UUID boardId(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound");
    }
  }
}
