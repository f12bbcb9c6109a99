package org.peerboard.http;

import io.vertx.ext.web.RoutingContext;

/** The usual security headers on every response, and a Content-Security-Policy that allows only our own code. */
public final class SecurityHeaders {
  private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
      + "form-action 'self'";

  private SecurityHeaders() {}

  public static void apply(RoutingContext ctx) {
    ctx.response().headers()
        .set("Content-Security-Policy", CSP)
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        .set("Cross-Origin-Opener-Policy", "same-origin");
    ctx.next();
  }
}
