package org.peerboard.suggest.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A vector of few non-zero weights, by ascending term index, scaled to length 1 so a dot product is
 * a cosine.
 */
record SparseVector(int[] terms, double[] weights) {
  static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

  static SparseVector normalised(TreeMap<Integer, Double> weights) {
    double norm = 0;
    for (double w : weights.values()) {
      norm += w * w;
    }
    if (norm == 0) {
      return EMPTY;
    }
    norm = Math.sqrt(norm);
    int[] terms = new int[weights.size()];
    double[] values = new double[weights.size()];
    int i = 0;
    for (Map.Entry<Integer, Double> e : weights.entrySet()) {
      terms[i] = e.getKey();
      values[i++] = e.getValue() / norm;
    }
    return new SparseVector(terms, values);
  }

  double cosine(SparseVector other) {
    double sum = 0;
    int i = 0;
    int j = 0;
    while (i < terms.length && j < other.terms.length) {
      if (terms[i] == other.terms[j]) {
        sum += weights[i++] * other.weights[j++];
      } else if (terms[i] < other.terms[j]) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }
}
