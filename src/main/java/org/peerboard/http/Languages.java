package org.peerboard.http;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The language of a request: {@code ?lang=}, then the {@code pb_lang} cookie, then Accept-Language.
 */
public final class Languages {
  public static final String COOKIE = "pb_lang";

  private Languages() {}

  public static String of(RoutingContext ctx) {
    return explicit(ctx)
        .orElseGet(
            () -> {
              String accept = ctx.request().getHeader("Accept-Language");
              return accept != null && accept.trim().toLowerCase().startsWith("it") ? "it" : "en";
            });
  }

  /** The language the person chose on a page, if they did; otherwise pages use the workshop's. */
  public static Optional<String> explicit(RoutingContext ctx) {
    String query = ctx.request().getParam("lang");
    if ("it".equals(query) || "en".equals(query)) {
      return Optional.of(query);
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie != null && ("it".equals(cookie.getValue()) || "en".equals(cookie.getValue()))) {
      return Optional.of(cookie.getValue());
    }
    return Optional.empty();
  }
}
