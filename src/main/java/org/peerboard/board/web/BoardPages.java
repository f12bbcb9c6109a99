package org.peerboard.board.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.UUID;
import org.peerboard.board.db.Access;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.http.Languages;
import org.peerboard.http.Links;
import org.peerboard.pages.Pages;
import org.peerboard.security.BoardKeys;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.web.WorkshopPages;

/**
 * The board's pages: the projector ({@code /p/{id}}, any key but a participant's) and the moderator
 * ({@code /m/{id}}).
 */
public final class BoardPages {
  private final Pages pages;
  private final Access access;
  private final WorkshopStore workshops;
  private final Templates templates;
  private final Links links;

  public BoardPages(
      Pages pages, Access access, WorkshopStore workshops, Templates templates, Links links) {
    this.pages = pages;
    this.access = access;
    this.workshops = workshops;
    this.templates = templates;
    this.links = links;
  }

  public void mount(Router router) {
    router
        .get("/p/:id")
        .handler(ctx -> boardPage(ctx, "projector", Role.VIEWER))
        .failureHandler(pages::errorPage);
    router
        .get("/m/:id")
        .handler(ctx -> boardPage(ctx, "moderator", Role.MODERATOR))
        .failureHandler(pages::errorPage);
  }

  private void boardPage(RoutingContext ctx, String page, Role expected) {
    UUID boardId = uuid(ctx.pathParam("id"));
    if (Pages.keyInQuery(ctx, key -> access.resolve(boardId, key))) {
      return;
    }
    String key = Pages.keyCookie(ctx);
    if (key == null) {
      ctx.fail(new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
      return;
    }
    access
        .resolve(boardId, key)
        .compose(
            actor -> {
              boolean allowed =
                  expected == Role.VIEWER
                      ? actor.role() != Role.PARTICIPANT
                      : actor.role().runsTheBoard();
              if (!allowed) {
                throw new Rejection(ErrorCode.FORBIDDEN, "error.forbidden");
              }
              return workshops
                  .boardWithWorkshop(boardId)
                  .map(
                      target -> {
                        String moderatorKey =
                            actor.role() == Role.ORGANISER
                                ? BoardKeys.moderator(key, boardId, target.moderatorGeneration())
                                : key;
                        return Map.entry(target, moderatorKey);
                      });
            })
        .onSuccess(
            found -> {
              WorkshopStore.JoinTarget target = found.getKey();
              String moderatorKey = found.getValue();
              String lang = Languages.explicit(ctx).orElse(target.workshop().language());
              JsonObject state =
                  new JsonObject()
                      .put("boardId", boardId.toString())
                      .put("boardName", target.boardName())
                      .put("key", key)
                      .put("joinCode", target.joinCode())
                      .put("joinUrl", links.join(target.joinCode()))
                      .put("qrUrl", "/j/" + target.joinCode() + "/qr.svg")
                      .put("workshop", WorkshopPages.workshopJson(target.workshop()))
                      .put("template", templates.json(target.workshop().templateId()));
              if (expected == Role.MODERATOR) {
                state.put(
                    "projectorUrl",
                    links.projector(
                        boardId, BoardKeys.projector(moderatorKey, target.projectorGeneration())));
              }
              pages.render(ctx, page, lang, state);
            })
        .onFailure(ctx::fail);
  }

  private static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.notFound");
    }
  }
}
