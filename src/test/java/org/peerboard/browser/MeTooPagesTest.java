package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("\"Me too\" on the phone, the moderator's laptop and the projector")
class MeTooPagesTest {
  private static final Api api = TestApp.api();

  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals("ack", answer.getString("type"), op + " " + answer.encode());
    return answer;
  }

  /** {@code n} more people join and agree with the note, each from their own socket. */
  private static void agree(JsonObject board, String noteId, int n) {
    for (int i = 0; i < n; i++) {
      Api.Participant p = api.join(board.getString("joinCode"), null);
      try (WsClient ws = WsClient.hello(TestApp.shared().port(), p.boardId(), p.token(), null)) {
        ack(ws, "note.react", new JsonObject().put("noteId", noteId).put("on", true));
      }
    }
  }

  private static Locator toggle(Locator note) {
    return note.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Me too"));
  }

  @Test
  @DisplayName(
      "360x640: a 44 px toggle on others' notes, pressed state, keyboard, count; none on one's own; "
          + "the spotlighted note with its toggle")
  void phone() {
    List<String> errors = new ArrayList<>();
    Api.Workshop workshop = api.workshop("Me too on phones", "A");
    JsonObject board = workshop.board(0);
    String boardId = board.getString("id");
    Api.Participant writer = api.join(board.getString("joinCode"), "Writer");
    try (WsClient other = WsClient.hello(TestApp.shared().port(), boardId, writer.token(), null);
        WsClient moderator =
            WsClient.hello(
                TestApp.shared().port(), boardId, board.getString("moderatorKey"), null);
        BrowserContext mobile = Browsers.phone()) {
      String first =
          ack(
                  other,
                  "note.add",
                  new JsonObject()
                      .put("lane", "custody:issues")
                      .put("text", "Nobody tells the child where they will sleep tonight"))
              .getJsonObject("result")
              .getString("noteId");
      ack(
          other,
          "note.add",
          new JsonObject()
              .put("lane", "custody:issues")
              .put("text", "The first meeting with the family happens in a police station"));
      agree(board, first, 2);
      Page phone = mobile.newPage();
      phone.onPageError(e -> errors.add(e));
      phone.navigate(board.getString("joinUrl"));
      phone.getByLabel("Name (optional)").fill("Bea");
      Pages.acceptAndJoin(phone, "Bea");
      phone.getByLabel("Phase").selectOption("custody");
      phone.getByLabel("Dimension").selectOption("issues");
      Locator card =
          phone
              .locator("#lane-notes .note")
              .filter(new Locator.FilterOptions().setHasText("where they will sleep"));
      Locator button = toggle(card);
      assertThat(button).hasAttribute("aria-pressed", "false");
      assertThat(button).containsText("2");
      BoundingBox box = button.boundingBox();
      assertTrue(
          box.height >= 44 && box.width >= 44, "a 44 px target: " + box.width + "x" + box.height);

      button.click();
      assertThat(toggle(card)).hasAttribute("aria-pressed", "true");
      assertThat(toggle(card)).containsText("3");
      long count = 0;
      for (int i = 0; i < 3; i++) {
        count = moderator.nextEvent("note.reacted").getJsonObject("data").getLong("count");
      }
      assertEquals(3L, count, "two who joined before, then this phone");

      Locator mine = Pages.postNote(phone, "custody", "issues", "My own note about waiting", null);
      assertThat(mine.locator(".me-too")).hasCount(0);
      Browsers.screenshot(phone, "me-too-phone-360");

      toggle(card).focus();
      phone.keyboard().press("Space");
      assertThat(toggle(card)).hasAttribute("aria-pressed", "false");
      assertThat(toggle(card)).containsText("2");
      assertTrue(
          (Boolean) phone.evaluate("() => document.activeElement.classList.contains('me-too')"),
          "the focus stays on the toggle");
      Axe.assertNoSeriousViolations(phone);

      ack(moderator, "board.settings", new JsonObject().put("spotlight", first));
      Locator spot = phone.locator("#phone-spot");
      assertThat(spot).isVisible();
      assertThat(spot).containsText("On the big screen now");
      assertThat(spot).containsText("where they will sleep");
      toggle(spot).click();
      assertThat(toggle(spot)).hasAttribute("aria-pressed", "true");
      assertThat(toggle(card)).hasAttribute("aria-pressed", "true");
      phone.evaluate("() => window.scrollTo(0, 0)");
      Browsers.screenshot(phone, "me-too-phone-spotlight-360");
      Axe.assertNoSeriousViolations(phone);
      assertEquals(
          0,
          ((Number) phone.evaluate("() => document.documentElement.scrollWidth - innerWidth"))
              .intValue(),
          "no horizontal scrolling");

      ack(moderator, "board.settings", new JsonObject().put("reactions", false));
      assertThat(card.locator(".me-too")).hasCount(0);
      assertThat(spot.locator(".me-too")).hasCount(0);
      assertEquals(List.of(), errors);
    }
  }

  @Test
  @DisplayName(
      "projector at 1366x768 and 1920x1080: counts small on the board, large in the spotlight; the whole board fits")
  void projector() {
    List<String> errors = new ArrayList<>();
    Api.Workshop workshop = SessionLoad.workshop("Anch'io proiettore", "Gruppo A");
    JsonObject board = workshop.board(0);
    List<String> notes = SessionLoad.post(board.getString("id"), board.getString("joinCode"), 66);
    agree(board, notes.get(4), 7);
    agree(board, notes.get(5), 3);
    agree(board, notes.get(30), 1);
    for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
      try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
        Page page = screen.newPage();
        page.onPageError(e -> errors.add(e));
        page.navigate(board.getString("projectorUrl"));
        assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
        Locator badge = page.locator("#grid [data-note-id='" + notes.get(4) + "'] .badge-agree");
        assertThat(badge).hasText("Anch'io 7");
        assertThat(page.locator("#grid .badge-agree")).hasCount(3);
        BoardOnScreen.Reading reading = BoardOnScreen.read(page, "#grid .note", 14);
        assertEquals(List.of(), reading.problems(), "every note whole and readable");
        Browsers.screenshot(page, "me-too-projector-" + size[0]);
        try (WsClient moderator =
            WsClient.hello(
                TestApp.shared().port(),
                board.getString("id"),
                board.getString("moderatorKey"),
                null)) {
          ack(moderator, "board.settings", new JsonObject().put("spotlight", notes.get(4)));
          Locator large = page.locator("#spotlight .badge-agree");
          assertThat(large).hasText("Anch'io 7");
          double spotPx =
              ((Number)
                      page.evaluate(
                          "(el) => parseFloat(getComputedStyle(el).fontSize)",
                          large.elementHandle()))
                  .doubleValue();
          double gridPx =
              ((Number)
                      page.evaluate(
                          "(el) => parseFloat(getComputedStyle(el).fontSize)",
                          badge.elementHandle()))
                  .doubleValue();
          assertTrue(spotPx >= 2 * gridPx, "large in the spotlight: " + spotPx + " vs " + gridPx);
          Browsers.screenshot(page, "me-too-projector-spotlight-" + size[0]);
          ack(moderator, "board.settings", new JsonObject().put("spotlight", (String) null));
          ack(moderator, "board.settings", new JsonObject().put("reactions", false));
          assertThat(page.locator("#grid .badge-agree")).hasCount(0);
          ack(moderator, "board.settings", new JsonObject().put("reactions", true));
          assertThat(page.locator("#grid .badge-agree")).hasCount(3);
        }
      }
    }
    try (BrowserContext screen = BoardOnScreen.screen(1366, 768)) {
      Page report = screen.newPage();
      report.navigate(api.base() + "/w/" + workshop.id() + "/report?k=" + workshop.organiserKey());
      Locator agreement = report.locator("section.agreement");
      assertThat(agreement.locator("li.note")).hasCount(3);
      assertThat(agreement.locator("li.note").first()).containsText("adesioni: 7 su 23");
      agreement.scrollIntoViewIfNeeded();
      Browsers.screenshot(report, "me-too-report-1366");
      Axe.assertNoSeriousViolations(report);
    }
    assertEquals(List.of(), errors);
  }

  @Test
  @DisplayName(
      "moderator at 1366x768: counts on notes, a cluster's sum and people, a lane sorted by agreement")
  void moderator() {
    List<String> errors = new ArrayList<>();
    Api.Workshop workshop = api.workshop("Me too moderator", "A");
    JsonObject board = workshop.board(0);
    String boardId = board.getString("id");
    List<String> notes = SessionLoad.post(boardId, board.getString("joinCode"), 66);
    // custody:issues holds notes 15, 16 and 17 of the session
    agree(board, notes.get(17), 4);
    agree(board, notes.get(16), 1);
    try (BrowserContext screen = BoardOnScreen.screen(1366, 768);
        WsClient moderator =
            WsClient.hello(
                TestApp.shared().port(), boardId, board.getString("moderatorKey"), null)) {
      Page page = screen.newPage();
      page.onPageError(e -> errors.add(e));
      page.navigate(board.getString("moderatorUrl"));
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      Locator cell = page.locator("#grid [data-lane='custody:issues']");
      assertThat(cell.locator(".badge-agree")).hasCount(2);
      assertThat(page.locator("#grid [data-lane='custody:actors'] .sort-agree")).isHidden();
      Locator sortButton =
          cell.getByRole(
              AriaRole.BUTTON,
              new Locator.GetByRoleOptions().setName("Critical issues by agreement"));
      sortButton.click();
      assertThat(sortButton).hasAttribute("aria-pressed", "true");
      assertThat(cell.locator(".note").first()).hasAttribute("data-note-id", notes.get(17));
      assertThat(cell.locator(".note").nth(1)).hasAttribute("data-note-id", notes.get(16));

      ack(
          moderator,
          "cluster.create",
          new JsonObject()
              .put("lane", "custody:issues")
              .put("name", "Tempi")
              .put(
                  "noteIds",
                  new io.vertx.core.json.JsonArray().add(notes.get(16)).add(notes.get(17))));
      assertThat(cell.locator(".cluster-agree")).hasText("Me too: 5 · 5 people");
      page.evaluate("() => window.scrollTo(0, 0)");
      Browsers.screenshot(page, "me-too-moderator-1366");
      Axe.assertNoSeriousViolations(page);
      assertEquals(List.of(), errors);
    }
  }
}
