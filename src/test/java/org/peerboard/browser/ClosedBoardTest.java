package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("A closed board still greets its people")
class ClosedBoardTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  /**
   * A board whose dot vote was cast by three people and revealed: the cluster first, then the loose
   * proposals.
   */
  private static String revealedVote(LoadedBoard board) {
    String a = board.note("improvements", "A peer mentor for every care leaver", new JsonArray());
    String b = board.note("improvements", "Mentoring by former care leavers", new JsonArray());
    board.note("improvements", "A housing fund at eighteen", new JsonArray());
    String hidden =
        board.note("improvements", "Text the moderator hid from everyone", new JsonArray());
    board.ack("note.hide", new JsonObject().put("noteId", hidden).put("hidden", true));
    String cluster = board.cluster("improvements", "Mentoring", a, b);
    board.stage("voting");
    String round =
        board
            .ack("vote.open", new JsonObject().put("kind", "dots").put("budget", 5).put("cap", 3))
            .getString("roundId");
    for (int i = 0; i < 3; i++) {
      board.cast(
          board.api.join(board.code, "P" + i),
          new JsonObject().put("roundId", round).put("itemId", cluster).put("dots", 2));
    }
    return round;
  }

  @Test
  @DisplayName(
      "GET /j/{code} of a closed board answers 200 with its name, a thank-you and the results; "
          + "joining it is refused as a conflict")
  void overHttp() {
    try (LoadedBoard board = new LoadedBoard("en", "Closed over HTTP", "Foster care")) {
      String round = revealedVote(board);
      board.ack("vote.close", new JsonObject().put("roundId", round));
      board.ack("vote.reveal", new JsonObject().put("roundId", round));
      board.stage("closed");

      Api.Response page = board.api.get("/j/" + board.code, null);
      assertEquals(200, page.status());
      assertTrue(page.body().contains("Foster care"), "the board's name");
      assertTrue(
          page.body().contains("This board is closed. Thank you for taking part!"), "a thank-you");
      assertTrue(page.body().contains("Results of the vote"), "the results' heading");
      assertTrue(page.body().contains("Mentoring"), "the winning cluster");
      assertTrue(page.body().contains("Dots: 6 · voters: 3"), "its figures");
      assertFalse(page.body().contains("Text the moderator hid"), "a hidden note stays hidden");
      Api.Response lower = board.api.get("/j/" + board.code.toLowerCase(), null);
      assertEquals(200, lower.status());

      Api.Response join =
          board.api.post(
              "/api/join", new JsonObject().put("consent", true).put("code", board.code));
      assertEquals(409, join.status());
      assertEquals("conflict", join.errorCode());
      Api.Response unknown = board.api.get("/j/AAAAAA", null);
      assertEquals(404, unknown.status());
    }
  }

  @Test
  @DisplayName(
      "after a reload, a participant sees the thank-you and the results with their own dots, and so does "
          + "a browser that never joined; reopening brings the board back")
  void inTheBrowser() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board = new LoadedBoard("en", "Closed in the browser", "Foster care");
        BrowserContext mobile = Browsers.phone();
        BrowserContext stranger = Browsers.phone()) {
      String round = revealedVote(board);
      Page phone = PhoneOneHandTest.joined(mobile, board.joinUrl(), errors);
      phone
          .getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a dot to: Mentoring"))
          .click();
      assertThat(phone.locator("#vote-budget")).hasText("Dots left: 4 of 5");
      assertThat(phone.locator("#ballot [data-send-state]").first()).hasText("Saved");
      board.ack("vote.close", new JsonObject().put("roundId", round));
      board.ack("vote.reveal", new JsonObject().put("roundId", round));
      board.stage("closed");
      assertThat(phone.locator("#closed-view")).isVisible();
      assertThat(phone.locator("#board-view")).isHidden();

      phone.reload();
      assertThat(phone.locator("#closed-view h1")).hasText("Foster care");
      assertThat(phone.locator("#closed-view")).containsText("Thank you for taking part!");
      assertThat(phone.locator("#closed-results .result").first()).containsText("Mentoring");
      assertThat(phone.locator("#closed-results .result").first())
          .containsText("Dots: 7 · voters: 4");
      assertThat(phone.locator("#closed-results .result").first()).containsText("Your dots: 1");
      assertThat(phone.locator("#join-view")).isHidden();
      assertThat(phone.locator("#timer")).isHidden();
      Browsers.screenshot(phone, "phone-closed-reloaded-360x640");
      Axe.assertNoSeriousViolations(phone);

      Page other = stranger.newPage();
      other.onPageError(errors::add);
      other.navigate(board.joinUrl());
      assertThat(other.locator("#closed-view h1")).hasText("Foster care");
      assertThat(other.locator("#closed-results .result").first())
          .containsText("Dots: 7 · voters: 4");
      assertThat(other.locator("#closed-results")).not().containsText("Your dots");
      assertThat(other.locator("#join-view")).isHidden();
      assertFalse(other.content().contains("Text the moderator hid"), "a hidden note stays hidden");
      Axe.assertNoSeriousViolations(other);

      try (BrowserContext laptop =
          Browsers.chromium()
              .newContext(
                  new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("en-GB"))) {
        Page wide = laptop.newPage();
        wide.navigate(board.joinUrl());
        // a laptop shows the results as the projector does, fitted to the screen
        assertThat(wide.locator("#closed-results .screen-result").first())
            .containsText("Mentoring");
        Browsers.screenshot(wide, "phone-closed-1366x768");
        Axe.assertNoSeriousViolations(wide);
      }

      board.stage("voting");
      assertThat(phone.locator("#board-view")).isVisible();
      assertThat(phone.locator("#closed-view")).isHidden();
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a closed board's code given to another board leads to that open board; once it closes too, a "
          + "browser that joined the first board is shown the first board")
  void codeGivenAgain() throws Exception {
    Api api = TestApp.api();
    Api.Workshop workshop = api.workshop("Codes given again", "Foster care", "Residential care");
    JsonObject first = workshop.board(0);
    JsonObject second = workshop.board(1);
    String code = first.getString("joinCode");
    List<String> errors = new ArrayList<>();
    try (BrowserContext mobile = Browsers.phone()) {
      Page phone = PhoneOneHandTest.joined(mobile, api.base() + "/j/" + code, errors);
      stage(first, "closed");
      assertThat(phone.locator("#closed-view")).isVisible();
      // codes are drawn at random; here the draw gives the second board the closed board's code
      DbSettings db = TestApp.shared().database();
      try (Connection sql = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
          PreparedStatement update =
              sql.prepareStatement("update board set join_code = ? where id = ?")) {
        update.setString(1, code);
        update.setObject(2, UUID.fromString(second.getString("id")));
        assertEquals(1, update.executeUpdate());
      }
      Api.Response open = api.get("/j/" + code, null);
      assertEquals(200, open.status());
      assertTrue(
          open.body().contains("Residential care") && !open.body().contains("Foster care"),
          "the open board");
      phone.reload();
      assertThat(phone.locator("#join-view")).isVisible();
      assertThat(phone.locator(".join-where")).containsText("Residential care");

      stage(second, "closed");
      phone.reload();
      assertThat(phone.locator("#closed-view h1")).hasText("Foster care");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  private static void stage(JsonObject board, String stage) {
    try (WsClient ws =
        WsClient.hello(
            TestApp.shared().port(),
            board.getString("id"),
            board.getString("moderatorKey"),
            null)) {
      assertEquals(
          "ack",
          ws.answer(ws.op("board.stage", new JsonObject().put("stage", stage))).getString("type"));
    }
  }
}
