package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("axe finds no serious or critical accessibility violation on")
class AccessibilityTest {
  private static Api api;
  private static Api.Workshop workshop;
  private static JsonObject board;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
    workshop = api.workshop("Accessible", "Group A");
    board = workshop.board(0);
  }

  @Test
  @DisplayName("the join page and the participant view with a note, on a phone")
  void joinAndParticipantView() {
    try (BrowserContext context = Browsers.phone()) {
      Page phone = context.newPage();
      phone.navigate(api.base() + "/j/" + board.getString("joinCode"));
      assertThat(phone.locator("#join-view")).isVisible();
      Axe.assertNoSeriousViolations(phone);
      Pages.acceptAndJoin(phone, null);
      assertThat(
              Pages.postNote(
                      phone,
                      "path",
                      "participation",
                      "Children are heard in reviews",
                      "Residential care facility")
                  .locator("[data-send-state]"))
          .hasText("Sent");
      Axe.assertNoSeriousViolations(phone);
    }
  }

  @Test
  @DisplayName("the projector with a note on it")
  void projector() {
    Api.Participant participant = api.join(board.getString("joinCode"), null);
    try (var ws =
            WsClient.hello(
                TestApp.shared().port(), participant.boardId(), participant.token(), null);
        BrowserContext context = Browsers.screen()) {
      ws.answer(
          ws.op(
              "note.add",
              new JsonObject()
                  .put("lane", "reporting:actors")
                  .put("text", "Schools report first")));
      Page page = context.newPage();
      page.navigate(board.getString("projectorUrl"));
      assertThat(page.locator("[data-lane='reporting:actors'] .note"))
          .containsText("Schools report first");
      Axe.assertNoSeriousViolations(page);
    }
  }

  @Test
  @DisplayName(
      "no page at all unless the check itself can fail: an unlabelled field and an image without text fail it")
  void theCheckCanFail() {
    try (BrowserContext context = Browsers.screen()) {
      Page page = context.newPage();
      page.setContent(
          "<!doctype html><html lang=en><title>bad</title><main><img src='data:,'>"
              + "<input type=text></main></html>");
      assertThrows(AssertionError.class, () -> Axe.assertNoSeriousViolations(page));
    }
  }

  @Test
  @DisplayName("the moderator page, the new-workshop page, the organiser page and the error page")
  void otherPages() {
    try (BrowserContext context = Browsers.screen()) {
      Page page = context.newPage();
      page.navigate(board.getString("moderatorUrl"));
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      Axe.assertNoSeriousViolations(page);
      page.navigate(api.base() + "/new");
      Axe.assertNoSeriousViolations(page);
      page.navigate(workshop.json().getString("organiserUrl"));
      assertThat(page.locator(".group-sheet")).hasCount(1);
      Axe.assertNoSeriousViolations(page);
      page.navigate(api.base() + "/j/QQQQQQ");
      Axe.assertNoSeriousViolations(page);
    }
  }
}
