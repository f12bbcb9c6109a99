package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("The moderator page")
class ModeratorPageTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  @Test
  @DisplayName("deletes a participant's note and the projector sees it go")
  void deletesAParticipantsNote() {
    JsonObject board = api.workshop("Moderation", "Group A").board(0);
    Api.Participant participant = api.join(board.getString("joinCode"), "Bruno");
    try (WsClient ws =
            WsClient.hello(
                TestApp.shared().port(), participant.boardId(), participant.token(), null);
        BrowserContext projectorContext = Browsers.screen();
        BrowserContext moderatorContext = Browsers.screen()) {
      String opId =
          ws.op(
              "note.add",
              new JsonObject()
                  .put("lane", "removal:resources")
                  .put("text", "Off-topic remark")
                  .put("tags", new JsonArray().add("facility")));
      assertEquals("ack", ws.answer(opId).getString("type"));

      Page projector = projectorContext.newPage();
      projector.navigate(board.getString("projectorUrl"));
      Locator onProjector = projector.locator("[data-lane='removal:resources'] .note");
      assertThat(onProjector).containsText("Off-topic remark");
      assertThat(onProjector.locator(".tag")).hasText("Residential care facility");

      Page moderator = moderatorContext.newPage();
      moderator.navigate(board.getString("moderatorUrl"));
      assertThat(moderator).hasURL(Pattern.compile("/m/" + board.getString("id") + "$"));
      Locator note = moderator.locator("[data-lane='removal:resources'] .note");
      assertThat(note).containsText("Off-topic remark");
      note.getByRole(
              AriaRole.BUTTON,
              new Locator.GetByRoleOptions().setName("Actions for the note: Off-topic remark"))
          .click();
      moderator.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Delete")).click();
      Locator confirm = moderator.getByRole(AriaRole.DIALOG);
      assertThat(confirm).containsText("Off-topic remark");
      confirm
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, delete"))
          .click();

      assertThat(note).hasCount(0);
      assertThat(onProjector).hasCount(0);
    }
  }

  @Test
  @DisplayName("adds a note in any lane with the keyboard alone, and moves it to another lane")
  void addsAndMovesWithTheKeyboard() {
    JsonObject board = api.workshop("Keyboard", "Group A").board(0);
    try (BrowserContext context = Browsers.screen()) {
      Page moderator = context.newPage();
      moderator.navigate(board.getString("moderatorUrl"));
      assertThat(moderator.locator("#conn")).hasAttribute("data-state", "online");

      moderator
          .getByRole(
              AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Add note in Leaving care · Resources used"))
          .focus();
      moderator.keyboard().press("Enter");
      assertThat(moderator.getByLabel("Note text")).isFocused();
      moderator.keyboard().type("Aftercare budget");
      moderator.keyboard().press("Tab");
      moderator.keyboard().press("Space");
      assertThat(moderator.locator("#editor").getByLabel("Foster family")).isChecked();
      moderator
          .locator("#editor")
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
          .press("Enter");

      Locator note = moderator.locator("[data-lane='leaving:resources'] .note");
      assertThat(note).containsText("Aftercare budget");
      assertThat(note.locator(".tag")).hasText("Foster family");
      assertThat(
              moderator.getByRole(
                  AriaRole.BUTTON,
                  new Page.GetByRoleOptions().setName("Add note in Leaving care · Resources used")))
          .isFocused();

      note.getByRole(
              AriaRole.BUTTON,
              new Locator.GetByRoleOptions().setName("Actions for the note: Aftercare budget"))
          .focus();
      moderator.keyboard().press("Enter");
      assertThat(
              moderator.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Edit")))
          .isFocused();
      moderator.keyboard().press("Enter");
      moderator.getByLabel("Lane").selectOption("improvements");
      moderator
          .locator("#editor")
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
          .press("Enter");
      assertThat(moderator.locator("[data-lane='improvements'] .note"))
          .containsText("Aftercare budget");
      assertThat(note).hasCount(0);
      Browsers.screenshot(moderator, "moderator");
    }
  }
}
