package org.peerboard.suggest.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of two notes' words are the same, allowing a typo per word: the Dice coefficient of
 * their stems, where two stems match when they are equal or, from four letters on, one edit apart
 * (two from eight letters on). Word order, case, plurals and punctuation do not count, nor a
 * compound written apart or together; a word more or less does.
 */
final class FuzzyOverlap {
  private FuzzyOverlap() {}

  static double dice(List<TextAnalysis.Token> first, List<TextAnalysis.Token> second) {
    if (first.isEmpty() || second.isEmpty()) {
      return 0;
    }
    List<TextAnalysis.Token> a = joined(first, second);
    List<TextAnalysis.Token> b = joined(second, a);
    boolean[] usedA = new boolean[a.size()];
    boolean[] usedB = new boolean[b.size()];
    int matches = 0;
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        if (!usedB[j] && a.get(i).stem().equals(b.get(j).stem())) {
          usedA[i] = true;
          usedB[j] = true;
          matches++;
          break;
        }
      }
    }
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size() && !usedA[i]; j++) {
        if (!usedB[j] && close(a.get(i).stem(), b.get(j).stem())) {
          usedA[i] = true;
          usedB[j] = true;
          matches++;
        }
      }
    }
    return 2.0 * matches / (a.size() + b.size());
  }

  /**
   * {@code words} with each pair of neighbours that the other note writes as one word joined into
   * one token: "neo maggiorenni" against "neomaggiorenni", "care leaver" against "careleaver". The
   * first word as written and the second's stem make the joined stem.
   */
  static List<TextAnalysis.Token> joined(
      List<TextAnalysis.Token> words, List<TextAnalysis.Token> other) {
    List<TextAnalysis.Token> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (i + 1 < words.size()) {
        TextAnalysis.Token left = words.get(i);
        TextAnalysis.Token right = words.get(i + 1);
        String stem = left.word() + right.stem();
        if (other.stream().anyMatch(t -> writtenAsOne(t.stem(), stem, left, right))) {
          out.add(new TextAnalysis.Token(stem, left.word() + right.word()));
          i++;
          continue;
        }
      }
      out.add(words.get(i));
    }
    return out;
  }

  private static boolean writtenAsOne(
      String stem, String joined, TextAnalysis.Token left, TextAnalysis.Token right) {
    return !stem.equals(left.stem())
        && !stem.equals(right.stem())
        && (stem.equals(joined) || (joined.length() >= 8 && close(stem, joined)));
  }

  static boolean close(String x, String y) {
    int shorter = Math.min(x.length(), y.length());
    int allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
    return allowed > 0
        && Math.abs(x.length() - y.length()) <= allowed
        && distance(x, y, allowed) <= allowed;
  }

  /**
   * Optimal string alignment distance (a swap of two neighbours is one edit), given up past {@code
   * limit}.
   */
  private static int distance(String x, String y, int limit) {
    int[][] d = new int[x.length() + 1][y.length() + 1];
    for (int i = 0; i <= x.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= y.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && x.charAt(i - 1) == y.charAt(j - 2)
            && x.charAt(i - 2) == y.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
        rowMin = Math.min(rowMin, d[i][j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
    }
    return d[x.length()][y.length()];
  }
}
