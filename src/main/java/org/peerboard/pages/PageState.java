package org.peerboard.pages;

import io.vertx.core.json.JsonObject;

/** Initial state for a page's script, safe inside {@code <script type="application/json">}. */
final class PageState {
  private PageState() {}

  static String embed(JsonObject state) {
    String json = state.encode();
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char ch = json.charAt(i);
      switch (ch) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
