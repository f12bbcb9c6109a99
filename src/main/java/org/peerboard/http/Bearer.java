package org.peerboard.http;

import io.vertx.ext.web.RoutingContext;

/**
 * The key a request carries: {@code Authorization: Bearer …}, or {@code ?k=} for downloads opened
 * as links.
 */
public final class Bearer {
  private Bearer() {}

  public static String of(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    return ctx.request().getParam("k");
  }
}
