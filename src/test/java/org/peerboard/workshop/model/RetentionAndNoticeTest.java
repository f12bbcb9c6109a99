package org.peerboard.workshop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Retention dates and notice versions, as rules")
class RetentionAndNoticeTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @Test
  @DisplayName(
      "by default a workshop is kept 24 months after its date, counted from today when the date is past or absent")
  void defaults() {
    assertEquals(LocalDate.of(2029, 3, 1), Retention.byDefault(LocalDate.of(2027, 3, 1), TODAY));
    assertEquals(TODAY.plusMonths(24), Retention.byDefault(LocalDate.of(2022, 7, 18), TODAY));
    assertEquals(TODAY.plusMonths(24), Retention.byDefault(null, TODAY));
    assertEquals(
        TODAY.plusYears(10),
        Retention.byDefault(TODAY.plusYears(9), TODAY),
        "never more than 10 years");
  }

  @Test
  @DisplayName(
      "an organiser may choose from today to 10 years ahead; the day after the date the workshop is due")
  void choices() {
    assertTrue(Retention.allowed(TODAY, TODAY));
    assertTrue(Retention.allowed(TODAY.plusYears(10), TODAY));
    assertFalse(Retention.allowed(TODAY.minusDays(1), TODAY));
    assertFalse(Retention.allowed(TODAY.plusYears(10).plusDays(1), TODAY));
    assertFalse(Retention.expired(TODAY, TODAY), "kept through its last day");
    assertTrue(Retention.expired(TODAY, TODAY.plusDays(1)));
    assertFalse(Retention.warns(TODAY.plusDays(31), TODAY));
    assertTrue(Retention.warns(TODAY.plusDays(30), TODAY));
  }

  @Test
  @DisplayName("a notice's version is the first 12 hex characters of the SHA-256 of its text")
  void versions() {
    // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    assertEquals("ba7816bf8f01", Notice.versionOf("abc"));
    assertNotEquals(Notice.versionOf("abc"), Notice.versionOf("abc "));
  }

  @Test
  @DisplayName(
      "the organiser's text in the phone's language wins, then their one text, then the other language, then the built-in one")
  void choosing() {
    Notice.Controller controller =
        new Notice.Controller("Prato", null, "privacy@example.org", null, TODAY);
    String builtIn = "{title}: {organisation}, {contact}, {purpose}, {retainUntil}";
    Map<String, String> fallbacks = Map.of("organisation", "the organisers", "purpose", "research");
    assertEquals(
        "Testo",
        Notice.choose(
                "it", Map.of("it", "Testo", "en", "Text"), null, controller, builtIn, fallbacks)
            .text());
    assertEquals(
        "One", Notice.choose("en", Map.of(), "One", controller, builtIn, fallbacks).text());
    assertEquals(
        "Testo",
        Notice.choose("en", Map.of("it", "Testo"), null, controller, builtIn, fallbacks).text());
    Notice fallback = Notice.choose("en", Map.of(), null, controller, builtIn, fallbacks);
    assertEquals(
        "Prato: the organisers, privacy@example.org, research, 2026-12-07", fallback.text());
    assertEquals("en", fallback.language());
    assertEquals(Notice.versionOf(fallback.text()), fallback.version());
  }
}
