package org.peerboard.http;

import io.vertx.core.http.HttpServerRequest;
import java.net.URI;

/**
 * Which pages may open a WebSocket: our own, where the Origin's scheme and authority are those the
 * request came to ({@code https} when it came over TLS) or those of the public URL. Clients that
 * send no Origin (not browsers) are let through; their key is what authorises them.
 */
public final class Origins {
  private final String publicOrigin;

  public Origins(Links links) {
    this.publicOrigin = origin(links.base());
  }

  public boolean allowed(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String from = origin(origin);
    String host = request.getHeader("Host");
    String here =
        host == null ? null : (request.isSSL() ? "https://" : "http://") + host.toLowerCase();
    return from != null && (from.equals(here) || from.equals(publicOrigin));
  }

  /** {@code scheme://authority} in lower case, or null when it is not a URL with both. */
  private static String origin(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return null;
      }
      return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
