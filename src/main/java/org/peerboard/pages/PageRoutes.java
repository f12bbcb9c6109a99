package org.peerboard.pages;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import org.peerboard.Config;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.http.Cookies;
import org.peerboard.http.Languages;
import org.peerboard.http.Links;
import org.peerboard.i18n.Messages;
import org.peerboard.security.BoardKeys;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.web.JoinGuard;
import org.peerboard.workshop.web.WorkshopRoutes;
import org.peerboard.workshop.model.JoinCodes;

/**
 * The pages people open: new workshop, organiser links, join-and-post for phones, projector and moderator. A link
 * with {@code ?k=} stores the key in an HttpOnly cookie scoped to that page and redirects to the clean URL.
 */
public final class PageRoutes {
  static final String KEY_COOKIE = "pb_key";

  private final HandlebarsTemplateEngine engine;
  private final WorkshopStore workshops;
  private final Access access;
  private final Templates templates;
  private final Links links;
  private final Config config;

  private final JoinGuard guard;
  private final BoardStore boards;

  public PageRoutes(Vertx vertx, WorkshopStore workshops, Access access, BoardStore boards, Templates templates,
                    Links links, Config config, JoinGuard guard) {
    this.guard = guard;
    this.boards = boards;
    this.engine = PageHelpers.register(HandlebarsTemplateEngine.create(vertx));
    this.workshops = workshops;
    this.access = access;
    this.templates = templates;
    this.links = links;
    this.config = config;
  }

  public void mount(Router router) {
    router.get("/").handler(ctx -> ctx.redirect("/new"));
    router.get("/new").handler(this::newWorkshop).failureHandler(this::errorPage);
    router.get("/w/:id").handler(ctx -> organiser(ctx, "organiser")).failureHandler(this::errorPage);
    router.get("/w/:id/plenary").handler(ctx -> organiser(ctx, "plenary")).failureHandler(this::errorPage);
    router.get("/g/:code").handler(this::pickGroup).failureHandler(this::errorPage);
    router.get("/j").handler(this::joinByCode).failureHandler(this::errorPage);
    router.get("/j/:code").handler(this::join).failureHandler(this::errorPage);
    router.get("/p/:id").handler(ctx -> boardPage(ctx, "projector", Role.VIEWER)).failureHandler(this::errorPage);
    router.get("/m/:id").handler(ctx -> boardPage(ctx, "moderator", Role.MODERATOR)).failureHandler(this::errorPage);
  }

  /** {@code /j?code=k7pq3x} (the form on the error page) goes to the tidy {@code /j/K7PQ3X}; bare {@code /j} asks for a code. */
  private void joinByCode(RoutingContext ctx) {
    java.util.Optional<String> code = JoinCodes.normalise(ctx.request().getParam("code"));
    if (code.isPresent()) {
      ctx.response().setStatusCode(303).putHeader("Location", "/j/" + code.get()).end();
    } else if (ctx.request().getParam("code") != null) {
      ctx.fail(notFound("error.joinCodeNotFound"));
    } else {
      render(ctx, "error", Languages.of(ctx), new JsonObject().put("codeForm", true));
    }
  }

  /**
   * A person who opens a bad link in a browser gets a page in their language, with a field to type the join code
   * again; API clients (no {@code text/html} in Accept) still get the JSON error from the router's handler.
   */
  public void errorPage(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    if (!(ctx.failure() instanceof Rejection rejection) || accept == null || !accept.contains("text/html")
        || ctx.response().headWritten()) {
      ctx.next();
      return;
    }
    String lang = Languages.of(ctx);
    ctx.response().setStatusCode(rejection.code().status());
    render(ctx, "error", lang, new JsonObject()
        .put("status", rejection.code().status())
        .put("message", Messages.error(lang, rejection.messageKey()))
        .put("codeForm", rejection.code() == ErrorCode.NOT_FOUND && ctx.request().path().startsWith("/j")));
  }

  private void newWorkshop(RoutingContext ctx) {
    String lang = Languages.of(ctx);
    render(ctx, "new", lang, new JsonObject().put("adminTokenRequired", config.adminToken().isPresent()));
  }

  /** The workshop-wide QR code lands here: the participant picks their group, then joins that board. */
  private void pickGroup(RoutingContext ctx) {
    workshops.workshopByCode(ctx.pathParam("code")).compose(found -> {
      WorkshopStore.WorkshopInfo workshop = found.orElseThrow(() -> notFound("error.joinCodeNotFound"));
      return workshops.boards(workshop.id()).map(boards -> {
        JsonArray groups = new JsonArray();
        boards.stream().filter(b -> !"closed".equals(b.stage())).forEach(b -> groups.add(new JsonObject()
            .put("name", b.name()).put("joinCode", b.joinCode()).put("joinUrl", "/j/" + b.joinCode())));
        return new JsonObject().put("workshop", workshopJson(workshop)).put("groups", groups);
      });
    }).onSuccess(state -> render(ctx, "group",
        Languages.explicit(ctx).orElse(state.getJsonObject("workshop").getString("language")), state))
        .onFailure(failure -> {
          if (failure instanceof Rejection r && r.code() == ErrorCode.NOT_FOUND) {
            guard.wrongCode(ctx, r); // the group page lists every group's code: guessing it counts as for /j/
          } else {
            ctx.fail(failure);
          }
        });
  }

  private void organiser(RoutingContext ctx, String page) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    if (keyInQuery(ctx, key -> workshops.checkOrganiser(workshopId, key))) {
      return;
    }
    String key = keyCookie(ctx);
    workshops.checkOrganiser(workshopId, key)
        .compose(ok -> workshops.workshop(workshopId))
        .compose(info -> workshops.boards(workshopId).map(boards -> {
          WorkshopStore.WorkshopInfo workshop = info.orElseThrow(() -> notFound("error.workshopNotFound"));
          JsonArray boardList = new JsonArray();
          for (WorkshopStore.BoardInfo board : boards) {
            String moderatorKey = BoardKeys.moderator(key, board.id(), board.moderatorGeneration());
            boardList.add(new JsonObject()
                .put("id", board.id().toString())
                .put("name", board.name())
                .put("joinCode", board.joinCode())
                .put("joinUrl", links.join(board.joinCode()))
                .put("qrUrl", "/j/" + board.joinCode() + "/qr.svg")
                .put("moderatorUrl", links.moderator(board.id(), moderatorKey))
                .put("stage", board.stage())
                .put("projectorUrl", links.projector(board.id(),
                    BoardKeys.projector(moderatorKey, board.projectorGeneration()))));
          }
          return new JsonObject()
              .put("workshop", workshopJson(workshop))
              .put("organiserUrl", links.organiser(workshopId, key))
              .put("organiserKey", key)
              .put("joinUrl", links.group(workshop.joinCode()))
              .put("qrUrl", "/g/" + workshop.joinCode() + "/qr.svg")
              .put("boards", boardList);
        }))
        .onSuccess(state -> render(ctx, page,
            Languages.explicit(ctx).orElse(state.getJsonObject("workshop").getString("language")), state))
        .onFailure(ctx::fail);
  }

  /**
   * The join link. An open board offers the join form (or the board, to a participant who already joined). A
   * closed board still greets its people: its name, a thank-you and its revealed results, read-only, whether or
   * not this browser joined it; when a code was given out again, a browser that joined the closed board sees it.
   */
  private void join(RoutingContext ctx) {
    workshops.boardsByCode(ctx.pathParam("code")).compose(found -> {
      if (found.isEmpty()) {
        return workshops.workshopByCode(ctx.pathParam("code")).map(workshop -> {
          // the workshop-wide code, typed where a group's code was expected: go and pick the group
          throw workshop.map(w -> (RuntimeException) new GroupCode(w.joinCode()))
              .orElseGet(() -> notFound("error.joinCodeNotFound"));
        });
      }
      WorkshopStore.JoinTarget target = chosen(ctx, found);
      String lang = Languages.explicit(ctx).orElse(target.workshop().language());
      return templates.get(target.workshop().templateId())
          .compose(t -> rememberedParticipant(ctx, target.boardId()))
          .compose(participant -> (target.closed() ? closedState(target, participant, lang)
              : Future.succeededFuture((JsonObject) null)).map(closed -> {
                render(ctx, "join", lang, new JsonObject()
                    .put("boardId", target.boardId().toString())
                    .put("boardName", target.boardName())
                    .put("joinCode", target.joinCode())
                    .put("workshop", workshopJson(target.workshop()))
                    .put("privacyNotice", target.workshop().privacyNotice())
                    .put("participantToken", participant == null ? null : participant.token())
                    .put("closed", closed)
                    .put("template", templates.json(target.workshop().templateId())));
                return target;
              }));
    }).onFailure(failure -> {
      if (failure instanceof GroupCode group) {
        ctx.response().setStatusCode(303).putHeader("Location", "/g/" + group.code).end();
      } else if (failure instanceof Rejection r && r.code() == ErrorCode.NOT_FOUND) {
        guard.wrongCode(ctx, r);
      } else {
        ctx.fail(failure);
      }
    });
  }

  /** The open board with the code; else the closed board this browser joined; else the newest closed one. */
  private static WorkshopStore.JoinTarget chosen(RoutingContext ctx, List<WorkshopStore.JoinTarget> found) {
    WorkshopStore.JoinTarget first = found.get(0);
    if (!first.closed()) {
      return first;
    }
    return found.stream()
        .filter(t -> ctx.request().getCookie(WorkshopRoutes.participantCookieName(t.boardId())) != null)
        .findFirst().orElse(first);
  }

  private Future<JsonObject> closedState(WorkshopStore.JoinTarget target, Remembered participant, String lang) {
    Actor viewer = participant == null ? new Actor(target.boardId(), Role.PARTICIPANT, null) : participant.actor();
    return boards.snapshot(viewer).map(board -> ClosedBoard.of(board, messages(lang), lang));
  }

  /** A participant this browser's HttpOnly cookie names, still on this board. */
  private record Remembered(String token, Actor actor) {}

  /** The participant in this browser's HttpOnly cookie, if they are still a participant of this board; else null. */
  private Future<Remembered> rememberedParticipant(RoutingContext ctx, UUID boardId) {
    Cookie cookie = ctx.request().getCookie(WorkshopRoutes.participantCookieName(boardId));
    if (cookie == null) {
      return Future.succeededFuture(null);
    }
    return access.resolve(boardId, cookie.getValue())
        .map(actor -> actor.role() == Role.PARTICIPANT ? new Remembered(cookie.getValue(), actor) : null)
        .otherwise((Remembered) null);
  }

  /** Not a failure: the code typed is the workshop's, so the participant picks their group first. */
  private static final class GroupCode extends RuntimeException {
    final String code;

    GroupCode(String code) {
      super(null, null, false, false);
      this.code = code;
    }
  }


  private void boardPage(RoutingContext ctx, String page, Role expected) {
    UUID boardId = uuid(ctx.pathParam("id"));
    if (keyInQuery(ctx, key -> access.resolve(boardId, key))) {
      return;
    }
    String key = keyCookie(ctx);
    if (key == null) {
      ctx.fail(new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
      return;
    }
    access.resolve(boardId, key).compose(actor -> {
      boolean allowed = expected == Role.VIEWER ? actor.role() != Role.PARTICIPANT : actor.role().runsTheBoard();
      if (!allowed) {
        throw new Rejection(ErrorCode.FORBIDDEN, "error.forbidden");
      }
      return workshops.boardWithWorkshop(boardId).map(target -> {
        String moderatorKey = actor.role() == Role.ORGANISER
            ? BoardKeys.moderator(key, boardId, target.moderatorGeneration()) : key;
        return java.util.Map.entry(target, moderatorKey);
      });
    }).onSuccess(found -> {
      WorkshopStore.JoinTarget target = found.getKey();
      String moderatorKey = found.getValue();
      String lang = Languages.explicit(ctx).orElse(target.workshop().language());
      JsonObject state = new JsonObject()
          .put("boardId", boardId.toString())
          .put("boardName", target.boardName())
          .put("key", key)
          .put("joinCode", target.joinCode())
          .put("joinUrl", links.join(target.joinCode()))
          .put("qrUrl", "/j/" + target.joinCode() + "/qr.svg")
          .put("workshop", workshopJson(target.workshop()))
          .put("template", templates.json(target.workshop().templateId()));
      if (expected == Role.MODERATOR) {
        state.put("projectorUrl", links.projector(boardId,
            BoardKeys.projector(moderatorKey, target.projectorGeneration())));
      }
      render(ctx, page, lang, state);
    }).onFailure(ctx::fail);
  }

  /** {@code ?k=} becomes an HttpOnly cookie for this page only, and the browser is sent to the clean URL. */
  public static boolean keyInQuery(RoutingContext ctx) {
    return keyInQuery(ctx, key -> Future.succeededFuture());
  }

  /**
   * As {@link #keyInQuery(RoutingContext)}, but the cookie is set only once {@code check} accepts the key: a
   * cross-site link with a wrong key gets the error page and leaves the organiser's good cookie alone.
   */
  public static boolean keyInQuery(RoutingContext ctx, java.util.function.Function<String, Future<?>> check) {
    String key = ctx.request().getParam("k");
    if (key == null) {
      return false;
    }
    check.apply(key).onSuccess(ok -> keyCookieAndRedirect(ctx, key)).onFailure(ctx::fail);
    return true;
  }

  private static void keyCookieAndRedirect(RoutingContext ctx, String key) {
    String path = ctx.request().path();
    Cookies.add(ctx, Cookie.cookie(KEY_COOKIE, key).setPath(path).setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX).setMaxAge(60L * 60 * 24 * 365));
    String asked = ctx.request().getParam("lang");
    String lang = "it".equals(asked) || "en".equals(asked) ? asked : null;
    ctx.response().setStatusCode(303).putHeader("Location", path + (lang == null ? "" : "?lang=" + lang))
        .putHeader("Cache-Control", "no-store").end();
  }

  private static String keyCookie(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(KEY_COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  private void render(RoutingContext ctx, String page, String lang, JsonObject state) {
    Languages.explicit(ctx).ifPresent(chosen -> Cookies.add(ctx, Cookie.cookie(Languages.COOKIE, chosen)
        .setPath("/").setSameSite(CookieSameSite.LAX).setMaxAge(60L * 60 * 24 * 365)));
    state.put("lang", lang);
    Map<String, Object> context = new HashMap<>();
    context.put("lang", lang);
    context.put("otherLang", "it".equals(lang) ? "en" : "it");
    context.put("t", messages(lang));
    context.put("state", state.getMap());
    context.put("stateJson", PageState.embed(state.put("messages", new JsonObject(messages(lang)))));
    Future<io.vertx.core.buffer.Buffer> html = engine.render(context, "web/templates/" + page + ".hbs");
    html.onSuccess(body -> ctx.response()
            .putHeader("Content-Type", "text/html; charset=utf-8")
            .putHeader("Cache-Control", "no-store")
            .end(body))
        .onFailure(ctx::fail);
  }

  /** The page texts of one language, keys with dots turned into underscores for Handlebars. */
  public static Map<String, Object> messages(String lang) {
    ResourceBundle bundle = Messages.bundle("i18n/messages", lang);
    Map<String, Object> map = new HashMap<>();
    for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
      String key = keys.nextElement();
      map.put(key.replace('.', '_'), bundle.getString(key));
    }
    return map;
  }

  private static JsonObject workshopJson(WorkshopStore.WorkshopInfo workshop) {
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
