package org.peerboard.suggest.model;

import java.util.List;

/**
 * How much of two notes' words are the same, allowing a typo per word: the Dice coefficient of
 * their stems, where two stems match when they are equal or, from four letters on, one edit apart
 * (two from eight letters on). Word order, case, plurals and punctuation do not count; a word more
 * or less does.
 */
final class FuzzyOverlap {
  private FuzzyOverlap() {}

  static double dice(List<TextAnalysis.Token> a, List<TextAnalysis.Token> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
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
