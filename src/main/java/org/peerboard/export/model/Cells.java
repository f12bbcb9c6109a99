package org.peerboard.export.model;

/** Cell values that spreadsheets must take as text. */
public final class Cells {
  private Cells() {}

  /**
   * A CSV cell that a spreadsheet will not run as a formula: text starting with {@code = + - @}, a tab or a
   * carriage return gets a leading apostrophe (the OWASP advice); everything else is left as it is.
   */
  public static String inert(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + value : value;
  }
}
