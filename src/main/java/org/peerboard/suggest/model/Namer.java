package org.peerboard.suggest.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A group's name from its notes' own words: the one or two terms that most of its notes share and
 * few other notes hold (count in the group times inverse document frequency, glossary terms first),
 * each written as the notes most often write it. Only a term at least two of the notes hold can
 * name the group; a group whose notes share none gets no name (and is not offered).
 */
final class Namer {
  static final int MAX = 40;

  /**
   * Words that a group may share but that name nothing (time spans, "similar", the people every
   * proposal is about): "Appartamenti e anni" or "Tutor e simile" tell the moderator less than one
   * good word.
   */
  private static final Set<String> NOT_A_NAME =
      Set.of(
          "anni",
          "anno",
          "mesi",
          "mese",
          "giorni",
          "giorno",
          "settimana",
          "volta",
          "volte",
          "simile",
          "simili",
          "tipo",
          "modo",
          "cosa",
          "cose",
          "parte",
          "ragazzi",
          "ragazze",
          "ragazzo",
          "ragazza",
          "giovani",
          "persone",
          "years",
          "year",
          "months",
          "month",
          "days",
          "week",
          "time",
          "times",
          "similar",
          "kind",
          "way",
          "thing",
          "things",
          "part",
          "young",
          "people",
          "person",
          "children",
          "kids");

  private Namer() {}

  /** The name, or "" when no term is shared by two of the notes. */
  static String name(List<Integer> group, Corpus corpus, String language) {
    String named = name(group, corpus, language, true);
    // a group that shares only such words is still named by them rather than left blank
    return named.isEmpty() ? name(group, corpus, language, false) : named;
  }

  private static String name(
      List<Integer> group, Corpus corpus, String language, boolean skipGeneric) {
    Map<String, Integer> inGroup = new HashMap<>();
    Map<String, Map<String, Integer>> spellings = new HashMap<>();
    for (int note : group) {
      List<TextAnalysis.Token> tokens = corpus.tokens.get(note);
      List<String> terms = corpus.terms.get(note);
      Map<String, Boolean> seen = new HashMap<>();
      for (int i = 0; i < tokens.size(); i++) {
        String term = terms.get(i);
        String word = tokens.get(i).word();
        if (term.chars().allMatch(Character::isDigit)
            || word.length() < 3
            || (skipGeneric && NOT_A_NAME.contains(word.toLowerCase(Locale.ROOT)))) {
          continue;
        }
        spellings
            .computeIfAbsent(term, t -> new LinkedHashMap<>())
            .merge(tokens.get(i).word(), 1, Integer::sum);
        if (seen.put(term, true) == null) {
          inGroup.merge(term, 1, Integer::sum);
        }
      }
    }
    List<String> ranked = new ArrayList<>(inGroup.keySet());
    ranked.sort(
        (a, b) -> {
          int byScore = Double.compare(score(b, inGroup, corpus), score(a, inGroup, corpus));
          return byScore != 0 ? byScore : a.compareTo(b);
        });
    List<String> words = new ArrayList<>();
    for (String term : ranked) {
      if (words.size() == 2) {
        break;
      }
      if (inGroup.get(term) < 2) {
        continue; // a word of one note names that note, not what the group shares
      }
      String word = spelling(spellings.get(term));
      if (!words.contains(word)) {
        words.add(word);
      }
    }
    if (words.isEmpty()) {
      return "";
    }
    String first = capitalise(words.get(0));
    String joined =
        words.size() < 2 ? first : first + ("it".equals(language) ? " e " : " and ") + words.get(1);
    if (joined.length() <= MAX) {
      return joined;
    }
    return first.length() <= MAX ? first : first.substring(0, MAX);
  }

  /** Glossary terms first: they name what the domain talks about. */
  private static double score(String term, Map<String, Integer> inGroup, Corpus corpus) {
    return inGroup.get(term) * corpus.idf(term) * (term.startsWith(Synonyms.PREFIX) ? 2 : 1);
  }

  private static String spelling(Map<String, Integer> counts) {
    String best = null;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  private static String capitalise(String word) {
    return word.isEmpty()
        ? word
        : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
