package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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

@DisplayName("The workshop day")
class WorkshopDayPagesTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  @Test
  @DisplayName("the workshop-wide code lands on a group picker that leads to the group's join page")
  void groupPicker() {
    Api.Workshop workshop = api.workshop("Whole day", "Table 1", "Table 2");
    try (BrowserContext context = Browsers.phone()) {
      Page phone = context.newPage();
      phone.navigate(workshop.json().getString("joinUrl"));
      assertThat(
              phone.getByRole(
                  AriaRole.HEADING, new Page.GetByRoleOptions().setName("Choose your group")))
          .isVisible();
      Axe.assertNoSeriousViolations(phone);
      phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Table 2")).click();
      assertThat(phone)
          .hasURL(Pattern.compile("/j/" + workshop.board(1).getString("joinCode") + "\\?lang=en$"));
      assertThat(phone.locator(".join-where")).containsText("Table 2");
    }
  }

  @Test
  @DisplayName("the plenary shows every group's board side by side, live")
  void plenary() {
    Api.Workshop workshop = api.workshop("Plenary", "Table 1", "Table 2");
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = Browsers.screen()) {
      Page page = context.newPage();
      page.onPageError(errors::add);
      page.navigate(workshop.json().getString("organiserUrl"));
      page.getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("plenary view")))
          .click();
      Locator boards = page.locator(".plenary-board");
      assertThat(boards).hasCount(2);
      assertThat(boards.nth(1).locator(".conn")).hasAttribute("data-state", "online");
      for (int i = 0; i < 2; i++) {
        JsonObject board = workshop.board(i);
        Api.Participant participant = api.join(board.getString("joinCode"), null);
        try (WsClient ws =
            WsClient.hello(
                TestApp.shared().port(), participant.boardId(), participant.token(), null)) {
          ws.answer(
              ws.op(
                  "note.add",
                  new JsonObject()
                      .put("lane", "reporting:actors")
                      .put("text", "Idea of table " + (i + 1))));
        }
      }
      assertThat(boards.nth(0).locator("[data-lane='reporting:actors'] .note"))
          .hasText(Pattern.compile("Idea of table 1"));
      assertThat(boards.nth(1).locator("[data-lane='reporting:actors'] .note"))
          .hasText(Pattern.compile("Idea of table 2"));
      Axe.assertNoSeriousViolations(page);
      Browsers.screenshot(page, "plenary");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "an organiser replaces a board's join code from the organiser page; the projector shows the new one")
  void rotatesLinks() {
    Api.Workshop workshop = api.workshop("Leaked", "Table 1");
    JsonObject board = workshop.board(0);
    String oldCode = board.getString("joinCode");
    try (BrowserContext context = Browsers.screen();
        BrowserContext wall = Browsers.screen()) {
      Page projector = wall.newPage();
      projector.navigate(board.getString("projectorUrl"));
      assertThat(projector.locator("#join-code")).hasText(oldCode);
      Page page = context.newPage();
      page.navigate(workshop.json().getString("organiserUrl"));
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replace links…"))
          .click();
      Locator dialog = page.getByRole(AriaRole.DIALOG);
      dialog.getByLabel(Pattern.compile("^Moderator link")).uncheck();
      dialog.getByLabel("Projector link", new Locator.GetByLabelOptions().setExact(true)).uncheck();
      dialog.getByLabel("Join code for participants").check();
      dialog
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Replace now"))
          .click();
      Locator code = page.locator(".group-sheet .join-code");
      assertThat(code).not().hasText(oldCode);
      String newCode = code.textContent();
      assertThat(projector.locator("#join-code")).hasText(newCode);
      assertEquals(
          404,
          api.post("/api/join", new JsonObject().put("consent", true).put("code", oldCode))
              .status());
    }
  }

  @Test
  @DisplayName(
      "an organiser's own template from the form: every problem named, then a board with those lanes")
  void ownTemplate() {
    try (BrowserContext context = Browsers.screen()) {
      Page page = context.newPage();
      page.navigate(api.base() + "/new?lang=en");
      page.getByLabel("Title").fill("Own grid");
      page.getByLabel("My own template: fill in a simple form").check();
      page.getByLabel("Template name in Italian").fill("Scuola");
      page.getByLabel("Phases (rows)").fill("Ingresso | Entry\nUscita");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workshop"))
          .click();
      Locator error = page.locator("#new-error");
      assertThat(error).containsText("template.labels.en");
      assertThat(error).containsText("dimensions");
      assertThat(error.locator("li")).not().hasCount(0);

      page.getByLabel("Template name in English").fill("School");
      page.getByLabel("Phases (rows)").fill("Ingresso | Entry\nUscita | Exit");
      page.getByLabel("Dimensions (columns)").fill("Attori | Actors\nProblemi | Problems");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workshop"))
          .click();
      assertThat(page).hasURL(Pattern.compile("/w/[0-9a-f-]{36}$"));
      page.locator(".private-links a").first().click();
      assertThat(page.locator("[data-lane='exit:problems']")).isVisible();
      assertThat(page.locator(".row-head").nth(1)).containsText("Exit");
    }
  }
}
