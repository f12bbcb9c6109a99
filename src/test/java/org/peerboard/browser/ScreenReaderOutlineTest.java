package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * What a screen reader finds on the phone, the moderator's page and the projector, read from
 * Chromium's accessibility tree (Playwright's aria snapshot): the board as an outline, cells as
 * lists named with their count, polite and batched news of new notes, no trace of a note hidden
 * until the reveal, and the timer said at 5:00, 1:00 and its end only.
 */
@DisplayName("The board for screen readers")
class ScreenReaderOutlineTest {
  private static Api api;

  /**
   * Records every text the page's live regions of news (notes, timer) are given, in order, with the
   * region's id.
   */
  private static final String RECORD_NEWS =
      """
      window.__said = [];
      new MutationObserver((records) => {
        const regions = new Set();
        for (const r of records) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          const region = el && el.closest('[aria-live="polite"][id$="-news"]');
          if (region) regions.add(region);
        }
        for (const region of regions) {
          const text = region.textContent.trim();
          if (text) window.__said.push(region.id + ': ' + text);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
      """;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  private static JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals("ack", answer.getString("type"), op + " " + answer.encode());
    return answer;
  }

  private static String add(WsClient ws, String lane, String text) {
    return ack(ws, "note.add", new JsonObject().put("lane", lane).put("text", text))
        .getJsonObject("result")
        .getString("noteId");
  }

  private static Page open(BrowserContext context, String url, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.addInitScript(RECORD_NEWS);
    page.navigate(url);
    return page;
  }

  private static Page joined(BrowserContext context, JsonObject board, List<String> errors) {
    Page phone = open(context, board.getString("joinUrl"), errors);
    Pages.acceptAndJoin(phone, null);
    return phone;
  }

  @SuppressWarnings("unchecked")
  private static List<String> said(Page page, String region) {
    List<String> all = (List<String>) page.evaluate("() => window.__said");
    return all.stream()
        .filter(s -> s.startsWith(region + ": "))
        .map(s -> s.substring(region.length() + 2))
        .toList();
  }

  private static void awaitSaid(Page page, String region, String text) {
    page.waitForFunction(
        "([region, text]) => window.__said.includes(region + ': ' + text)",
        List.of(region, text),
        new Page.WaitForFunctionOptions().setTimeout(20_000));
  }

  private static void assertOrdered(String snapshot, String... parts) {
    int at = -1;
    for (String part : parts) {
      int next = snapshot.indexOf(part, at + 1);
      assertTrue(next > at, "expected, in this order, " + part + " in\n" + snapshot);
      at = next;
    }
  }

  @Test
  @DisplayName(
      "phases are headings with their cells as sub-headings, each cell a list named with its count, on the "
          + "moderator's page and the projector; the phone's lane list is named with its count too")
  void outline() {
    JsonObject board = api.workshop("Outline", "A").board(0);
    Api.Participant writer = api.join(board.getString("joinCode"), "Writer");
    List<String> errors = new ArrayList<>();
    try (WsClient ws =
            WsClient.hello(TestApp.shared().port(), writer.boardId(), writer.token(), null);
        BrowserContext screen = Browsers.screen();
        BrowserContext wall = Browsers.screen();
        BrowserContext mobile = Browsers.phone()) {
      add(ws, "custody:issues", "Nobody explains the decision to the child");
      add(ws, "custody:issues", "The first meeting happens in a police station");
      add(ws, "custody:issues", "Siblings are placed apart");
      add(ws, "reporting:actors", "Schools report late");
      add(ws, "improvements", "A named adult who stays from start to end");

      Page moderator = open(screen, board.getString("moderatorUrl"), errors);
      Page projector = open(wall, board.getString("projectorUrl"), errors);
      Page phone = joined(mobile, board, errors);
      for (Page page : List.of(moderator, projector)) {
        assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
        assertThat(page.locator("#grid"))
            .matchesAriaSnapshot(
                """
                - heading "Taking into care" [level=3]
                - region "Taking into care, Critical issues":
                  - heading "Taking into care, Critical issues" [level=4]
                  - 'list "Taking into care, Critical issues: 3 notes"'
                """);
        String tree = page.locator("#grid").ariaSnapshot();
        assertOrdered(
            tree,
            "heading \"Reporting and referral\" [level=3]",
            "heading \"Reporting and referral, Actors involved\" [level=4]",
            "list \"Reporting and referral, Actors involved: 1 note\"",
            "heading \"Taking into care\" [level=3]",
            "list \"Taking into care, Actors involved: 0 notes\"",
            "list \"Taking into care, Critical issues: 3 notes\"",
            "heading \"Leaving care\" [level=3]",
            "heading \"Potential improvements\" [level=3]",
            "list \"Potential improvements: 1 note\"");
        Axe.assertNoViolations(page);
      }

      phone.getByLabel("Phase").selectOption("custody");
      phone.getByLabel("Dimension").selectOption("issues");
      assertThat(phone.locator("#board-view"))
          .matchesAriaSnapshot(
              """
              - heading "Taking into care · Critical issues" [level=2]
              - 'list "Taking into care, Critical issues: 3 notes"'
              """);
      add(ws, "custody:issues", "Decisions are taken on Friday evenings");
      assertThat(phone.locator("#lane-notes"))
          .hasAttribute("aria-label", "Taking into care, Critical issues: 4 notes");
      assertThat(moderator.locator("[data-lane='custody:issues'] .cell-notes").first())
          .hasAttribute("aria-label", "Taking into care, Critical issues: 4 notes");
      Axe.assertNoViolations(phone);
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName("an Italian board names its cells in Italian: “Presa in carico, Criticità: 3 note”")
  void italian() {
    JsonObject created =
        api.post(
                "/api/workshops",
                new JsonObject()
                    .put("title", "Prato")
                    .put("language", "it")
                    .put("groups", new JsonArray().add("Tavolo 1")))
            .json();
    JsonObject board = created.getJsonArray("boards").getJsonObject(0);
    Api.Participant writer = api.join(board.getString("joinCode"), "Scrive");
    List<String> errors = new ArrayList<>();
    try (WsClient ws =
            WsClient.hello(TestApp.shared().port(), writer.boardId(), writer.token(), null);
        BrowserContext wall = Browsers.screen()) {
      add(ws, "custody:issues", "Nessuno spiega la decisione");
      add(ws, "custody:issues", "Il primo incontro avviene in questura");
      add(ws, "custody:issues", "I fratelli sono separati");
      Page projector = open(wall, board.getString("projectorUrl"), errors);
      assertThat(projector.locator("#grid"))
          .matchesAriaSnapshot(
              """
              - heading "Presa in carico" [level=3]
              - region "Presa in carico, Criticità":
                - heading "Presa in carico, Criticità" [level=4]
                - 'list "Presa in carico, Criticità: 3 note"'
              """);
      add(ws, "custody:issues", "Le decisioni arrivano il venerdì sera");
      awaitSaid(projector, "note-news", "1 nuova nota in Presa in carico, Criticità");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "new notes are announced politely and in batches: three notes within a second make one announcement, "
          + "one's own notes none")
  void batchedNews() {
    JsonObject board = api.workshop("News", "A").board(0);
    Api.Participant writer = api.join(board.getString("joinCode"), "Writer");
    List<String> errors = new ArrayList<>();
    try (WsClient ws =
            WsClient.hello(TestApp.shared().port(), writer.boardId(), writer.token(), null);
        BrowserContext screen = Browsers.screen();
        BrowserContext mobile = Browsers.phone()) {
      add(ws, "custody:issues", "Already there when the pages open");
      Page moderator = open(screen, board.getString("moderatorUrl"), errors);
      Page phone = joined(mobile, board, errors);
      assertThat(moderator.locator("#conn")).hasAttribute("data-state", "online");
      for (Page page : List.of(moderator, phone)) {
        assertThat(page.locator("#note-news")).hasAttribute("aria-live", "polite");
      }

      add(ws, "custody:issues", "First of three");
      add(ws, "custody:issues", "Second of three");
      add(ws, "custody:issues", "Third of three");
      for (Page page : List.of(moderator, phone)) {
        awaitSaid(page, "note-news", "3 new notes in Taking into care, Critical issues");
      }

      // one more, in another lane, after the first announcement: a second one, of its own
      add(ws, "removal:actors", "A fourth, later");
      for (Page page : List.of(moderator, phone)) {
        awaitSaid(page, "note-news", "1 new note in Removal from the family, Actors involved");
        assertEquals(
            List.of(
                "3 new notes in Taking into care, Critical issues",
                "1 new note in Removal from the family, Actors involved"),
            said(page, "note-news"),
            "one announcement per batch, in order, on " + page.url());
      }

      // the phone's own note is not news to it (the moderator hears of it)
      Pages.postNote(phone, "path", "resources", "My own note, sent from this phone", null);
      awaitSaid(
          moderator,
          "note-news",
          "1 new note in Choice of the care path and monitoring, Resources used");
      assertFalse(
          String.join("|", said(phone, "note-news")).contains("Choice of the care path"),
          "no announcement of one's own note: " + said(phone, "note-news"));
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a note hidden until the reveal leaves no text in the phone's or the projector's accessibility tree, "
          + "nor a note the moderator hid; after the reveal it reads")
  void hiddenNotes() {
    JsonObject board = api.workshop("Secrets", "A").board(0);
    Api.Participant writer = api.join(board.getString("joinCode"), "Writer");
    List<String> errors = new ArrayList<>();
    try (WsClient ws =
            WsClient.hello(TestApp.shared().port(), writer.boardId(), writer.token(), null);
        WsClient mod =
            WsClient.hello(
                TestApp.shared().port(),
                board.getString("id"),
                board.getString("moderatorKey"),
                null);
        BrowserContext wall = Browsers.screen();
        BrowserContext mobile = Browsers.phone()) {
      String moderated = add(ws, "custody:issues", "Moderated away: a child's full name");
      ack(mod, "note.hide", new JsonObject().put("noteId", moderated).put("hidden", true));
      ack(mod, "board.settings", new JsonObject().put("hideNotes", true));
      add(ws, "custody:issues", "Secret until the reveal: placement by phone call");

      Page projector = open(wall, board.getString("projectorUrl"), errors);
      Page phone = joined(mobile, board, errors);
      phone.getByLabel("Phase").selectOption("custody");
      phone.getByLabel("Dimension").selectOption("issues");
      assertThat(projector.locator("[data-lane='custody:issues'] .secret-count")).isVisible();
      assertThat(phone.locator("#secret-box")).isVisible();
      for (Page page : List.of(projector, phone)) {
        String tree = page.locator("body").ariaSnapshot();
        assertFalse(tree.contains("Secret until the reveal"), "no hidden text in\n" + tree);
        assertFalse(tree.contains("Moderated away"), "no moderated text in\n" + tree);
        String dom = (String) page.evaluate("() => document.body.innerHTML");
        assertFalse(dom.contains("Secret until the reveal"), "no hidden text in the DOM");
        assertFalse(dom.contains("Moderated away"), "no moderated text in the DOM");
      }

      ack(mod, "board.reveal", new JsonObject());
      assertThat(projector.locator("[data-lane='custody:issues'] .note"))
          .containsText("Secret until the reveal");
      assertThat(phone.locator("#lane-notes")).containsText("Secret until the reveal");
      for (Page page : List.of(projector, phone)) {
        String tree = page.locator("body").ariaSnapshot();
        assertTrue(tree.contains("Secret until the reveal"), "read after the reveal:\n" + tree);
        assertFalse(tree.contains("Moderated away"), "still no moderated text in\n" + tree);
      }
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "the timer is said at 5 minutes, 1 minute and its end, not every second; the visible timer is no live region")
  void timer() {
    JsonObject board = api.workshop("Timer", "A").board(0);
    List<String> errors = new ArrayList<>();
    try (WsClient mod =
            WsClient.hello(
                TestApp.shared().port(),
                board.getString("id"),
                board.getString("moderatorKey"),
                null);
        BrowserContext screen = Browsers.screen();
        BrowserContext wall = Browsers.screen();
        BrowserContext mobile = Browsers.phone()) {
      Page moderator = open(screen, board.getString("moderatorUrl"), errors);
      Page projector = open(wall, board.getString("projectorUrl"), errors);
      Page phone = joined(mobile, board, errors);
      List<Page> pages = List.of(phone, moderator, projector);
      for (Page page : pages) {
        assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      }

      ack(mod, "board.timer", new JsonObject().put("action", "start").put("seconds", 302));
      for (Page page : pages) {
        assertThat(page.locator("#timer")).isVisible();
        assertFalse(page.locator("#timer").getAttribute("aria-live") != null, "not a live region");
        assertEquals(
            null, page.locator("#timer").getAttribute("role"), "not a timer or status role");
        assertEquals(
            0,
            ((Number)
                    page.evaluate(
                        "() => document.querySelector('#timer').closest('[aria-live], [role=status], [role=alert], [role=timer], [role=log]') ? 1 : 0"))
                .intValue(),
            "the visible timer is inside no live region");
        awaitSaid(page, "timer-news", "5 minutes left");
      }
      // a fresh countdown is set, not run down: it is not said; its passing 1:00 is
      ack(mod, "board.timer", new JsonObject().put("action", "start").put("seconds", 62));
      for (Page page : pages) {
        awaitSaid(page, "timer-news", "1 minute left");
      }
      ack(mod, "board.timer", new JsonObject().put("action", "start").put("seconds", 2));
      for (Page page : pages) {
        awaitSaid(page, "timer-news", "Time is up");
        assertEquals(
            List.of("5 minutes left", "1 minute left", "Time is up"),
            said(page, "timer-news"),
            "the set points only, in order, on " + page.url());
      }
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
