package org.peerboard.board.model;

import java.util.Collection;
import java.util.Map;

/**
 * Text from people as every format can hold it. A lone surrogate (half of a UTF-16 pair, which only
 * an escaped {@code \\uD800} in JSON can bring) cannot be stored as text: PostgreSQL would keep a
 * "?", so such input is refused as {@code invalid}. C0 control characters other than tab and
 * newlines (and the non-characters U+FFFE, U+FFFF) cannot be written to XML, so XLSX and REFI-QDA
 * would show or drop them: they are stripped on the way in.
 */
public final class PlainText {
  private PlainText() {}

  /**
   * Whether a string, or any string inside a JSON-like tree of maps and lists, holds a lone
   * surrogate.
   */
  public static boolean hasLoneSurrogate(Object value) {
    if (value instanceof String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (hasLoneSurrogate(e.getKey()) || hasLoneSurrogate(e.getValue())) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Collection<?> list) {
      return list.stream().anyMatch(PlainText::hasLoneSurrogate);
    }
    return false;
  }

  /**
   * The text without C0 controls other than tab, line feed and carriage return, and without U+FFFE
   * and U+FFFF.
   */
  public static String strip(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean drop =
          (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
      if (drop && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (!drop && out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
