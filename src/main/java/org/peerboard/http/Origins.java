package org.peerboard.http;

import io.vertx.core.http.HttpServerRequest;
import java.net.URI;

/**
 * Which pages may open a WebSocket: our own (the Origin names the host the request came to, or the public URL).
 * Clients that send no Origin (not browsers) are let through; their key is what authorises them.
 */
public final class Origins {
  private final String publicAuthority;

  public Origins(Links links) {
    this.publicAuthority = authority(links.base());
  }

  public boolean allowed(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String from = authority(origin);
    String host = request.getHeader("Host");
    return from != null && (from.equalsIgnoreCase(host) || from.equalsIgnoreCase(publicAuthority));
  }

  private static String authority(String url) {
    try {
      return URI.create(url).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
