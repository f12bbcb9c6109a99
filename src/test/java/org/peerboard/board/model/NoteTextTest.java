package org.peerboard.board.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What counts as a visible note")
class NoteTextTest {

  @Test
  @DisplayName(
      "spaces, zero-width and format characters, controls, lone combining marks and fillers are not visible")
  void invisible() {
    for (String text :
        new String[] {
          " ",
          "\u200B",
          "\u200C\u200D",
          "\uFEFF",
          "\u202E",
          "\u2066\u2069",
          "\u00A0\u3000",
          "\u3164",
          "\u115F\u1160",
          "\uFFA0",
          "\u2800",
          "\u0301",
          "\uFE0F",
          "\u180E",
          "\t\r\n",
          "\uDB40\uDC20"
        }) {
      assertFalse(
          NoteText.hasVisible(text), () -> "invisible: " + text.codePoints().boxed().toList());
    }
  }

  @Test
  @DisplayName(
      "letters, digits, punctuation, emoji and real text around a bidi override are visible")
  void visible() {
    for (String text :
        new String[] {"a", "7", ".", "è", "\u202Eevil\u202C", "\u200Bx", "😀", "مرحبا", "你好"}) {
      assertTrue(NoteText.hasVisible(text), () -> "visible: " + text);
    }
  }
}
