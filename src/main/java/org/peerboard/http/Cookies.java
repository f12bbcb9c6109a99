package org.peerboard.http;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Sets a cookie on the answer, {@code Secure} when the request came over HTTPS so it never travels
 * in clear.
 */
public final class Cookies {
  private Cookies() {}

  public static void add(RoutingContext ctx, Cookie cookie) {
    ctx.response().addCookie(cookie.setSecure(ctx.request().isSSL()));
  }
}
