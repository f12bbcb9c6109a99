package org.peerboard.suggest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerboard.suggest.model.Suggester;

/**
 * The labelled proposals of src/test/resources/suggest (gold theme and duplicate of each note) and
 * how well a set of suggestions matches them, pair by pair.
 */
public record LabelledSet(
    String language,
    List<Suggester.Note> notes,
    Map<String, String> themes,
    Map<String, String> duplicateOf) {

  public static final String LANE = "improvements";

  /** One half of the set ({@code tune}, {@code check}) or all of it ({@code null}). */
  public static LabelledSet load(String language, String half) {
    JsonObject doc = new JsonObject(resource("/suggest/" + language + ".json"));
    List<Suggester.Note> notes = new ArrayList<>();
    Map<String, String> themes = new HashMap<>();
    Map<String, String> duplicateOf = new HashMap<>();
    for (Object o : doc.getJsonArray("notes")) {
      JsonObject note = (JsonObject) o;
      if (half != null && !half.equals(note.getString("half"))) {
        continue;
      }
      notes.add(new Suggester.Note(note.getString("id"), LANE, note.getString("text"), null, null));
      themes.put(note.getString("id"), note.getString("theme"));
      if (note.getString("duplicateOf") != null) {
        duplicateOf.put(note.getString("id"), note.getString("duplicateOf"));
      }
    }
    return new LabelledSet(language, notes, themes, duplicateOf);
  }

  /**
   * The built-in template's glossary for this language, read from the migration that installs it.
   */
  public static List<List<String>> builtInGlossary(String language) {
    String sql = resource("/db/migration/R__builtin_templates.sql");
    int from = sql.indexOf("$json$") + "$json$".length();
    JsonObject template = new JsonObject(sql.substring(from, sql.indexOf("$json$", from)));
    List<List<String>> groups = new ArrayList<>();
    for (Object group : template.getJsonObject("glossary").getJsonArray(language)) {
      groups.add(((JsonArray) group).stream().map(String.class::cast).toList());
    }
    return groups;
  }

  public Suggester.Suggestions suggest(Suggester.Tuning tuning) {
    return Suggester.suggest(notes, List.of(), language, builtInGlossary(language), tuning);
  }

  /**
   * Pairwise precision and recall of the themes, and of the near-duplicates (each a set of notes
   * saying the same).
   */
  public record Scores(
      double themePrecision,
      double themeRecall,
      double duplicatePrecision,
      double duplicateRecall) {
    @Override
    public String toString() {
      return String.format(
          "themes P %.2f R %.2f, duplicates P %.2f R %.2f",
          themePrecision, themeRecall, duplicatePrecision, duplicateRecall);
    }
  }

  public Scores score(Suggester.Suggestions suggestions) {
    Map<String, Integer> group = new HashMap<>();
    for (int g = 0; g < suggestions.groups().size(); g++) {
      for (String id : suggestions.groups().get(g).noteIds()) {
        group.put(id, g);
      }
    }
    Map<String, String> predictedRoot = new HashMap<>();
    suggestions.duplicates().forEach(d -> predictedRoot.put(d.noteId(), d.of()));
    // a note offered as a duplicate is left out of its original's group (a pair is offered once)
    // and goes where the original goes once marked: it counts in the original's group
    predictedRoot.forEach(
        (id, of) -> {
          Integer at = group.get(root(predictedRoot, of));
          if (!group.containsKey(id) && at != null) {
            group.put(id, at);
          }
        });
    int themeBoth = 0;
    int themePredicted = 0;
    int themeGold = 0;
    int dupBoth = 0;
    int dupPredicted = 0;
    int dupGold = 0;
    for (int i = 0; i < notes.size(); i++) {
      for (int j = i + 1; j < notes.size(); j++) {
        String a = notes.get(i).id();
        String b = notes.get(j).id();
        boolean sameTheme = themes.get(a).equals(themes.get(b));
        boolean grouped = group.containsKey(a) && group.get(a).equals(group.get(b));
        themeGold += sameTheme ? 1 : 0;
        themePredicted += grouped ? 1 : 0;
        themeBoth += sameTheme && grouped ? 1 : 0;
        boolean sameText = root(duplicateOf, a).equals(root(duplicateOf, b));
        boolean flagged = root(predictedRoot, a).equals(root(predictedRoot, b));
        dupGold += sameText ? 1 : 0;
        dupPredicted += flagged ? 1 : 0;
        dupBoth += sameText && flagged ? 1 : 0;
      }
    }
    return new Scores(
        ratio(themeBoth, themePredicted),
        ratio(themeBoth, themeGold),
        ratio(dupBoth, dupPredicted),
        ratio(dupBoth, dupGold));
  }

  private static String root(Map<String, String> parent, String id) {
    Set<String> seen = new HashSet<>();
    while (parent.containsKey(id) && seen.add(id)) {
      id = parent.get(id);
    }
    return id;
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }

  private static String resource(String path) {
    try (InputStream in = LabelledSet.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
