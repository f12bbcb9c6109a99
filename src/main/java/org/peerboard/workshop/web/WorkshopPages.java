package org.peerboard.workshop.web;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.http.Languages;
import org.peerboard.http.Links;
import org.peerboard.pages.Pages;
import org.peerboard.security.BoardKeys;
import org.peerboard.workshop.db.RightsStore;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.model.JoinCodes;
import org.peerboard.workshop.model.Notice;

/**
 * The workshop's pages: new workshop ({@code /new}), the organiser's links and the plenary ({@code
 * /w/{id}}, {@code /w/{id}/plenary}), picking a group ({@code /g/{code}}) and joining a board from
 * a phone ({@code /j}, {@code /j/{code}}; a closed board shows its results there, {@link
 * ClosedBoard}).
 */
public final class WorkshopPages {
  private final Pages pages;
  private final WorkshopStore workshops;
  private final Templates templates;
  private final Access access;
  private final BoardStore boards;
  private final Links links;
  private final JoinGuard guard;
  private final boolean adminTokenRequired;
  private final RightsStore rights;
  private final Clock clock;

  /** Where the data lives, for the data protection section: a directory or {@code DATABASE_URL}. */
  private final String dataLocation;

  public WorkshopPages(
      Pages pages,
      WorkshopStore workshops,
      Templates templates,
      Access access,
      BoardStore boards,
      Links links,
      JoinGuard guard,
      boolean adminTokenRequired,
      RightsStore rights,
      Clock clock,
      String dataLocation) {
    this.rights = rights;
    this.clock = clock;
    this.dataLocation = dataLocation;
    this.pages = pages;
    this.workshops = workshops;
    this.templates = templates;
    this.access = access;
    this.boards = boards;
    this.links = links;
    this.guard = guard;
    this.adminTokenRequired = adminTokenRequired;
  }

  public void mount(Router router) {
    router.get("/").handler(ctx -> ctx.redirect("/new"));
    router.get("/new").handler(this::newWorkshop).failureHandler(pages::errorPage);
    router
        .get("/w/:id")
        .handler(ctx -> organiser(ctx, "organiser"))
        .failureHandler(pages::errorPage);
    router
        .get("/w/:id/plenary")
        .handler(ctx -> organiser(ctx, "plenary"))
        .failureHandler(pages::errorPage);
    router.get("/g/:code").handler(this::pickGroup).failureHandler(pages::errorPage);
    router.get("/j").handler(this::joinByCode).failureHandler(pages::errorPage);
    router.get("/j/:code").handler(this::join).failureHandler(pages::errorPage);
    router.get("/j/:code/notice").handler(this::notice).failureHandler(pages::errorPage);
  }

  private void newWorkshop(RoutingContext ctx) {
    pages.render(
        ctx,
        "new",
        Languages.of(ctx),
        new JsonObject().put("adminTokenRequired", adminTokenRequired));
  }

  /**
   * {@code /j?code=k7pq3x} (the form on the error page) goes to the tidy {@code /j/K7PQ3X}; bare
   * {@code /j} asks for a code.
   */
  private void joinByCode(RoutingContext ctx) {
    Optional<String> code = JoinCodes.normalise(ctx.request().getParam("code"));
    if (code.isPresent()) {
      seeOther(ctx, "/j/" + code.get());
    } else if (ctx.request().getParam("code") != null) {
      ctx.fail(notFound("error.joinCodeNotFound"));
    } else {
      pages.codeForm(ctx);
    }
  }

  /**
   * The workshop-wide QR code lands here: the participant picks their group, then joins that board.
   */
  private void pickGroup(RoutingContext ctx) {
    workshops
        .workshopByCode(ctx.pathParam("code"))
        .compose(
            found -> {
              WorkshopStore.WorkshopInfo workshop =
                  found.orElseThrow(() -> notFound("error.joinCodeNotFound"));
              return workshops
                  .boards(workshop.id())
                  .map(
                      boards -> {
                        JsonArray groups = new JsonArray();
                        boards.stream()
                            .filter(b -> !"closed".equals(b.stage()))
                            .forEach(
                                b ->
                                    groups.add(
                                        new JsonObject()
                                            .put("name", b.name())
                                            .put("joinCode", b.joinCode())
                                            .put("joinUrl", "/j/" + b.joinCode())));
                        return new JsonObject()
                            .put("workshop", workshopJson(workshop))
                            .put("groups", groups);
                      });
            })
        .onSuccess(
            state ->
                pages.render(
                    ctx,
                    "group",
                    Languages.explicit(ctx)
                        .orElse(state.getJsonObject("workshop").getString("language")),
                    state))
        // the group page lists every group's code: guessing it counts as for /j/
        .onFailure(failure -> wrongCodeOrFail(ctx, failure));
  }

  private void organiser(RoutingContext ctx, String page) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    if (Pages.keyInQuery(ctx, key -> workshops.checkOrganiser(workshopId, key))) {
      return;
    }
    String key = Pages.keyCookie(ctx);
    workshops
        .checkOrganiser(workshopId, key)
        .compose(ok -> workshops.workshop(workshopId))
        .compose(
            info ->
                workshops
                    .boards(workshopId)
                    .map(
                        boards -> {
                          WorkshopStore.WorkshopInfo workshop =
                              info.orElseThrow(() -> notFound("error.workshopNotFound"));
                          JsonArray boardList = new JsonArray();
                          for (WorkshopStore.BoardInfo board : boards) {
                            String moderatorKey =
                                BoardKeys.moderator(key, board.id(), board.moderatorGeneration());
                            boardList.add(
                                new JsonObject()
                                    .put("id", board.id().toString())
                                    .put("name", board.name())
                                    .put("joinCode", board.joinCode())
                                    .put("joinUrl", links.join(board.joinCode()))
                                    .put("qrUrl", "/j/" + board.joinCode() + "/qr.svg")
                                    .put("moderatorUrl", links.moderator(board.id(), moderatorKey))
                                    .put("stage", board.stage())
                                    .put(
                                        "projectorUrl",
                                        links.projector(
                                            board.id(),
                                            BoardKeys.projector(
                                                moderatorKey, board.projectorGeneration()))));
                          }
                          return new JsonObject()
                              .put("workshop", workshopJson(workshop))
                              .put("dataLocation", dataLocation)
                              .put("organiserUrl", links.organiser(workshopId, key))
                              .put("organiserKey", key)
                              .put("joinUrl", links.group(workshop.joinCode()))
                              .put("qrUrl", "/g/" + workshop.joinCode() + "/qr.svg")
                              .put("boards", boardList);
                        }))
        .compose(
            state ->
                rights
                    .dataProtection(workshopId, LocalDate.now(clock))
                    .map(facts -> state.put("dataProtection", facts)))
        .onSuccess(
            state ->
                pages.render(
                    ctx,
                    page,
                    Languages.explicit(ctx)
                        .orElse(state.getJsonObject("workshop").getString("language")),
                    state))
        .onFailure(ctx::fail);
  }

  /**
   * The join link. An open board offers the join form (or the board, to a participant who already
   * joined). A closed board still greets its people: its name, a thank-you and its revealed
   * results, read-only, whether or not this browser joined it; when a code was given out again, a
   * browser that joined the closed board sees it. The workshop-wide code, typed where a group's
   * code was expected, goes to the page that picks the group.
   */
  private void join(RoutingContext ctx) {
    String code = ctx.pathParam("code");
    workshops
        .boardsByCode(code)
        .compose(found -> found.isEmpty() ? groupOf(ctx, code) : joinBoard(ctx, chosen(ctx, found)))
        .onFailure(failure -> wrongCodeOrFail(ctx, failure));
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
  private void notice(RoutingContext ctx) {
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
        .onFailure(failure -> wrongCodeOrFail(ctx, failure));
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
   * A code that matches nothing counts against this address ({@link JoinGuard}); other failures go
   * to the router.
   */
  private void wrongCodeOrFail(RoutingContext ctx, Throwable failure) {
    if (failure instanceof Rejection r && r.code() == ErrorCode.NOT_FOUND) {
      guard.wrongCode(ctx, r);
    } else {
      ctx.fail(failure);
    }
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

  private static void seeOther(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  /** The workshop as the pages show it. */
  public static JsonObject workshopJson(WorkshopStore.WorkshopInfo workshop) {
    return new JsonObject()
        .put("id", workshop.id().toString())
        .put("title", workshop.title())
        .put("place", workshop.place())
        .put("date", workshop.date())
        .put("language", workshop.language())
        .put("joinCode", workshop.joinCode());
  }

  private static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw notFound("error.notFound");
    }
  }

  private static Rejection notFound(String key) {
    return new Rejection(ErrorCode.NOT_FOUND, key);
  }
}
