package org.peerboard.export.model;

/** Cell values that spreadsheets must take as text. */
public final class Cells {
  private Cells() {}

  /**
   * A CSV cell that a spreadsheet will not run as a formula: text starting with {@code = + - @}, a
   * tab or a carriage return gets a leading apostrophe (the OWASP advice); everything else is left
   * as it is.
   */
  public static String inert(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    char first = value.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + value
        : value;
  }

  /**
   * Text as every format can hold it: without the characters XML 1.0 (so XLSX and .qdpx) cannot
   * carry, which POI would write as "?": C0 controls other than tab and newlines, U+FFFE, U+FFFF
   * and lone surrogates. New text is cleaned on the way in; this keeps older data the same in every
   * download.
   */
  public static String clean(String value) {
    if (value == null) {
      return null;
    }
    int i = 0;
    while (i < value.length() && fine(value, i)) {
      i += Character.charCount(value.codePointAt(i));
    }
    if (i == value.length()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().filter(Cells::allowed).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean fine(String value, int index) {
    return allowed(value.codePointAt(index));
  }

  private static boolean allowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || c >= 0x10000;
  }
}
