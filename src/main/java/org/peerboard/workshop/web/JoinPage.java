package org.peerboard.workshop.web;

import static org.peerboard.workshop.web.WorkshopPages.notFound;
import static org.peerboard.workshop.web.WorkshopPages.seeOther;
import static org.peerboard.workshop.web.WorkshopPages.workshopJson;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.Role;
import org.peerboard.http.Languages;
import org.peerboard.pages.Pages;
import org.peerboard.workshop.db.RightsStore;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.model.Notice;

/**
 * A board's join link on a phone ({@code /j/{code}}) and the whole information notice behind it
 * ({@code /j/{code}/notice}); a closed board shows its results there ({@link ClosedBoard}).
 */
final class JoinPage {
  private final Pages pages;
  private final WorkshopStore workshops;
  private final Templates templates;
  private final Access access;
  private final BoardStore boards;
  private final JoinGuard guard;
  private final RightsStore rights;

  JoinPage(
      Pages pages,
      WorkshopStore workshops,
      Templates templates,
      Access access,
      BoardStore boards,
      JoinGuard guard,
      RightsStore rights) {
    this.pages = pages;
    this.workshops = workshops;
    this.templates = templates;
    this.access = access;
    this.boards = boards;
    this.guard = guard;
    this.rights = rights;
  }

  /**
   * The join link. An open board offers the join form (or the board, to a participant who already
   * joined). A closed board still greets its people: its name, a thank-you and its revealed
   * results, read-only, whether or not this browser joined it; when a code was given out again, a
   * browser that joined the closed board sees it. The workshop-wide code, typed where a group's
   * code was expected, goes to the page that picks the group.
   */
  void join(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    workshops
        .boardsByCode(code)
        .compose(found -> found.isEmpty() ? groupOf(ctx, code) : joinBoard(ctx, chosen(ctx, found)))
        .onFailure(failure -> guard.wrongCodeOrFail(ctx, failure));
  }

  /**
   * No board has the code: the workshop's code sends the browser to pick its group; any other is
   * not found.
   */
  private Future<Void> groupOf(RoutingContext ctx, String code) {
    return workshops
        .workshopByCode(code)
        .compose(
            workshop -> {
              if (workshop.isEmpty()) {
                return Future.failedFuture(notFound("error.joinCodeNotFound"));
              }
              seeOther(ctx, "/g/" + workshop.get().joinCode());
              return Future.succeededFuture();
            });
  }

  private Future<Void> joinBoard(RoutingContext ctx, WorkshopStore.JoinTarget target) {
    String lang = Languages.explicit(ctx).orElse(target.workshop().language());
    return templates
        .get(target.workshop().templateId()) // loads the template that templates.json below reads
        .compose(t -> rights.notice(target.workshop().id(), lang))
        .compose(
            notice ->
                rememberedParticipant(ctx, target.boardId())
                    .compose(
                        participant ->
                            target.closed()
                                ? closedState(target, participant, lang)
                                    .map(
                                        closed ->
                                            renderJoin(
                                                ctx, target, lang, participant, closed, notice))
                                : Future.succeededFuture(
                                    renderJoin(ctx, target, lang, participant, null, notice))));
  }

  /** The whole information notice of a join link's workshop, in the page's language. */
  void notice(RoutingContext ctx) {
    workshops
        .boardsByCode(ctx.pathParam("code"))
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.failedFuture(notFound("error.joinCodeNotFound"));
              }
              WorkshopStore.JoinTarget target = chosen(ctx, found);
              String lang = Languages.explicit(ctx).orElse(target.workshop().language());
              return rights
                  .notice(target.workshop().id(), lang)
                  .map(
                      notice -> {
                        pages.render(
                            ctx,
                            "notice",
                            lang,
                            new JsonObject()
                                .put("boardName", target.boardName())
                                .put("joinCode", target.joinCode())
                                .put("workshop", workshopJson(target.workshop()))
                                .put("notice", noticeJson(notice)));
                        return (Void) null;
                      });
            })
        .onFailure(failure -> guard.wrongCodeOrFail(ctx, failure));
  }

  private static JsonObject noticeJson(Notice notice) {
    return new JsonObject()
        .put("version", notice.version())
        .put("language", notice.language())
        .put("text", notice.text());
  }

  private Void renderJoin(
      RoutingContext ctx,
      WorkshopStore.JoinTarget target,
      String lang,
      Remembered participant,
      JsonObject closed,
      Notice notice) {
    pages.render(
        ctx,
        "join",
        lang,
        new JsonObject()
            .put("boardId", target.boardId().toString())
            .put("boardName", target.boardName())
            .put("joinCode", target.joinCode())
            .put("workshop", workshopJson(target.workshop()))
            .put("privacyNotice", target.workshop().privacyNotice())
            .put("notice", noticeJson(notice))
            .put("participantToken", participant == null ? null : participant.token())
            .put("closed", closed)
            .put("template", templates.json(target.workshop().templateId())));
    return null;
  }

  /**
   * The open board with the code; else the closed board this browser joined; else the newest closed
   * one.
   */
  private static WorkshopStore.JoinTarget chosen(
      RoutingContext ctx, List<WorkshopStore.JoinTarget> found) {
    WorkshopStore.JoinTarget first = found.get(0);
    if (!first.closed()) {
      return first;
    }
    return found.stream()
        .filter(
            t -> ctx.request().getCookie(WorkshopRoutes.participantCookieName(t.boardId())) != null)
        .findFirst()
        .orElse(first);
  }

  private Future<JsonObject> closedState(
      WorkshopStore.JoinTarget target, Remembered participant, String lang) {
    Actor viewer =
        participant == null
            ? new Actor(target.boardId(), Role.PARTICIPANT, null)
            : participant.actor();
    return boards.snapshot(viewer).map(board -> ClosedBoard.of(board, Pages.messages(lang), lang));
  }

  /** A participant this browser's HttpOnly cookie names, still on this board. */
  private record Remembered(String token, Actor actor) {}

  /**
   * The participant in this browser's HttpOnly cookie, if they are still a participant of this
   * board; else null.
   */
  private Future<Remembered> rememberedParticipant(RoutingContext ctx, UUID boardId) {
    Cookie cookie = ctx.request().getCookie(WorkshopRoutes.participantCookieName(boardId));
    if (cookie == null) {
      return Future.succeededFuture(null);
    }
    return access
        .resolve(boardId, cookie.getValue())
        .map(
            actor ->
                actor.role() == Role.PARTICIPANT ? new Remembered(cookie.getValue(), actor) : null)
        .otherwise((Remembered) null);
  }
}
