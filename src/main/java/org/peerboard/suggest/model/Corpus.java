package org.peerboard.suggest.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The notes of one request as TF-IDF vectors in two spaces: their terms (stems, with glossary
 * synonyms folded into one term) and the character trigrams of their stems, which still match when
 * a word has a typo.
 */
final class Corpus {
  private static final int GRAM = 3;

  final List<List<TextAnalysis.Token>> tokens = new ArrayList<>();
  final List<List<String>> terms = new ArrayList<>();
  final SparseVector[] words;
  final SparseVector[] chars;
  private final Map<String, Integer> termDf = new HashMap<>();
  private final int size;

  Corpus(List<String> texts, TextAnalysis analysis, Synonyms synonyms, double glossaryWeight) {
    size = texts.size();
    List<List<String>> grams = new ArrayList<>();
    for (String text : texts) {
      List<TextAnalysis.Token> noteTokens = analysis.tokens(text);
      tokens.add(noteTokens);
      List<String> noteTerms = new ArrayList<>();
      List<String> noteGrams = new ArrayList<>();
      Set<String> stems = new LinkedHashSet<>();
      for (TextAnalysis.Token token : noteTokens) {
        noteTerms.add(synonyms.term(token.stem()));
        stems.add(token.stem());
        String padded = "#" + token.stem() + "#";
        for (int i = 0; i + GRAM <= padded.length(); i++) {
          noteGrams.add(padded.substring(i, i + GRAM));
        }
      }
      for (String group : synonyms.phraseGroups(stems)) {
        if (!noteTerms.contains(group)) {
          noteTerms.add(group);
        }
      }
      terms.add(noteTerms);
      grams.add(noteGrams);
      new LinkedHashSet<>(noteTerms).forEach(t -> termDf.merge(t, 1, Integer::sum));
    }
    words = vectors(terms, glossaryWeight);
    chars = vectors(grams, 1);
  }

  /**
   * Inverse document frequency: rare terms weigh more, a term in nearly every note next to nothing.
   */
  double idf(String term) {
    return Math.log((size + 1.0) / (termDf.getOrDefault(term, 0) + 0.5));
  }

  /** {@code boost}: the extra weight of glossary terms, which name what the domain cares about. */
  private static SparseVector[] vectors(List<List<String>> documents, double boost) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> df = new HashMap<>();
    for (List<String> document : documents) {
      for (String term : new LinkedHashSet<>(document)) {
        index.putIfAbsent(term, index.size());
        df.merge(term, 1, Integer::sum);
      }
    }
    int n = documents.size();
    SparseVector[] vectors = new SparseVector[n];
    for (int d = 0; d < n; d++) {
      Map<String, Integer> tf = new HashMap<>();
      documents.get(d).forEach(term -> tf.merge(term, 1, Integer::sum));
      TreeMap<Integer, Double> weights = new TreeMap<>();
      tf.forEach(
          (term, count) ->
              weights.put(
                  index.get(term),
                  (term.startsWith(Synonyms.PREFIX) ? boost : 1)
                      * (1 + Math.log(count))
                      * Math.log((n + 1.0) / (df.get(term) + 0.5))));
      vectors[d] = SparseVector.normalised(weights);
    }
    return vectors;
  }
}
