package org.peerboard.i18n;

import java.util.Locale;

/**
 * A group's title as pages print it: the word for "group" before its name, unless the organiser's
 * name already starts with that word ("Gruppo Affido" stays "Gruppo Affido", never "Gruppo Gruppo
 * Affido").
 */
public final class GroupNames {
  private GroupNames() {}

  public static String titled(String word, String name) {
    if (name == null || name.isBlank()) {
      return word == null ? "" : word;
    }
    if (word == null || word.isBlank() || startsWithWord(name.strip(), word.strip())) {
      return name.strip();
    }
    return word.strip() + " " + name.strip();
  }

  private static boolean startsWithWord(String name, String word) {
    if (!name.toLowerCase(Locale.ROOT).startsWith(word.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return name.length() == word.length() || !Character.isLetterOrDigit(name.charAt(word.length()));
  }
}
