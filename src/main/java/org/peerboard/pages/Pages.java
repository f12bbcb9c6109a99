package org.peerboard.pages;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.templ.handlebars.HandlebarsTemplateEngine;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Cookies;
import org.peerboard.http.Languages;
import org.peerboard.i18n.Messages;
import org.peerboard.security.Keys;

/**
 * What every feature's pages share: rendering a template of {@code web/templates/} with the texts
 * of a language, the {@code ?k=} link that becomes a key cookie, and the HTML error page. Each
 * feature's {@code web/} mounts its own pages with one of these (one per event loop: the engine's
 * loader is not thread-safe).
 */
public final class Pages {
  /**
   * The HttpOnly cookie, scoped to one page's path, that holds the key a {@code ?k=} link brought.
   */
  public static final String KEY_COOKIE = "pb_key";

  private static final String TEMPLATES = "web/templates/";

  private final HandlebarsTemplateEngine engine;

  public Pages(Vertx vertx) {
    this.engine = PageHelpers.register(PageSources.cached(HandlebarsTemplateEngine.create(vertx)));
  }

  /**
   * A page with a script: renders {@code web/templates/{page}.hbs}, embeds {@code state} (and the
   * texts) for the script as {@code stateJson}, and remembers a language the person chose ({@code
   * ?lang=}) in a cookie.
   */
  public void render(RoutingContext ctx, String page, String lang, JsonObject state) {
    Languages.explicit(ctx)
        .ifPresent(
            chosen ->
                Cookies.add(
                    ctx,
                    Cookie.cookie(Languages.COOKIE, chosen)
                        .setPath("/")
                        .setSameSite(CookieSameSite.LAX)
                        .setMaxAge(60L * 60 * 24 * 365)));
    state.put("lang", lang);
    Map<String, Object> context = context(lang, state.getMap());
    context.put(
        "stateJson", PageState.embed(state.put("messages", new JsonObject(messages(lang)))));
    engine
        .render(context, TEMPLATES + page + ".hbs")
        .onSuccess(body -> send(ctx, body))
        .onFailure(ctx::fail);
  }

  /**
   * A printable page without a script (the report, the comparison): the template reads {@code
   * state} only.
   */
  public Future<Void> document(
      RoutingContext ctx, String page, String lang, Map<String, Object> state) {
    return documentBody(page, lang, state).compose(body -> send(ctx, body));
  }

  /**
   * The page of {@link #document} as bytes, without answering: Handlebars renders on the calling
   * thread, so a large report is rendered on a worker by calling this there (with a {@code Pages}
   * that only that worker uses: the loader is not thread-safe).
   */
  public Future<Buffer> documentBody(String page, String lang, Map<String, Object> state) {
    return engine.render(context(lang, state), TEMPLATES + page + ".hbs");
  }

  /** Answers with a page rendered by {@link #documentBody}. */
  public static Future<Void> sendPage(RoutingContext ctx, Buffer body) {
    return send(ctx, body);
  }

  /**
   * A person who opens a bad link in a browser gets a page in their language, with a field to type
   * the join code again; API clients (no {@code text/html} in Accept) still get the JSON error from
   * the router's handler.
   */
  public void errorPage(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    if (!(ctx.failure() instanceof Rejection rejection)
        || accept == null
        || !accept.contains("text/html")
        || ctx.response().headWritten()) {
      ctx.next();
      return;
    }
    String lang = Languages.of(ctx);
    ctx.response().setStatusCode(rejection.code().status());
    render(
        ctx,
        "error",
        lang,
        new JsonObject()
            .put("status", rejection.code().status())
            .put("message", Messages.error(lang, rejection.messageKey()))
            .put(
                "codeForm",
                rejection.code() == ErrorCode.NOT_FOUND && ctx.request().path().startsWith("/j")));
  }

  /** The error page's form alone: "type your join code". */
  public void codeForm(RoutingContext ctx) {
    render(ctx, "error", Languages.of(ctx), new JsonObject().put("codeForm", true));
  }

  /**
   * {@code ?k=} becomes an HttpOnly cookie for this page only, and the browser is sent to the clean
   * URL.
   */
  public static boolean keyInQuery(RoutingContext ctx) {
    return keyInQuery(ctx, key -> Future.succeededFuture());
  }

  /**
   * As {@link #keyInQuery(RoutingContext)}, but the cookie is set only once {@code check} accepts
   * the key: a cross-site link with a wrong key gets the error page and leaves the organiser's good
   * cookie alone. True when the request had a {@code ?k=} and is answered here.
   */
  public static boolean keyInQuery(RoutingContext ctx, Function<String, Future<?>> check) {
    String key = ctx.request().getParam("k");
    if (key == null) {
      return false;
    }
    if (!Keys.plausible(key)) {
      // a key holding `;`, a space or a quote cannot even be a cookie's value: answer before
      ctx.fail(new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
      return true;
    }
    check.apply(key).onSuccess(ok -> keyCookieAndRedirect(ctx, key)).onFailure(ctx::fail);
    return true;
  }

  /** The key the page's cookie holds, or null. */
  public static String keyCookie(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(KEY_COOKIE);
    return cookie == null ? null : cookie.getValue();
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

  private static void keyCookieAndRedirect(RoutingContext ctx, String key) {
    String path = ctx.request().path();
    Cookies.add(
        ctx,
        Cookie.cookie(KEY_COOKIE, key)
            .setPath(path)
            .setHttpOnly(true)
            .setSameSite(CookieSameSite.LAX)
            .setMaxAge(60L * 60 * 24 * 365));
    String asked = ctx.request().getParam("lang");
    String lang = "it".equals(asked) || "en".equals(asked) ? asked : null;
    ctx.response()
        .setStatusCode(303)
        .putHeader("Location", path + (lang == null ? "" : "?lang=" + lang))
        .putHeader("Cache-Control", "no-store")
        .end();
  }

  private static Map<String, Object> context(String lang, Map<String, Object> state) {
    Map<String, Object> context = new HashMap<>();
    context.put("lang", lang);
    context.put("otherLang", "it".equals(lang) ? "en" : "it");
    context.put("t", messages(lang));
    context.put("state", state);
    return context;
  }

  private static Future<Void> send(RoutingContext ctx, Buffer body) {
    return ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body);
  }
}
