package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A whole session with the keyboard alone: the pages are driven by key presses only (Tab,
 * Shift+Tab, Enter, Space, the arrows, Escape, and typing into the field that has the focus), never
 * a click or a fill. After every press the focus is on a visible control with an outline of at
 * least 2 px at 3:1 contrast, never lost to the page's body; what each step did is checked where
 * another person would see it.
 */
@DisplayName("Keyboard-only paths")
class KeyboardPathsTest {
  private static final int MOST_PRESSES = 250;
  private static Api api;

  /**
   * Where the focus is, for the checks: "body" when lost, else a verdict on its visibility and
   * outline (of the element or of the label that draws the ring of a visually hidden input), with
   * the outline's contrast to what is behind it.
   */
  private static final String FOCUS_STATE =
      """
      () => {
        const el = document.activeElement;
        if (!el || el === document.body || el === document.documentElement) return 'body';
        const box = el.getBoundingClientRect();
        if (box.width < 1 || box.height < 1) return 'invisible: ' + el.outerHTML.slice(0, 120);
        const luminance = (rgb) => {
          const [r, g, b] = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const behind = (node) => {
          for (let n = node.parentElement; n; n = n.parentElement) {
            const bg = getComputedStyle(n).backgroundColor;
            const alpha = bg.match(/[\\d.]+/g)?.[3];
            if (bg !== 'transparent' && alpha !== '0') return bg;
          }
          return 'rgb(255, 255, 255)';
        };
        for (const ring of [el, el.closest('label')].filter(Boolean)) {
          const s = getComputedStyle(ring);
          if (s.opacity === '0') continue; // a see-through input: its label draws the ring
          if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) continue;
          const a = luminance(s.outlineColor);
          const b = luminance(behind(ring));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          return ratio >= 3 ? 'ok' : 'low contrast ' + ratio.toFixed(2) + ': ' + el.outerHTML.slice(0, 120);
        }
        return 'no outline: ' + el.outerHTML.slice(0, 120);
      }
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

  /** Presses a key and checks that the focus is visible and not lost. */
  private static void press(Page page, String key) {
    page.keyboard().press(key);
    assertFocusVisible(page, key);
  }

  private static void assertFocusVisible(Page page, String after) {
    String state = (String) page.evaluate(FOCUS_STATE);
    if (!"ok".equals(state)) {
      // a redraw may take the focused control away for a frame: the page must put it back
      page.waitForTimeout(300);
      state = (String) page.evaluate(FOCUS_STATE);
    }
    assertEquals("ok", state, "the focus after " + after + " on " + page.url());
  }

  /**
   * Presses Tab (or Shift+Tab) until the focused element satisfies the script's test on {@code el};
   * fails when it is never reached.
   */
  private static void tabTo(Page page, String test, boolean back) {
    String script = "() => { const el = document.activeElement; return Boolean(" + test + "); }";
    for (int i = 0; i < MOST_PRESSES; i++) {
      if ((Boolean) page.evaluate(script)) {
        return;
      }
      press(page, back ? "Shift+Tab" : "Tab");
    }
    fail("Tab never reached " + test + " on " + page.url());
  }

  private static void tabTo(Page page, String test) {
    tabTo(page, test, false);
  }

  /** The accessible name a test matches on: aria-label, else the text. */
  private static String named(String name) {
    String quoted = "'" + name.replace("'", "\\'") + "'";
    return "(el.getAttribute('aria-label') || el.textContent).trim().startsWith(" + quoted + ")";
  }

  /** Arrow keys down a menu until its focused item starts with the text. */
  private static void arrowTo(Page page, String text) {
    tabLike(page, "ArrowDown", named(text));
  }

  private static void tabLike(Page page, String key, String test) {
    String script = "() => { const el = document.activeElement; return Boolean(" + test + "); }";
    for (int i = 0; i < 30; i++) {
      if ((Boolean) page.evaluate(script)) {
        return;
      }
      press(page, key);
    }
    fail(key + " never reached " + test);
  }

  private static void type(Page page, String text) {
    page.keyboard().type(text);
    assertFocusVisible(page, "typing");
  }

  private static JsonObject boardAs(String boardId, String token) {
    Api.Response response = api.get("/api/boards/" + boardId, token);
    assertEquals(200, response.status(), response.body());
    return response.json();
  }

  private static JsonObject noteNamed(JsonObject board, String text) {
    for (Object n : board.getJsonArray("notes")) {
      JsonObject note = (JsonObject) n;
      if (text.equals(note.getString("text"))) {
        return note;
      }
    }
    return null;
  }

  /** Polls the board as that token sees it until the check holds. */
  private static JsonObject awaitBoard(String boardId, String token, Predicate<JsonObject> check) {
    JsonObject board = null;
    for (int i = 0; i < 100; i++) {
      board = boardAs(boardId, token);
      if (check.test(board)) {
        return board;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    fail("the board never got there: " + board.encodePrettily());
    return board;
  }

  private static BrowserContext laptop() {
    return Browsers.chromium()
        .newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("en-GB"));
  }

  @Test
  @DisplayName(
      "a participant joins with consent, posts to a chosen lane, agrees with a note, and votes with dots and "
          + "with ratings and a comment, by keyboard alone on a 360x640 phone")
  void participant() {
    JsonObject board = api.workshop("Keyboard phone", "A").board(0);
    String boardId = board.getString("id");
    Api.Participant other = api.join(board.getString("joinCode"), "Other");
    List<String> errors = new ArrayList<>();
    try (WsClient writer = WsClient.hello(TestApp.shared().port(), boardId, other.token(), null);
        WsClient mod =
            WsClient.hello(
                TestApp.shared().port(), boardId, board.getString("moderatorKey"), null);
        BrowserContext mobile = Browsers.phone()) {
      String agreeWith = add(writer, "custody:issues", "Nobody explains the decision to the child");
      String first = add(writer, "improvements", "A named adult from start to end");
      add(writer, "improvements", "Visits at weekends too");

      Page phone = mobile.newPage();
      phone.onPageError(errors::add);
      phone.navigate(board.getString("joinUrl"));
      tabTo(phone, "el.id === 'name'");
      type(phone, "Kim");
      tabTo(phone, "el.id === 'accept'");
      press(phone, "Space");
      tabTo(phone, "el.id === 'join-submit'");
      press(phone, "Enter");
      assertThat(phone.locator("#conn")).hasAttribute("data-state", "online");
      assertFocusVisible(phone, "joining");
      Axe.assertNoViolations(phone);

      // post into "Taking into care · Critical issues": the phase and dimension chosen with the
      // arrows
      tabTo(phone, "el.id === 'phase'");
      press(phone, "ArrowDown");
      assertThat(phone.locator("#phase")).hasValue("custody");
      tabTo(phone, "el.id === 'dimension'");
      press(phone, "ArrowDown");
      assertThat(phone.locator("#dimension")).hasValue("issues");
      tabTo(phone, "el.id === 'note-text'");
      type(phone, "Typed with the keyboard alone");
      tabTo(phone, "el.id === 'send'");
      press(phone, "Enter");
      awaitBoard(
          boardId,
          board.getString("moderatorKey"),
          b -> {
            JsonObject note = noteNamed(b, "Typed with the keyboard alone");
            return note != null && "custody:issues".equals(note.getString("lane"));
          });

      // "Me too" on the other participant's note
      tabTo(
          phone,
          "el.classList.contains('me-too') && el.closest('[data-note-id=\"" + agreeWith + "\"]')");
      press(phone, "Space");
      assertThat(phone.locator("[data-note-id='" + agreeWith + "'] .me-too"))
          .hasAttribute("aria-pressed", "true");
      awaitBoard(
          boardId,
          board.getString("moderatorKey"),
          b ->
              noteNamed(b, "Nobody explains the decision to the child").getInteger("reactions", 0)
                  == 1);

      // a dots round: two dots on the first proposal
      String dots =
          ack(
                  mod,
                  "vote.open",
                  new JsonObject()
                      .put("lane", "improvements")
                      .put("kind", "dots")
                      .put("budget", 3)
                      .put("cap", 2))
              .getJsonObject("result")
              .getString("roundId");
      assertThat(phone.locator("#vote-view")).isVisible();
      tabTo(
          phone,
          "el.classList.contains('dot-plus') && el.closest('[data-item-id=\"" + first + "\"]')",
          true);
      press(phone, "Enter");
      press(phone, "Enter");
      assertThat(phone.locator("#vote-budget")).hasText("Dots left: 1 of 3");
      String token =
          (String)
              phone.evaluate(
                  "(id) => JSON.parse(localStorage.getItem('pb:token:' + id)).token", boardId);
      JsonObject round = awaitRound(boardId, dots, token, 1);
      assertEquals(2, round.getJsonArray("myBallot").getJsonObject(0).getInteger("dots"));
      Axe.assertNoViolations(phone);

      // a rating round with comments: scores with Space and the arrows, a comment typed and saved
      ack(mod, "vote.close", new JsonObject().put("roundId", dots));
      String rating =
          ack(
                  mod,
                  "vote.open",
                  new JsonObject()
                      .put("lane", "improvements")
                      .put("kind", "rating")
                      .put("comments", true))
              .getJsonObject("result")
              .getString("roundId");
      assertThat(phone.locator("#ballot .score-picker").first()).isVisible();
      // the new ballot replaced the one under the focus: the focus moved to its first choice (1 for
      // the first
      // criterion of the first proposal); Space picks it, the arrows move to 4; Tab enters the
      // second criterion's
      // group on its first choice, Space and an arrow make it 2
      assertThat(
              phone.locator(
                  "[data-item-id='" + first + "'] fieldset:first-of-type input[value='1']"))
          .isFocused();
      assertFocusVisible(phone, "the new round");
      press(phone, "Space");
      press(phone, "ArrowRight");
      press(phone, "ArrowRight");
      press(phone, "ArrowRight");
      press(phone, "Tab");
      press(phone, "Space");
      press(phone, "ArrowRight");
      tabTo(phone, "el.id === 'comment-" + first + "'");
      type(phone, "Only with a budget line");
      tabTo(phone, named("Save comment"));
      press(phone, "Enter");
      JsonObject rated = awaitRound(boardId, rating, token, 1);
      JsonObject ballot = rated.getJsonArray("myBallot").getJsonObject(0);
      assertEquals("Only with a budget line", ballot.getString("comment"), ballot.encode());
      assertEquals(
          new JsonObject().put("feasibility", 4).put("sustainability", 2),
          ballot.getJsonObject("scores"),
          ballot.encode());
      Browsers.screenshot(phone, "keyboard-phone-360");
      Axe.assertNoViolations(phone);
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  /**
   * Polls the round as the participant sees it until their ballot holds {@code items} entries with
   * a save.
   */
  private static JsonObject awaitRound(String boardId, String roundId, String token, int items) {
    JsonObject round = null;
    for (int i = 0; i < 100; i++) {
      Api.Response response = api.get("/api/boards/" + boardId + "/votes/" + roundId, token);
      assertEquals(200, response.status(), response.body());
      round = response.json();
      JsonArray mine = round.getJsonArray("myBallot", new JsonArray());
      if (mine.size() == items
          && (round.getString("kind").equals("dots")
              ? mine.getJsonObject(0).getInteger("dots", 0) == 2
              : mine.getJsonObject(0).getString("comment") != null
                  && mine.getJsonObject(0).getJsonObject("scores", new JsonObject()).size() == 2)) {
        return round;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    fail("the ballot was never recorded: " + round.encodePrettily());
    return round;
  }

  @Test
  @DisplayName(
      "a moderator focuses a phase, starts the timer, clusters (create, add, move, merge), runs and reveals a "
          + "vote and approves held notes, by keyboard alone at 1366x768; Escape leaves every menu and dialog")
  void moderator() {
    JsonObject board = api.workshop("Keyboard laptop", "A").board(0);
    String boardId = board.getString("id");
    Api.Participant writer = api.join(board.getString("joinCode"), "Writer");
    List<String> errors = new ArrayList<>();
    try (WsClient ws = WsClient.hello(TestApp.shared().port(), boardId, writer.token(), null);
        BrowserContext screen = laptop()) {
      String waiting = add(ws, "custody:issues", "Waiting lists for assessments");
      String longWaits = add(ws, "custody:issues", "Long waits for a placement");
      String psychologist = add(ws, "custody:issues", "No psychologist available");
      add(ws, "improvements", "A named adult from start to end");
      add(ws, "improvements", "Visits at weekends too");
      String participantToken = writer.token();

      Page page = screen.newPage();
      page.onPageError(errors::add);
      page.navigate(board.getString("moderatorUrl"));
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");

      // focus a phase: the select in the bar, with the arrows
      tabTo(page, "el.id === 'focus-phase'");
      press(page, "ArrowDown");
      press(page, "ArrowDown");
      awaitBoard(boardId, participantToken, b -> "custody".equals(b.getString("focus")));

      // the timer: its panel follows its button in Tab order; Escape goes back to the button
      tabTo(page, "el.id === 'bar-timer'");
      press(page, "Enter");
      press(page, "Tab");
      assertThat(page.locator("#timer-minutes")).isFocused();
      press(page, "Control+a");
      type(page, "3");
      tabTo(page, "el.id === 'timer-start'");
      press(page, "Enter");
      awaitBoard(boardId, participantToken, b -> b.getJsonObject("timer") != null);
      assertThat(page.locator("#timer .timer-value"))
          .hasText(java.util.regex.Pattern.compile("^(3:00|2:5\\d)$"));
      press(page, "Escape");
      assertThat(page.locator("#bar-timer")).isFocused();
      assertThat(page.locator("#panel-timer")).isHidden();

      // clustering from the notes' and the clusters' menus
      tabTo(page, "el.id === 'menu-" + waiting + "'");
      press(page, "Enter");
      assertThat(page.locator("#note-menu")).isVisible();
      press(page, "Escape");
      assertThat(page.locator("#note-menu")).isHidden();
      assertThat(page.locator("#menu-" + waiting)).isFocused();
      press(page, "Enter");
      arrowTo(page, "New cluster with this note");
      press(page, "Enter");
      assertThat(page.getByLabel("Cluster name")).isFocused();
      press(page, "Escape");
      assertThat(page.locator("#ask")).isHidden();
      assertThat(page.locator("#menu-" + waiting)).isFocused();
      press(page, "Enter");
      arrowTo(page, "New cluster with this note");
      press(page, "Enter");
      type(page, "Waiting times");
      press(page, "Enter");
      String cell = "[data-lane='custody:issues']";
      assertThat(page.locator(cell + " .cluster .cluster-name")).hasText("Waiting times");
      assertFocusVisible(page, "the new cluster");

      tabTo(page, "el.id === 'menu-" + longWaits + "'");
      press(page, "Enter");
      arrowTo(page, "Add to a cluster");
      Browsers.screenshot(page, "keyboard-note-menu-1366");
      press(page, "Enter");
      tabTo(page, "el.id === 'ask-ok'");
      press(page, "Enter");
      assertThat(page.locator(cell + " .cluster .cluster-count")).hasText("2 notes");

      tabTo(page, "el.id === 'menu-" + psychologist + "'");
      press(page, "Enter");
      arrowTo(page, "New cluster with this note");
      press(page, "Enter");
      type(page, "Staff");
      press(page, "Enter");
      assertThat(page.locator(cell + " .cluster")).hasCount(2);

      tabTo(page, "el.id === 'menu-" + longWaits + "'");
      press(page, "Enter");
      arrowTo(page, "Move to another cluster");
      press(page, "Enter");
      tabTo(page, "el.id === 'ask-ok'");
      press(page, "Enter");
      JsonObject moved =
          awaitBoard(
              boardId,
              participantToken,
              b -> {
                JsonObject note = noteNamed(b, "Long waits for a placement");
                JsonObject staff = null;
                for (Object c : b.getJsonArray("clusters")) {
                  if ("Staff".equals(((JsonObject) c).getString("name"))) {
                    staff = (JsonObject) c;
                  }
                }
                return staff != null && staff.getString("id").equals(note.getString("clusterId"));
              });
      assertEquals(2, moved.getJsonArray("clusters").size());
      assertThat(page.locator("#menu-" + longWaits)).isFocused();

      tabTo(page, named("Actions for the cluster: Waiting times"));
      press(page, "Enter");
      arrowTo(page, "Merge into another cluster");
      press(page, "Enter");
      tabTo(page, "el.id === 'ask-ok'");
      press(page, "Enter");
      assertThat(page.locator(cell + " .cluster")).hasCount(1);
      assertThat(page.locator(cell + " .cluster .cluster-count")).hasText("3 notes");
      assertFocusVisible(page, "the merge");
      assertThat(
              page.locator(
                  "#menu-c-"
                      + moved.getJsonArray("clusters").stream()
                          .map(c -> (JsonObject) c)
                          .filter(c -> "Staff".equals(c.getString("name")))
                          .findFirst()
                          .orElseThrow()
                          .getString("id")))
          .isFocused();
      awaitBoard(boardId, participantToken, b -> b.getJsonArray("clusters").size() == 1);
      page.locator(cell).scrollIntoViewIfNeeded();
      Browsers.screenshot(page, "keyboard-moderator-clusters-1366");
      Axe.assertNoViolations(page);

      // a vote: opened from the form, then revealed
      tabTo(page, "el.id === 'bar-votes'", true);
      press(page, "Enter");
      press(page, "Tab");
      assertThat(page.locator("#vote-new summary")).isFocused();
      press(page, "Enter");
      tabTo(page, "el.id === 'vote-lane'");
      assertThat(page.locator("#vote-lane")).hasValue("improvements");
      tabTo(page, "el.matches('#vote-form button[type=submit]')");
      press(page, "Enter");
      JsonObject opened =
          awaitBoard(boardId, participantToken, b -> b.getJsonArray("rounds").size() == 1);
      assertEquals("open", opened.getJsonArray("rounds").getJsonObject(0).getString("status"));
      tabTo(page, named("Show the results"));
      press(page, "Enter");
      awaitBoard(
          boardId,
          participantToken,
          b -> "revealed".equals(b.getJsonArray("rounds").getJsonObject(0).getString("status")));
      assertFocusVisible(page, "the reveal");
      press(page, "Escape");
      assertThat(page.locator("#bar-votes")).isFocused();

      // approval: the setting ticked with Space, then a held note approved from the queue
      tabTo(page, "el.id === 'bar-notes'", true);
      press(page, "Enter");
      tabTo(page, "el.dataset.setting === 'approveNotes'");
      press(page, "Space");
      awaitBoard(
          boardId,
          participantToken,
          b -> b.getJsonObject("settings").getBoolean("approveNotes", false));
      press(page, "Escape");
      add(ws, "custody:actors", "Held until a moderator approves it");
      assertThat(page.locator("#bar-queue")).isVisible();
      tabTo(page, "el.id === 'bar-queue'");
      press(page, "Enter");
      tabTo(page, named("Approve: Held until"));
      press(page, "Enter");
      Api.Participant reader = api.join(board.getString("joinCode"), "Reader");
      awaitBoard(
          boardId, reader.token(), b -> noteNamed(b, "Held until a moderator approves it") != null);
      assertFocusVisible(page, "the approval");
      Axe.assertNoViolations(page);
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
