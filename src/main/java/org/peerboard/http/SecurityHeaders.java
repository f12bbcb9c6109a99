package org.peerboard.http;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * The usual security headers on every response, and a Content-Security-Policy that allows only our
 * own code and, for WebSockets, only the page's own origin. Under HTTPS, HSTS keeps the browser
 * from ever asking in clear again.
 */
public final class SecurityHeaders {
  private static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'%s; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
          + "form-action 'self'";

  /**
   * A Host header that may be written into a header: a name or address and a port, nothing else.
   */
  private static final Pattern HOST =
      Pattern.compile(
          "[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

  static final String HSTS = "max-age=31536000";

  private SecurityHeaders() {}

  public static void apply(RoutingContext ctx) {
    boolean https = ctx.request().isSSL();
    ctx.response()
        .headers()
        .set("Content-Security-Policy", csp(ctx.request().getHeader("Host"), https))
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        .set("Cross-Origin-Opener-Policy", "same-origin");
    if (https) {
      ctx.response().headers().set("Strict-Transport-Security", HSTS);
    }
    ctx.next();
  }

  /**
   * {@code 'self'} covers the page's own {@code ws:}/{@code wss:} origin in current browsers; the
   * explicit same-host WebSocket origin is there for those that read CSP level 2, and is the only
   * one allowed.
   */
  static String csp(String host, boolean https) {
    String ws =
        host != null && HOST.matcher(host).matches()
            ? " " + (https ? "wss://" : "ws://") + host
            : "";
    return String.format(CSP, ws);
  }
}
