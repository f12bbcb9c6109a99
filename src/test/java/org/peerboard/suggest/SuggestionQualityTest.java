package org.peerboard.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerboard.suggest.model.Suggester;

/**
 * The suggestions against labelled proposals (src/test/resources/suggest): the thresholds were
 * chosen on the {@code tune} half; the {@code check} half is held out. Figures are in
 * docs/benchmarks.md.
 */
class SuggestionQualityTest {

  @ParameterizedTest(name = "{0}, {1} half")
  @CsvSource({"it, tune", "it, check", "it, all", "en, tune", "en, check", "en, all"})
  @DisplayName(
      "near-duplicates are found with precision and recall of at least 0.9, themes with pairwise precision "
          + "of at least 0.6 and recall of at least 0.35")
  void meetsTheBar(String language, String half) {
    LabelledSet set = LabelledSet.load(language, "all".equals(half) ? null : half);
    LabelledSet.Scores scores = set.score(set.suggest(Suggester.Tuning.DEFAULT));
    System.out.printf(
        "suggestions %s %s (%d notes): %s%n", language, half, set.notes().size(), scores);
    assertTrue(scores.duplicatePrecision() >= 0.9, scores::toString);
    assertTrue(scores.duplicateRecall() >= 0.9, scores::toString);
    assertTrue(scores.themePrecision() >= 0.6, scores::toString);
    assertTrue(scores.themeRecall() >= 0.35, scores::toString);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"it", "en"})
  @DisplayName(
      "every group has at least two notes and a name of 1 to 40 characters taken from its notes' words")
  void groupsAreWellFormed(String language) {
    LabelledSet set = LabelledSet.load(language, null);
    Suggester.Suggestions suggestions = set.suggest(Suggester.Tuning.DEFAULT);
    assertTrue(suggestions.groups().size() >= 5, "too few groups: " + suggestions.groups());
    for (Suggester.Group group : suggestions.groups()) {
      assertTrue(group.noteIds().size() >= 2, group::toString);
      assertTrue(!group.name().isBlank() && group.name().length() <= 40, group::toString);
      String firstWord = group.name().split(" ")[0].toLowerCase(Locale.ROOT);
      assertTrue(
          group.noteIds().stream()
              .map(id -> text(set, id).toLowerCase(Locale.ROOT))
              .anyMatch(text -> text.contains(firstWord)),
          () -> group.name() + " is not in its notes");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"it", "en"})
  @DisplayName("the same notes give the same answer, in the same order")
  void sameInputSameAnswer(String language) {
    LabelledSet set = LabelledSet.load(language, null);
    assertEquals(set.suggest(Suggester.Tuning.DEFAULT), set.suggest(Suggester.Tuning.DEFAULT));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"it", "en"})
  @DisplayName(
      "a note already in a cluster is never put in a new group; notes like it are suggested for its cluster")
  void clusteredNotesAnchor(String language) {
    LabelledSet set = LabelledSet.load(language, null);
    String theme = "tutors";
    List<Suggester.Note> notes =
        set.notes().stream()
            .map(
                n ->
                    set.themes().get(n.id()).equals(theme) && n.id().endsWith("01")
                            || n.id().endsWith(theme + "-02")
                        ? new Suggester.Note(n.id(), n.lane(), n.text(), "c1", null)
                        : n)
            .toList();
    Suggester.Suggestions suggestions =
        Suggester.suggest(
            notes,
            List.of(new Suggester.Cluster("c1", LabelledSet.LANE, "Tutor")),
            language,
            LabelledSet.builtInGlossary(language),
            Suggester.Tuning.DEFAULT);
    for (Suggester.Group group : suggestions.groups()) {
      assertTrue(
          group.noteIds().stream()
              .noneMatch(id -> id.endsWith(theme + "-01") || id.endsWith(theme + "-02")),
          group::toString);
    }
    Suggester.Group joining =
        suggestions.groups().stream()
            .filter(g -> "c1".equals(g.clusterId()))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no suggestion for the cluster: " + suggestions.groups()));
    assertTrue(
        joining.noteIds().stream().filter(id -> set.themes().get(id).equals(theme)).count()
            > joining.noteIds().size() / 2,
        joining::toString);
  }

  private static String text(LabelledSet set, String id) {
    return set.notes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow().text();
  }
}
