package org.peerboard.suggest.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggested themes and near-duplicates for the notes a moderator sees, worked out on this machine
 * alone. Notes are compared by the cosine of their TF-IDF vectors (terms, and character trigrams
 * for typos); within each lane they are grouped by average linkage. A note already in a cluster is
 * never put in a new group, but its cluster may be suggested to take in notes that are like it. A
 * group is named by words its notes share, and a pair of notes is offered once: as a duplicate or
 * inside a group. Same input, same answer.
 */
public final class Suggester {
  /**
   * A note as the moderator sees it, in board order; {@code clusterId} and {@code duplicateOf} may
   * be null.
   */
  public record Note(String id, String lane, String text, String clusterId, String duplicateOf) {}

  /** An existing cluster. */
  public record Cluster(String id, String lane, String name) {}

  /**
   * A suggested group: new ({@code clusterId} null, at least two notes) or notes to add to an
   * existing cluster.
   */
  public record Group(String lane, String clusterId, String name, List<String> noteIds) {}

  /** {@code noteId} looks like a duplicate of the earlier note {@code of}. */
  public record Duplicate(String noteId, String of, double score) {}

  public record Suggestions(List<Group> groups, List<Duplicate> duplicates) {}

  /**
   * {@code wordWeight}: the share of the term cosine in the theme similarity (the rest is the
   * trigram cosine); {@code glossaryWeight}: how much more a glossary group weighs than a plain
   * term; groups merge while their average similarity exceeds {@code themeThreshold}; a pair is a
   * near-duplicate from {@code duplicateThreshold} of {@link FuzzyOverlap#dice} (the share of stems
   * two notes have in common, a typo allowed per word; glossary synonyms not folded).
   */
  public record Tuning(
      double wordWeight, double glossaryWeight, double themeThreshold, double duplicateThreshold) {
    public static final Tuning DEFAULT = new Tuning(0.7, 4.0, 0.30, 0.75);
  }

  /**
   * Below this trigram cosine two notes are not compared word by word (a shortcut, not a rule): low
   * enough that a compound written apart and together ("care leavers" / "careleavers", 0.47) still
   * is.
   */
  private static final double CHAR_FLOOR = 0.35;

  private Suggester() {}

  public static Suggestions suggest(
      List<Note> notes,
      List<Cluster> clusters,
      String language,
      List<List<String>> glossary,
      Tuning tuning) {
    TextAnalysis analysis = TextAnalysis.of(language);
    List<String> texts = notes.stream().map(Note::text).toList();
    Corpus corpus =
        new Corpus(texts, analysis, new Synonyms(analysis, glossary), tuning.glossaryWeight());
    Corpus plain = new Corpus(texts, analysis, new Synonyms(analysis, List.of()), 1);
    int n = notes.size();
    double[][] theme = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (notes.get(i).lane().equals(notes.get(j).lane())) {
          double s =
              tuning.wordWeight() * corpus.words[i].cosine(corpus.words[j])
                  + (1 - tuning.wordWeight()) * corpus.chars[i].cosine(corpus.chars[j]);
          theme[i][j] = s;
          theme[j][i] = s;
        }
      }
    }
    List<Duplicate> duplicates = duplicates(notes, plain, tuning);
    Map<Integer, Integer> repeats = new HashMap<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(notes.get(i).id(), i);
    }
    duplicates.forEach(d -> repeats.put(index.get(d.noteId()), index.get(d.of())));
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> lane : byLane(notes).entrySet()) {
      groups.addAll(
          groupLane(
              lane.getKey(),
              lane.getValue(),
              notes,
              clusters,
              theme,
              corpus,
              language,
              tuning,
              repeats));
    }
    return new Suggestions(List.copyOf(groups), duplicates);
  }

  private static Map<String, List<Integer>> byLane(List<Note> notes) {
    Map<String, List<Integer>> lanes = new LinkedHashMap<>();
    for (int i = 0; i < notes.size(); i++) {
      lanes.computeIfAbsent(notes.get(i).lane(), l -> new ArrayList<>()).add(i);
    }
    return lanes;
  }

  private static List<Group> groupLane(
      String lane,
      List<Integer> indexes,
      List<Note> notes,
      List<Cluster> clusters,
      double[][] theme,
      Corpus corpus,
      String language,
      Tuning tuning,
      Map<Integer, Integer> repeats) {
    List<Cluster> anchors = new ArrayList<>();
    List<List<Integer>> start = new ArrayList<>();
    Map<String, Integer> slot = new HashMap<>();
    for (Cluster cluster : clusters) {
      if (cluster.lane().equals(lane)) {
        slot.put(cluster.id(), anchors.size());
        anchors.add(cluster);
        start.add(new ArrayList<>());
      }
    }
    for (int i : indexes) {
      Integer at = notes.get(i).clusterId() == null ? null : slot.get(notes.get(i).clusterId());
      if (at != null) {
        start.get(at).add(i);
      } else if (notes.get(i).clusterId() == null) {
        start.add(new ArrayList<>(List.of(i)));
      }
    }
    boolean[] anchored = new boolean[start.size()];
    for (int a = 0; a < anchors.size(); a++) {
      anchored[a] = true;
    }
    List<List<Integer>> merged = AverageLink.group(theme, start, anchored, tuning.themeThreshold());
    List<Group> groups = new ArrayList<>();
    for (int a = 0; a < merged.size(); a++) {
      // a pair is offered once: a note offered as a duplicate leaves the group that holds its
      // original
      List<Integer> all = merged.get(a);
      List<Integer> members =
          all.stream().filter(i -> !all.contains(repeats.getOrDefault(i, -1))).toList();
      if (a < anchors.size()) {
        Cluster cluster = anchors.get(a);
        List<String> joining =
            members.stream()
                .map(notes::get)
                .filter(note -> note.clusterId() == null)
                .map(Note::id)
                .toList();
        if (!joining.isEmpty()) {
          groups.add(new Group(lane, cluster.id(), cluster.name(), joining));
        }
      } else if (members.size() >= 2) {
        String name = Namer.name(members, corpus, language);
        if (!name.isEmpty()) { // notes that share no word are no theme, whatever their letters
          groups.add(
              new Group(lane, null, name, members.stream().map(i -> notes.get(i).id()).toList()));
        }
      }
    }
    return groups;
  }

  /**
   * Each later note against the earlier ones; a note's duplicate points at the first note of its
   * chain.
   */
  private static List<Duplicate> duplicates(List<Note> notes, Corpus plain, Tuning tuning) {
    List<Duplicate> found = new ArrayList<>();
    int[] root = new int[notes.size()];
    for (int j = 0; j < notes.size(); j++) {
      root[j] = j;
      if (notes.get(j).duplicateOf() != null) {
        continue;
      }
      int best = -1;
      double bestScore = tuning.duplicateThreshold();
      for (int i = 0; i < j; i++) {
        if (notes.get(i).duplicateOf() != null) {
          continue;
        }
        int a = plain.tokens.get(i).size();
        int b = plain.tokens.get(j).size();
        if (2.0 * Math.min(a, b) / Math.max(1, a + b) < bestScore
            || plain.chars[i].cosine(plain.chars[j]) < CHAR_FLOOR) {
          continue; // too different in length, or not even the letters are alike: spare the
          // word-by-word comparison
        }
        double score = FuzzyOverlap.dice(plain.tokens.get(i), plain.tokens.get(j));
        if (score >= bestScore && (best < 0 || score > bestScore)) {
          best = i;
          bestScore = score;
        }
      }
      if (best >= 0) {
        root[j] = root[best];
        found.add(
            new Duplicate(
                notes.get(j).id(), notes.get(root[j]).id(), Math.round(bestScore * 1000) / 1000.0));
      }
    }
    return List.copyOf(found);
  }
}
