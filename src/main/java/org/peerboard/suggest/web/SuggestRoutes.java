package org.peerboard.suggest.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import org.peerboard.suggest.db.SuggestReader;
import org.peerboard.suggest.model.Suggester;
import org.peerboard.workshop.db.Templates;

/**
 * {@code GET /api/boards/{id}/suggestions?lane=}: suggested themes and near-duplicates for those
 * who run the board. The text work is CPU-bound, so it runs on a worker thread, never on the event
 * loop.
 */
public final class SuggestRoutes {
  private static final int MAX_LANE = 80;

  private final Vertx vertx;
  private final Access access;
  private final SuggestReader reader;
  private final Templates templates;

  private SuggestRoutes(Vertx vertx, Access access, SuggestReader reader, Templates templates) {
    this.vertx = vertx;
    this.access = access;
    this.reader = reader;
    this.templates = templates;
  }

  /**
   * The one line a server needs: {@code SuggestRoutes.mount(vertx, router, pool, access,
   * templates)}.
   */
  public static void mount(
      Vertx vertx, Router router, Pool pool, Access access, Templates templates) {
    SuggestRoutes routes = new SuggestRoutes(vertx, access, new SuggestReader(pool), templates);
    router.get("/api/boards/:id/suggestions").handler(routes::suggestions);
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
        .compose(actor -> reader.read(boardId, lane))
        .compose(
            material ->
                templates
                    .get(material.templateId())
                    .compose(
                        template ->
                            vertx.executeBlocking(
                                () ->
                                    Suggester.suggest(
                                        material.notes(),
                                        material.clusters(),
                                        material.language(),
                                        template.glossary().groups(material.language()),
                                        Suggester.Tuning.DEFAULT),
                                false)))
        .map(SuggestRoutes::json)
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  private Future<Actor> mayAsk(Actor actor) {
    return actor.role().runsTheBoard()
        ? Future.succeededFuture(actor)
        : Future.failedFuture(new Rejection(ErrorCode.FORBIDDEN, "error.suggestForbidden"));
  }

  private static JsonObject json(Suggester.Suggestions suggestions) {
    JsonArray groups = new JsonArray();
    for (Suggester.Group group : suggestions.groups()) {
      JsonObject entry =
          new JsonObject()
              .put("name", group.name())
              .put("lane", group.lane())
              .put("noteIds", new JsonArray(group.noteIds()));
      if (group.clusterId() != null) {
        entry.put("clusterId", group.clusterId());
      }
      groups.add(entry);
    }
    JsonArray duplicates = new JsonArray();
    suggestions
        .duplicates()
        .forEach(
            d ->
                duplicates.add(
                    new JsonObject()
                        .put("noteId", d.noteId())
                        .put("of", d.of())
                        .put("score", d.score())));
    return new JsonObject().put("groups", groups).put("duplicates", duplicates);
  }
}
