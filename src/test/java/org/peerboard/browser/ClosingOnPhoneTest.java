package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.Browser;
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

/**
 * The closing exchange on the phone and in the printed report, in a real session: twelve people, 66
 * notes, a revealed rating round of 5 proposals with two tied, and an open dots round of 6 with
 * comments. axe finds no violation of any impact at three sizes in Italian and English, and ties
 * read "=1" on the phone as in the report.
 */
@DisplayName("The closing exchange on the phone and in the report")
class ClosingOnPhoneTest {
  private static final int[][] SIZES = {{360, 640}, {1366, 768}, {1920, 1080}};

  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static BrowserContext sized(int width, int height) {
    Browser.NewContextOptions options =
        new Browser.NewContextOptions().setViewportSize(width, height).setLocale("it-IT");
    if (width < 500) {
      options.setIsMobile(true).setHasTouch(true);
    }
    return Browsers.chromium().newContext(options);
  }

  /** Twelve people score the five proposals; the first two get the same scores from everyone. */
  private static void vote(LoadedBoard board, String roundId, List<Api.Participant> people) {
    JsonArray items =
        board
            .api
            .get(
                "/api/boards/" + board.id + "/votes/" + roundId,
                board.board.getString("moderatorKey"))
            .json()
            .getJsonArray("items");
    assertEquals(5, items.size());
    for (int p = 0; p < people.size(); p++) {
      for (int i = 0; i < items.size(); i++) {
        int base = i < 2 ? 4 : 1 + (p + i) % 4;
        board.cast(
            people.get(p),
            new JsonObject()
                .put("roundId", roundId)
                .put("itemId", items.getJsonObject(i).getString("id"))
                .put(
                    "scores",
                    new JsonObject()
                        .put("feasibility", base)
                        .put("sustainability", i < 2 ? 5 - p % 2 : 1 + p % 5)));
      }
    }
  }

  @Test
  @DisplayName(
      "phone and report: no axe violation of any impact at 360, 1366 and 1920 in Italian and"
          + " English; the phone prints ties as the report does")
  void closingPages() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board = new LoadedBoard("it", "Percorsi di tutela, Prato", "Gruppo 1")) {
      SessionLoad.post(board.id, board.code, 66);
      JsonArray notes =
          board
              .api
              .get("/api/boards/" + board.id, board.board.getString("moderatorKey"))
              .json()
              .getJsonArray("notes");
      List<String> improvements = new ArrayList<>();
      for (int i = 0; i < notes.size(); i++) {
        if ("improvements".equals(notes.getJsonObject(i).getString("lane"))) {
          improvements.add(notes.getJsonObject(i).getString("id"));
        }
      }
      board.cluster(
          "improvements", "Un referente che resta", improvements.get(0), improvements.get(3));
      board.stage("voting");
      String rating =
          board
              .ack(
                  "vote.open",
                  new JsonObject()
                      .put("kind", "rating")
                      .put("criteria", new JsonArray().add("feasibility").add("sustainability")))
              .getString("roundId");
      List<Api.Participant> people = new ArrayList<>();
      for (int p = 0; p < 12; p++) {
        people.add(board.api.join(board.code, "Votante " + (p + 1)));
      }
      vote(board, rating, people);
      board.ack("vote.close", new JsonObject().put("roundId", rating));
      board.ack("vote.reveal", new JsonObject().put("roundId", rating));
      JsonArray results =
          board
              .api
              .get(
                  "/api/boards/" + board.id + "/votes/" + rating,
                  board.board.getString("moderatorKey"))
              .json()
              .getJsonArray("results");
      assertEquals(true, results.getJsonObject(0).getBoolean("tied"), results.encode());

      for (int[] size : SIZES) {
        for (String lang : List.of("it", "en")) {
          String tag = size[0] + "x" + size[1] + "-" + lang;
          try (BrowserContext context = sized(size[0], size[1])) {
            Page phone = context.newPage();
            phone.onPageError(errors::add);
            phone.navigate(board.joinUrl() + "?lang=" + lang);
            phone.locator("#accept").check();
            phone.locator("#join-submit").click();
            assertThat(phone.locator("#conn")).hasAttribute("data-state", "online");
            assertThat(phone.locator("#vote-results .result")).hasCount(5);
            assertThat(phone.locator("#vote-results .result-rank").first()).hasText("=1");
            assertThat(phone.locator("#vote-results .result-rank").nth(1)).hasText("=1");
            Browsers.screenshot(phone, "closing-phone-results-" + tag);
            Axe.assertNoViolations(phone);

            Page report = context.newPage();
            report.onPageError(errors::add);
            report.navigate(
                TestApp.api().base()
                    + "/w/"
                    + board.workshop.getString("id")
                    + "/report?lang="
                    + lang
                    + "&k="
                    + board.workshop.getString("organiserKey"));
            report.waitForLoadState();
            assertEquals("=1", report.locator(".vote-rank").first().textContent());
            Axe.assertNoViolations(report);
            report.close();
          }
        }
      }

      String dots =
          board
              .ack(
                  "vote.open",
                  new JsonObject()
                      .put("kind", "dots")
                      .put("comments", true)
                      .put("budget", 5)
                      .put("cap", 3))
              .getString("roundId");
      assertFalse(dots.isBlank());
      for (int[] size : SIZES) {
        for (String lang : List.of("it", "en")) {
          String tag = size[0] + "x" + size[1] + "-" + lang;
          try (BrowserContext context = sized(size[0], size[1])) {
            Page phone = context.newPage();
            phone.onPageError(errors::add);
            phone.navigate(board.joinUrl() + "?lang=" + lang);
            phone.locator("#accept").check();
            phone.locator("#join-submit").click();
            assertThat(phone.locator("#conn")).hasAttribute("data-state", "online");
            assertThat(phone.locator("#ballot .ballot-item")).hasCount(5);
            assertThat(phone.locator("#ballot .ballot-item textarea")).hasCount(5);
            Browsers.screenshot(phone, "closing-phone-dots-" + tag);
            Axe.assertNoViolations(phone);
          }
        }
      }
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a session board of 69 notes, three written again at another table, gets suggestions")
  void sessionBoardGetsSuggestions() {
    try (LoadedBoard board = new LoadedBoard("it", "Percorsi di tutela, Prato", "Gruppo 2")) {
      List<String> ids = SessionLoad.post(board.id, board.code, 69);
      JsonObject found =
          board
              .api
              .get(
                  "/api/boards/" + board.id + "/suggestions", board.board.getString("moderatorKey"))
              .json();
      JsonArray duplicates = found.getJsonArray("duplicates");
      List<String> repeated = new ArrayList<>();
      for (int i = 0; i < duplicates.size(); i++) {
        repeated.add(duplicates.getJsonObject(i).getString("noteId"));
      }
      assertEquals(ids.subList(66, 69), repeated, found.encode());
    }
  }
}
