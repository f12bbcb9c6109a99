package org.peerboard.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerboard.suggest.model.Suggester;
import org.peerboard.suggest.model.TextAnalysis;

/**
 * What the moderator is offered, rule by rule: names from shared words, a pair never offered twice,
 * compounds written apart or together, and a real session board with repeats.
 */
@DisplayName("Suggestions a moderator can trust")
class SuggestionRulesTest {

  private static Suggester.Suggestions suggest(List<Suggester.Note> notes, String language) {
    return Suggester.suggest(
        notes,
        List.of(),
        language,
        LabelledSet.builtInGlossary(language),
        Suggester.Tuning.DEFAULT);
  }

  private static Suggester.Note note(String id, String text) {
    return new Suggester.Note(id, LabelledSet.LANE, text, null, null);
  }

  @Test
  @DisplayName("compounds written apart or together are the same words: a near-duplicate")
  void compounds() {
    List<Suggester.Note> notes =
        List.of(
            note("a", "Borse lavoro per i neomaggiorenni"),
            note("b", "Un fondo per l'affitto dei ragazzi in uscita"),
            note("c", "Borse lavoro per neo maggiorenni"));
    Suggester.Suggestions found = suggest(notes, "it");
    assertEquals(
        List.of("c->a"),
        found.duplicates().stream().map(d -> d.noteId() + "->" + d.of()).toList(),
        found.toString());
    List<Suggester.Note> english =
        List.of(
            note("a", "A care leaver network run by former care leavers"),
            note("b", "Evening opening hours for those who work or study"),
            note("c", "A housing fund at eighteen, run together with the young person"),
            note("d", "A careleaver network run by former careleavers"));
    assertEquals(1, suggest(english, "en").duplicates().size(), "and in English");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"it", "en"})
  @DisplayName("a pair is offered as a duplicate or inside a new group, never both")
  void aPairIsOfferedOnce(String language) {
    LabelledSet set = LabelledSet.load(language, null);
    Suggester.Suggestions found = set.suggest(Suggester.Tuning.DEFAULT);
    assertFalse(found.duplicates().isEmpty());
    for (Suggester.Duplicate d : found.duplicates()) {
      for (Suggester.Group group : found.groups()) {
        assertFalse(
            group.noteIds().contains(d.noteId()) && group.noteIds().contains(d.of()),
            d + " is offered again in " + group);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"it", "en"})
  @DisplayName("every word of a group's name is a word that at least two of its notes share")
  void namesAreShared(String language) {
    LabelledSet set = LabelledSet.load(language, null);
    TextAnalysis analysis = TextAnalysis.of(language);
    Map<String, String> texts = new HashMap<>();
    set.notes().forEach(n -> texts.put(n.id(), n.text()));
    Suggester.Suggestions found = set.suggest(Suggester.Tuning.DEFAULT);
    assertTrue(found.groups().size() >= 5, found.groups()::toString);
    for (Suggester.Group group : found.groups()) {
      String joiner = "it".equals(language) ? " e " : " and ";
      for (String word : group.name().toLowerCase(Locale.ROOT).split(joiner)) {
        Set<String> stems = new HashSet<>();
        analysis.tokens(word).forEach(t -> stems.add(t.stem()));
        // a glossary group counts as one word: "studio" names notes that say "scuola" and "studio"
        for (List<String> synonyms : LabelledSet.builtInGlossary(language)) {
          Set<String> groupStems = new HashSet<>();
          synonyms.forEach(e -> analysis.tokens(e).forEach(t -> groupStems.add(t.stem())));
          if (groupStems.containsAll(stems)) {
            stems.addAll(groupStems);
          }
        }
        long holding =
            group.noteIds().stream()
                .filter(
                    id ->
                        analysis.tokens(texts.get(id)).stream()
                            .anyMatch(t -> stems.contains(t.stem())))
                .count();
        assertTrue(holding >= 2, () -> "«" + word + "» of " + group + " is in one note only");
      }
    }
  }

  @Test
  @DisplayName("unrelated notes are not grouped under a word one of them happens to hold")
  void unrelatedNotesStayApart() {
    List<Suggester.Note> notes =
        List.of(
            note(
                "a",
                "Cento chilometri dalla famiglia: la comunità era l'unica con un posto libero"),
            note("b", "Consulta dei ragazzi in comunità, con un rappresentante eletto ogni anno"),
            note("c", "Un tutor per l'autonomia che segua ogni care leaver fino ai 21 anni"),
            note("d", "Orari del servizio anche la sera, per chi lavora o studia"));
    Suggester.Suggestions found = suggest(notes, "it");
    assertEquals(List.of(), found.groups(), found.toString());
  }

  @Test
  @DisplayName("a session board of 69 notes with three real repeats gets them as near-duplicates")
  void sessionBoard() {
    JsonObject doc = new JsonObject(resource("/suggest/session-it.json"));
    List<Suggester.Note> notes = new ArrayList<>();
    Map<String, String> repeats = new HashMap<>();
    for (Object o : doc.getJsonArray("notes")) {
      JsonObject n = (JsonObject) o;
      notes.add(
          new Suggester.Note(
              n.getString("id"), n.getString("lane"), n.getString("text"), null, null));
      if (n.getString("duplicateOf") != null) {
        repeats.put(n.getString("id"), n.getString("duplicateOf"));
      }
    }
    assertEquals(69, notes.size());
    Suggester.Suggestions found =
        Suggester.suggest(
            notes, List.of(), "it", LabelledSet.builtInGlossary("it"), Suggester.Tuning.DEFAULT);
    Map<String, String> offered = new HashMap<>();
    found.duplicates().forEach(d -> offered.put(d.noteId(), d.of()));
    assertEquals(repeats, offered, found.toString());
  }

  @Test
  @DisplayName(
      "the session's first notes written again at another table («… · tavolo 2») are offered as"
          + " duplicates")
  void sameNotesFromAnotherTable() {
    JsonObject doc = new JsonObject(resource("/suggest/session-it.json"));
    List<Suggester.Note> notes = new ArrayList<>();
    for (Object o : doc.getJsonArray("notes")) {
      JsonObject n = (JsonObject) o;
      if (n.getString("duplicateOf") == null) {
        notes.add(
            new Suggester.Note(
                n.getString("id"), n.getString("lane"), n.getString("text"), null, null));
      }
    }
    Map<String, String> repeats = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      Suggester.Note original = notes.get(i);
      notes.add(
          new Suggester.Note(
              "t" + i, original.lane(), original.text() + " · tavolo 2", null, null));
      repeats.put("t" + i, original.id());
    }
    assertEquals(69, notes.size());
    Suggester.Suggestions found =
        Suggester.suggest(
            notes, List.of(), "it", LabelledSet.builtInGlossary("it"), Suggester.Tuning.DEFAULT);
    Map<String, String> offered = new HashMap<>();
    found.duplicates().forEach(d -> offered.put(d.noteId(), d.of()));
    assertEquals(repeats, offered, found.toString());
  }

  private static String resource(String path) {
    try (InputStream in = SuggestionRulesTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
