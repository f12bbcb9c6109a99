package org.peerboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName("The accessibility statement names the operator's contact")
class StatementContactTest {

  @Test
  @DisplayName(
      "with PEERBOARD_ACCESSIBILITY_CONTACT set, /accessibility links it in both languages, and"
          + " neither the placeholder nor the sentence calling it one is left")
  void servedWithTheContact() throws Exception {
    String address = "accessibilita@asl-roma.example.it";
    Config config =
        TestApp.onSharedDatabase("statement-contact")
            .withAccessibilityContact(Optional.of(address));
    try (PeerBoard app = PeerBoard.start(config)) {
      Api api = new Api("http://127.0.0.1:" + app.port());
      for (String lang : new String[] {"en", "it"}) {
        Api.Response page = api.get("/accessibility?lang=" + lang, null);
        assertEquals(200, page.status());
        String html = page.body();
        assertTrue(
            html.contains(
                "<strong><a href=\"mailto:" + address + "\">" + address + "</a></strong>"),
            lang + ": " + html);
        assertFalse(html.contains(StatementPage.PLACEHOLDER), lang);
        assertFalse(html.contains("placeholder") || html.contains("segnaposto"), lang);
        assertTrue(html.contains("ten working days") || html.contains("dieci giorni"), lang);
      }
    }
  }

  @Test
  @DisplayName("a web page is linked as it is; without a contact the text is left as written")
  void aWebPageOrNothing() throws Exception {
    String en = Files.readString(Path.of("docs", "accessibility.md"));
    String linked =
        StatementPage.withContact(en, Optional.of("https://asl.example.it/accessibilita"));
    assertTrue(
        linked.contains(
            "**[https://asl.example.it/accessibilita](https://asl.example.it/accessibilita)**"));
    assertFalse(linked.contains(StatementPage.PLACEHOLDER));
    assertTrue(
        linked.contains("write to\n**[https://asl")
            && linked.contains(")**. Please say which page"));
    assertEquals(en, StatementPage.withContact(en, Optional.empty()));
    assertTrue(en.contains("**" + StatementPage.PLACEHOLDER + "**"), "the file names it so");
  }

  @Test
  @DisplayName(
      "the variable takes an e-mail address or an http(s) page; anything else stops the start with"
          + " a message naming it")
  void checkedAtStart() {
    assertEquals(
        Optional.of("a11y@example.com"),
        Config.fromEnv(Map.of("PEERBOARD_ACCESSIBILITY_CONTACT", " a11y@example.com "))
            .accessibilityContact());
    assertEquals(
        Optional.empty(),
        Config.fromEnv(Map.of("PEERBOARD_ACCESSIBILITY_CONTACT", "  ")).accessibilityContact());
    for (String bad :
        new String[] {
          "call us",
          "javascript:alert(1)",
          "a11y@example",
          "https://x.example/a)(b",
          "mailto:a11y@example.com",
          "**a11y@example.com**"
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Config.fromEnv(Map.of("PEERBOARD_ACCESSIBILITY_CONTACT", bad)),
              bad);
      assertTrue(e.getMessage().contains("PEERBOARD_ACCESSIBILITY_CONTACT"), e.getMessage());
    }
  }
}
