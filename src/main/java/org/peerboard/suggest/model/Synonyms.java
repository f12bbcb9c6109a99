package org.peerboard.suggest.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A glossary's synonym groups, analysed like the notes: a one-word entry stands for its group
 * wherever its stem appears; a phrase ("gruppo di pari") adds its group to a note that holds all of
 * the phrase's stems.
 */
final class Synonyms {
  static final String PREFIX = "~";
  private final Map<String, String> single = new HashMap<>();
  private final List<Phrase> phrases = new ArrayList<>();

  private record Phrase(Set<String> stems, String group) {}

  Synonyms(TextAnalysis analysis, List<List<String>> groups) {
    for (int g = 0; g < groups.size(); g++) {
      List<String> group = groups.get(g);
      if (group == null) {
        continue;
      }
      String id = PREFIX + g;
      for (String entry : group) {
        if (entry == null) {
          continue;
        }
        List<TextAnalysis.Token> tokens = analysis.tokens(entry);
        if (tokens.size() == 1) {
          single.putIfAbsent(tokens.get(0).stem(), id);
        } else if (tokens.size() > 1) {
          Set<String> stems = new HashSet<>();
          tokens.forEach(t -> stems.add(t.stem()));
          phrases.add(new Phrase(stems, id));
        }
      }
    }
  }

  /** The term a stem counts as: its group's, or itself. */
  String term(String stem) {
    return single.getOrDefault(stem, stem);
  }

  /** The groups whose phrases a note's stems hold. */
  List<String> phraseGroups(Set<String> stems) {
    List<String> found = new ArrayList<>();
    for (Phrase phrase : phrases) {
      if (stems.containsAll(phrase.stems()) && !found.contains(phrase.group())) {
        found.add(phrase.group());
      }
    }
    return found;
  }
}
