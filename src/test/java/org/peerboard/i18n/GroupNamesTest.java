package org.peerboard.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A group's title carries the word for group once")
class GroupNamesTest {
  @Test
  @DisplayName("the word goes before a bare name")
  void bareName() {
    assertEquals("Gruppo Affido", GroupNames.titled("Gruppo", "Affido"));
    assertEquals("Group A", GroupNames.titled("Group", "A"));
  }

  @Test
  @DisplayName("a name that already starts with the word is printed as it is, whatever its case")
  void nameWithTheWord() {
    assertEquals("Gruppo Affido", GroupNames.titled("Gruppo", "Gruppo Affido"));
    assertEquals("gruppo comunità", GroupNames.titled("Gruppo", "gruppo comunità"));
    assertEquals("Group: Foster care", GroupNames.titled("Group", "Group: Foster care"));
    assertEquals("Gruppo", GroupNames.titled("Gruppo", "Gruppo"));
  }

  @Test
  @DisplayName("a name that merely begins with the same letters still gets the word")
  void wordInsideAnotherWord() {
    assertEquals("Group Groupwork table", GroupNames.titled("Group", "Groupwork table"));
    assertEquals("Gruppo Gruppetto 2", GroupNames.titled("Gruppo", "Gruppetto 2"));
  }
}
