package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("The moderator runs the session and the phone follows")
class SessionOnPhoneTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  private static Page moderator(BrowserContext context, JsonObject board, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(board.getString("moderatorUrl"));
    assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
    return page;
  }

  private static Page phone(BrowserContext context, JsonObject board, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(api.base() + "/j/" + board.getString("joinCode"));
    Pages.acceptAndJoin(page, null);
    return page;
  }

  @Test
  @DisplayName(
      "a phone shows the timer the moderator starts, jumps to the focused phase and learns the stage")
  void timerFocusAndStage() {
    JsonObject board = api.workshop("Timer", "Group A").board(0);
    List<String> errors = new ArrayList<>();
    try (BrowserContext laptop = Browsers.screen();
        BrowserContext mobile = Browsers.phone()) {
      Page phone = phone(mobile, board, errors);
      Page moderator = moderator(laptop, board, errors);
      assertThat(phone.locator("#timer")).isHidden();

      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Timer").setExact(true))
          .click();
      moderator.locator("#timer-minutes").fill("2");
      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start").setExact(true))
          .click();
      assertThat(phone.locator("#timer .timer-value")).hasText(Pattern.compile("^(2:00|1:5\\d)$"));
      assertThat(moderator.locator("#timer .timer-value"))
          .hasText(Pattern.compile("^(2:00|1:5\\d)$"));
      moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pause")).click();
      assertThat(phone.locator("#timer .timer-state")).hasText("paused");
      moderator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+5 min")).click();
      assertThat(phone.locator("#timer .timer-value")).hasText(Pattern.compile("^(7:00|6:5\\d)$"));

      moderator
          .getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("People: 1 participant online"))
          .click();
      assertThat(moderator.locator("#presence-line")).hasText("1 participant online");
      moderator.getByLabel("Focused phase").selectOption("removal");
      assertThat(phone.getByLabel("Phase")).hasValue("removal");
      assertThat(phone.locator("#stage-banner"))
          .containsText("Now discussing: Removal from the family");
      assertThat(moderator.locator("#phase-counts")).containsText("Removal from the family: 1");

      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stage: Collecting"))
          .click();
      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clustering"))
          .click();
      assertThat(phone.locator("#stage-banner")).containsText("Collecting has ended");
      assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")))
          .isDisabled();
      Browsers.screenshot(phone, "phone-timer");
      assertEquals(
          360,
          ((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue(),
          "no horizontal scrolling at 360px");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName("with hideNotes a phone shows counts, not other people's text, until the reveal")
  void hiddenUntilTheReveal() {
    JsonObject board = api.workshop("Hidden", "Group A").board(0);
    List<String> errors = new ArrayList<>();
    try (BrowserContext laptop = Browsers.screen();
        BrowserContext mobile = Browsers.phone()) {
      Page moderator = moderator(laptop, board, errors);
      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notes").setExact(true))
          .click();
      moderator.getByLabel("Hide notes until the reveal").check();
      assertThat(
              moderator.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reveal the notes")))
          .isEnabled();
      Page phone = phone(mobile, board, errors);
      Pages.postNote(phone, "custody", "issues", "My own note stays readable", null);

      Api.Participant other = api.join(board.getString("joinCode"), "Dario");
      try (WsClient ws =
          WsClient.hello(TestApp.shared().port(), other.boardId(), other.token(), null)) {
        assertEquals(
            "ack",
            ws.answer(
                    ws.op(
                        "note.add",
                        new JsonObject()
                            .put("lane", "custody:issues")
                            .put("text", "A secret worry about caseloads")))
                .getString("type"));
      }
      assertThat(phone.locator("#secret-counts"))
          .containsText("1 in Taking into care · Critical issues");
      assertThat(phone.locator("#lane-notes")).containsText("My own note stays readable");
      assertFalse(
          phone.content().contains("A secret worry"),
          "another participant's text is not on the phone");
      assertThat(moderator.locator("[data-lane='custody:issues']"))
          .containsText("A secret worry about caseloads");

      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reveal the notes"))
          .click();
      assertThat(phone.locator("#lane-notes")).containsText("A secret worry about caseloads");
      assertThat(phone.locator("#secret-box")).isHidden();
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "someone who joins and posts at once is listed among the people, even when the note overtakes"
          + " the board the moderator asked for")
  void newcomerWhoPostsAtOnceIsListed() {
    JsonObject board = api.workshop("Newcomer", "Group A").board(0);
    List<String> errors = new ArrayList<>();
    try (BrowserContext laptop = Browsers.screen()) {
      Page moderator = moderator(laptop, board, errors);
      Api.Participant other = api.join(board.getString("joinCode"), "Elena");
      try (WsClient ws =
          WsClient.hello(TestApp.shared().port(), other.boardId(), other.token(), null)) {
        // Her arrival makes the moderator's page ask for the board again; she posts after the
        // server
        // has answered and before the page reads the answer, so the answer is older than the page.
        moderator.route(
            "**/api/boards/**",
            route -> {
              APIResponse answer = route.fetch();
              ws.answer(
                  ws.op(
                      "note.add",
                      new JsonObject()
                          .put("lane", "custody:issues")
                          .put("text", "Straight to the point")));
              moderator.waitForCondition(
                  () -> moderator.content().contains("Straight to the point"),
                  new Page.WaitForConditionOptions().setTimeout(10_000));
              route.fulfill(new Route.FulfillOptions().setResponse(answer));
            });
        moderator.locator("#bar-people").click();
        assertThat(moderator.locator("#participants")).containsText("Elena");
        assertThat(
                moderator.getByRole(
                    AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove Elena")))
            .isVisible();
        assertThat(moderator.locator("[data-lane='custody:issues']"))
            .containsText("Straight to the point");
      }
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a held note waits for approval on the author's phone; a removed participant is told so")
  void approvalAndRemoval() {
    JsonObject board = api.workshop("Approval", "Group A").board(0);
    List<String> errors = new ArrayList<>();
    try (BrowserContext laptop = Browsers.screen();
        BrowserContext mobile = Browsers.phone()) {
      Page moderator = moderator(laptop, board, errors);
      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notes").setExact(true))
          .click();
      moderator.getByLabel("Approve notes before showing them").check();
      assertThat(moderator.getByLabel("Approve notes before showing them")).isChecked();
      Page phone = phone(mobile, board, errors);
      Pages.postNote(phone, "leaving", "actors", "Aftercare mentors", null);
      assertThat(phone.locator("#lane-notes .note")).containsText("Waiting for approval");

      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("To approve: 1 note"))
          .click();
      moderator
          .getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve: Aftercare mentors"))
          .click();
      assertThat(phone.locator("#lane-notes .note")).not().containsText("Waiting for approval");

      moderator.locator("#bar-people").click();
      moderator
          .getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Remove ")))
          .click();
      moderator
          .getByRole(AriaRole.DIALOG)
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, remove"))
          .click();
      assertThat(phone.locator("#removed-view")).isVisible();
      assertThat(phone.locator("#removed-view"))
          .containsText("The moderator removed you from this board");
      assertThat(moderator.locator("#participants")).containsText("Removed");
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
