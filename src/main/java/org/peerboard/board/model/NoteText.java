package org.peerboard.board.model;

/**
 * What counts as visible in a note. A text made only of spaces, zero-width and other format
 * characters, controls or blank fillers shows as an empty note, so it is refused; bidi overrides
 * inside a real text are kept, and isolated where the text is shown (base.css).
 */
public final class NoteText {
  private NoteText() {}

  public static boolean hasVisible(String text) {
    return text.codePoints().anyMatch(NoteText::visible);
  }

  private static boolean visible(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return false;
    }
    int type = Character.getType(cp);
    if (type == Character.FORMAT
        || type == Character.CONTROL
        || type == Character.UNASSIGNED
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK) {
      return false;
    }
    // fillers that render as nothing yet are letters or symbols to Unicode
    return cp != 0x115F
        && cp != 0x1160
        && cp != 0x3164
        && cp != 0xFFA0
        && cp != 0x2800
        && cp != 0x180E
        && !(cp >= 0xFE00 && cp <= 0xFE0F)
        && !(cp >= 0xE0000 && cp <= 0xE0FFF);
  }
}
