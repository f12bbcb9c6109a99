package org.peerboard.suggest.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Agglomerative grouping with average linkage: the two groups whose members are on average the most
 * alike are merged, again and again, until no pair reaches the threshold. Groups that start
 * anchored (existing clusters, which must come first in the start list) may take in notes but never
 * merge with each other. Each group remembers its most alike partner, so a merge costs a pass over
 * the groups rather than over all pairs. Ties go to the lowest indexes, so the same input gives the
 * same groups.
 */
final class AverageLink {
  private final double[][] sum;
  private final int[] size;
  private final boolean[] alive;
  private final boolean[] anchor;
  private final int[] partner;
  private final double[] best;
  private final int n;

  private AverageLink(int n) {
    this.n = n;
    sum = new double[n][n];
    size = new int[n];
    alive = new boolean[n];
    anchor = new boolean[n];
    partner = new int[n];
    best = new double[n];
  }

  /**
   * {@code start}: the initial groups, as indexes into {@code similarity}; returns the final groups
   * in start order.
   */
  static List<List<Integer>> group(
      double[][] similarity, List<List<Integer>> start, boolean[] anchored, double threshold) {
    int n = start.size();
    AverageLink link = new AverageLink(n);
    List<List<Integer>> members = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      members.add(new ArrayList<>(start.get(a)));
      link.size[a] = start.get(a).size();
      link.alive[a] = link.size[a] > 0;
      link.anchor[a] = anchored[a];
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        double s = 0;
        for (int i : start.get(a)) {
          for (int j : start.get(b)) {
            s += similarity[i][j];
          }
        }
        link.sum[a][b] = s;
        link.sum[b][a] = s;
      }
    }
    for (int a = 0; a < n; a++) {
      link.refresh(a);
    }
    while (true) {
      int a = -1;
      for (int k = 0; k < n; k++) {
        if (link.alive[k] && link.partner[k] >= 0 && (a < 0 || link.best[k] > link.best[a])) {
          a = k;
        }
      }
      if (a < 0 || link.best[a] <= threshold) {
        break;
      }
      int into = Math.min(a, link.partner[a]);
      int from = Math.max(a, link.partner[a]);
      link.merge(into, from);
      members.get(into).addAll(members.get(from));
      members.get(into).sort(Integer::compare);
    }
    List<List<Integer>> groups = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      groups.add(link.alive[a] ? members.get(a) : List.of());
    }
    return groups;
  }

  private double average(int a, int b) {
    return sum[a][b] / ((double) size[a] * size[b]);
  }

  private boolean mayMerge(int a, int b) {
    return a != b && alive[b] && !(anchor[a] && anchor[b]);
  }

  /** Finds the most alike partner of {@code a} (the lowest index among equals). */
  private void refresh(int a) {
    partner[a] = -1;
    for (int b = 0; b < n; b++) {
      if (mayMerge(a, b) && (partner[a] < 0 || average(a, b) > best[a])) {
        partner[a] = b;
        best[a] = average(a, b);
      }
    }
  }

  /** Anchored groups sit first, so {@code into < from} keeps an anchor in its own slot. */
  private void merge(int into, int from) {
    for (int k = 0; k < n; k++) {
      sum[into][k] += sum[from][k];
      sum[k][into] = sum[into][k];
    }
    size[into] += size[from];
    anchor[into] |= anchor[from];
    alive[from] = false;
    for (int k = 0; k < n; k++) {
      if (!alive[k]) {
        continue;
      }
      if (k == into || partner[k] == into || partner[k] == from || anchor[k] && anchor[into]) {
        refresh(k);
      } else if (mayMerge(k, into)
          && (average(k, into) > best[k] || average(k, into) == best[k] && into < partner[k])) {
        partner[k] = into;
        best[k] = average(k, into);
      }
    }
  }
}
