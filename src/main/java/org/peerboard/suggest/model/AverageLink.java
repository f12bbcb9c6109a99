package org.peerboard.suggest.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative grouping with average linkage: the two groups whose members are on average the most alike are
 * merged, again and again, until no pair reaches the threshold. Groups that start anchored (existing clusters) may
 * take in notes but never merge with each other. Ties go to the lowest indexes, so the same input gives the same
 * groups.
 */
final class AverageLink {
  private AverageLink() {}

  /** {@code start}: the initial groups, as indexes into {@code similarity}; returns the final groups in start order. */
  static List<List<Integer>> group(double[][] similarity, List<List<Integer>> start, boolean[] anchored,
      double threshold) {
    int n = start.size();
    double[][] sum = new double[n][n];
    int[] size = new int[n];
    boolean[] alive = new boolean[n];
    boolean[] anchor = anchored.clone();
    List<List<Integer>> members = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      members.add(new ArrayList<>(start.get(a)));
      size[a] = start.get(a).size();
      alive[a] = size[a] > 0;
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        double s = 0;
        for (int i : start.get(a)) {
          for (int j : start.get(b)) {
            s += similarity[i][j];
          }
        }
        sum[a][b] = s;
        sum[b][a] = s;
      }
    }
    while (true) {
      int bestA = -1;
      int bestB = -1;
      double best = threshold;
      for (int a = 0; a < n; a++) {
        if (!alive[a]) {
          continue;
        }
        for (int b = a + 1; b < n; b++) {
          if (!alive[b] || (anchor[a] && anchor[b])) {
            continue;
          }
          double average = sum[a][b] / ((double) size[a] * size[b]);
          if (average > best || (bestA < 0 && average >= best)) {
            best = average;
            bestA = a;
            bestB = b;
          }
        }
      }
      if (bestA < 0) {
        break;
      }
      for (int k = 0; k < n; k++) {
        sum[bestA][k] += sum[bestB][k];
        sum[k][bestA] = sum[bestA][k];
      }
      size[bestA] += size[bestB];
      anchor[bestA] |= anchor[bestB];
      members.get(bestA).addAll(members.get(bestB));
      members.get(bestA).sort(Integer::compare);
      alive[bestB] = false;
    }
    List<List<Integer>> groups = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      groups.add(alive[a] ? members.get(a) : List.of());
    }
    return groups;
  }
}
