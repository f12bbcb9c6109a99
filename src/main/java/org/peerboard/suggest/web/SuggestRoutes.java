package org.peerboard.suggest.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.UUID;
import org.peerboard.board.db.Access;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.web.BoardRoutes;
import org.peerboard.http.Bearer;
import org.peerboard.workshop.db.Templates;

/**
 * {@code GET /api/boards/{id}/suggestions?lane=}: suggested themes and near-duplicates for those
 * who run the board. The text work is CPU-bound, so it runs on a worker thread, never on the event
 * loop.
 */
public final class SuggestRoutes {
  private static final int MAX_LANE = 80;

  private final Access access;
  private final Suggestions suggestions;

  private SuggestRoutes(Access access, Suggestions suggestions) {
    this.access = access;
    this.suggestions = suggestions;
  }

  /**
   * The one line a server needs: {@code SuggestRoutes.mount(router, access, suggestions)}, with one
   * {@link Suggestions} for the whole process.
   */
  public static void mount(Router router, Access access, Suggestions suggestions) {
    SuggestRoutes routes = new SuggestRoutes(access, suggestions);
    router.get("/api/boards/:id/suggestions").handler(routes::suggestions);
  }

  /** As above, with a {@link Suggestions} of its own (one process, one router). */
  public static void mount(
      Vertx vertx, Router router, Pool pool, Access access, Templates templates) {
    mount(router, access, new Suggestions(vertx, pool, templates));
  }

  private void suggestions(RoutingContext ctx) {
    UUID boardId = BoardRoutes.boardId(ctx);
    String key = Bearer.of(ctx);
    if (key == null) {
      ctx.fail(new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
      return;
    }
    String lane = ctx.queryParams().get("lane");
    if (lane != null && (lane.isEmpty() || lane.length() > MAX_LANE)) {
      ctx.fail(new Rejection(ErrorCode.INVALID, "error.unknownLane"));
      return;
    }
    access
        .resolve(boardId, key)
        .compose(this::mayAsk)
        .compose(actor -> suggestions.of(boardId, lane))
        .onSuccess(ctx::json)
        .onFailure(
            failure -> {
              if (failure instanceof Rejection r && Suggestions.BUSY.equals(r.messageKey())) {
                ctx.response()
                    .putHeader("Retry-After", String.valueOf(Suggestions.RETRY_AFTER_SECONDS));
              }
              ctx.fail(failure);
            });
  }

  private Future<Actor> mayAsk(Actor actor) {
    return actor.role().runsTheBoard()
        ? Future.succeededFuture(actor)
        : Future.failedFuture(new Rejection(ErrorCode.FORBIDDEN, "error.suggestForbidden"));
  }
}
