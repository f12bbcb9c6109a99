package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName("The run-sheet on screen")
class RunSheetPagesTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  private static JsonObject agenda(JsonObject board, String key) {
    return api.get("/api/boards/" + board.getString("id"), key).json().getJsonObject("agenda");
  }

  @Test
  @DisplayName(
      "the moderator edits the proposed run-sheet and steps with the button and N; the projector shows the "
          + "step, the time left and what comes next, at 1366x768 and 1920x1080")
  void moderatorAndProjector() {
    Api.Workshop workshop = api.workshop("Run-sheet on screen", "Table 1");
    JsonObject board = workshop.board(0);
    SessionLoad.post(board.getString("id"), board.getString("joinCode"), 48);
    for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
      String tag = size[0] + "x" + size[1];
      List<String> errors = new ArrayList<>();
      try (BrowserContext context = BoardOnScreen.screen(size[0], size[1])) {
        Page moderator = context.newPage();
        moderator.onPageError(errors::add);
        moderator.navigate(board.getString("moderatorUrl"));
        assertThat(moderator.locator("#conn")).hasAttribute("data-state", "online");
        Page projector = context.newPage();
        projector.onPageError(errors::add);
        projector.navigate(board.getString("projectorUrl"));
        assertThat(projector.locator("#conn")).hasAttribute("data-state", "online");

        moderator.bringToFront();
        moderator.locator("#bar-agenda").click();
        Locator rows = moderator.locator("#agenda-table tbody tr");
        if (size[0] == 1366) {
          assertThat(rows).hasCount(8);
          assertThat(moderator.locator("#agenda-now")).containsText("Proposed by the template");
          moderator.getByLabel("Minutes of step 1").fill("12");
          moderator.getByLabel("Title of step 1").fill("Reporting and referral: who notices");
          moderator
              .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the run-sheet"))
              .click();
          assertThat(moderator.locator("#mod-news")).containsText("Run-sheet saved");
          moderator.waitForCondition(
              () -> !agenda(board, board.getString("moderatorKey")).getBoolean("proposed"));
          assertEquals(
              12,
              agenda(board, board.getString("moderatorKey"))
                  .getJsonArray("steps")
                  .getJsonObject(0)
                  .getInteger("minutes"));
          moderator.locator("#agenda-next").click();
          assertThat(moderator.locator("#agenda-now"))
              .containsText("Step 1 of 8: Reporting and referral: who notices");
          assertThat(projector.locator("#step-line"))
              .containsText("1/8 Reporting and referral: who notices");
          assertThat(projector.locator("#step-line .step-next")).hasText("→ Taking into care");
          assertThat(projector.locator("#timer")).isVisible();
          moderator.locator("#grid").click(new Locator.ClickOptions().setPosition(2, 2));
          moderator.keyboard().press("n");
          assertThat(projector.locator("#step-line")).containsText("2/8 Taking into care");
          assertEquals(1, agenda(board, board.getString("moderatorKey")).getInteger("current"));
          assertThat(moderator.locator("#agenda-table tr.is-current .agenda-n")).hasText("2");
          assertThat(moderator.locator("#agenda-table tbody tr").first().locator(".agenda-elapsed"))
              .containsText("/ 12 min");
        }
        Axe.assertNoSeriousViolations(moderator);
        Browsers.screenshot(moderator, "runsheet-moderator-" + tag);
        projector.bringToFront();
        assertThat(projector.locator("#step-line")).isVisible();
        Browsers.screenshot(projector, "runsheet-projector-" + tag);
        assertTrue(
            (Boolean)
                projector.evaluate(
                    "() => { const bar = document.querySelector('.topbar');"
                        + " return bar.scrollWidth <= bar.clientWidth + 1 && bar.getBoundingClientRect().height < 90; }"),
            "the projector's top bar stays one uncluttered row at " + tag);
        projector.waitForTimeout(600); // a burst is painted once it has been quiet (at most 500 ms)
        // the group's name and the step now are whole (two groups' projectors must not look alike);
        // the tag
        // legend is not cut by its corner; the phase in focus reads at 18px or more on at most two
        // pages
        Object bar =
            projector.evaluate(
                "() => { const whole = (el) => el && el.getBoundingClientRect().width > 0"
                    + " && el.scrollWidth <= el.clientWidth + 1"
                    + " && el.getBoundingClientRect().right <= innerWidth;"
                    + " const corner = document.querySelector('#grid .corner').getBoundingClientRect();"
                    + " const inCorner = [...document.querySelectorAll('#grid .corner .tag')].every((t) => {"
                    + "   const r = t.getBoundingClientRect();"
                    + "   return r.top >= corner.top - 1 && r.bottom <= corner.bottom + 1; });"
                    + " return { group: whole(document.querySelector('.board-title > :last-child')),"
                    + "   step: whole(document.querySelector('#step-line .step-now')), inCorner,"
                    + "   page: document.querySelector('#grid').dataset.page }; }");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> shown = (java.util.Map<String, Object>) bar;
        assertEquals(Boolean.TRUE, shown.get("group"), "the group's name whole at " + tag);
        assertEquals(Boolean.TRUE, shown.get("step"), "the step now whole at " + tag);
        assertEquals(
            Boolean.TRUE, shown.get("inCorner"), "the tag legend inside its corner at " + tag);
        String page = String.valueOf(shown.get("page"));
        assertTrue(
            Integer.parseInt(page.substring(page.indexOf('/') + 1)) <= 2,
            "the phase in focus on at most two pages at " + tag + ": " + page);
        BoardOnScreen.Reading focused =
            BoardOnScreen.read(projector, "#grid .cell[data-lane^='custody:'] .note", 18);
        assertFalse(focused.ids().isEmpty(), "the focused phase shows its notes at " + tag);
        assertEquals(List.of(), focused.problems(), "the focused phase at " + tag);
        Axe.assertNoSeriousViolations(projector);
        Browsers.screenshot(projector, "runsheet-projector-" + tag);
      }
      assertEquals(List.of(), errors);
    }
  }

  @Test
  @DisplayName("phones see the step and what comes next above the stage banner")
  void phoneStepLine() {
    Api.Workshop workshop = api.workshop("Run-sheet phone", "Table 1");
    JsonObject board = workshop.board(0);
    api.post("/api/workshops/" + workshop.id() + "/step", "{\"index\":1}", workshop.organiserKey());
    try (BrowserContext phone = Browsers.phone()) {
      Page page = phone.newPage();
      page.navigate(api.base() + "/j/" + board.getString("joinCode"));
      Pages.acceptAndJoin(page, "Anna");
      assertThat(page.locator("#step-line")).containsText("Step 2 of 8: Taking into care");
      assertThat(page.locator("#step-line")).containsText("Next: Removal");
      assertThat(page.locator("#timer")).isVisible();
      Axe.assertNoSeriousViolations(page);
      Browsers.screenshot(page, "runsheet-phone-360x640");
    }
  }

  @Test
  @DisplayName(
      "the organiser's run-sheet panel starts the next step for all groups; the printable run-sheet has clock "
          + "times and join codes")
  void organiserPanelAndPrintableSheet() {
    Api.Workshop workshop = api.workshop("Run-sheet organiser", "Table 1", "Table 2");
    for (int i = 0; i < 2; i++) {
      JsonObject board = workshop.board(i);
      SessionLoad.post(board.getString("id"), board.getString("joinCode"), 24);
    }
    for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
      String tag = size[0] + "x" + size[1];
      try (BrowserContext context = BoardOnScreen.screen(size[0], size[1])) {
        Page page = context.newPage();
        page.navigate(workshop.json().getString("organiserUrl"));
        Locator where = page.locator("#runsheet-where li");
        assertThat(where).hasCount(2);
        if (size[0] == 1366) {
          assertThat(where.first()).containsText("Table 1: not started");
          assertThat(page.locator("#runsheet-next-what")).containsText("Next: step 1");
          page.getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next step for all groups"))
              .click();
          assertThat(page.locator("#runsheet-status")).containsText("Done on 2 boards");
          assertThat(where.nth(1)).containsText("Table 2: step 1 of 8");
          for (int i = 0; i < 2; i++) {
            assertEquals(
                0, agenda(workshop.board(i), workshop.organiserKey()).getInteger("current"));
          }
          page.getByRole(
                  AriaRole.BUTTON,
                  new Page.GetByRoleOptions().setName("Start step 6 for all groups"))
              .click();
          assertThat(where.first()).containsText("step 6 of 8");
          assertNull(
              api.get("/api/boards/" + workshop.board(1).getString("id"), workshop.organiserKey())
                  .json()
                  .getString("focus"),
              "the improvements step opens every phase");
        }
        page.locator("#runsheet").scrollIntoViewIfNeeded();
        Axe.assertNoSeriousViolations(page);
        Browsers.screenshot(page, "runsheet-organiser-" + tag);

        page.navigate(api.base() + "/w/" + workshop.id() + "/runsheet?start=09:30");
        Locator steps = page.locator(".runsheet-table tbody tr");
        assertThat(steps).hasCount(8);
        assertThat(steps.first().locator(".clock")).hasText("09:30–09:45");
        assertThat(steps.nth(5).locator(".clock")).hasText("10:45–11:05");
        assertThat(page.locator(".runsheet-table tfoot .clock")).hasText("09:30–11:30");
        assertThat(page.locator(".runsheet-codes"))
            .containsText(workshop.board(1).getString("joinCode"));
        Axe.assertNoSeriousViolations(page);
        Browsers.screenshot(page, "runsheet-print-" + tag);
      }
    }
  }
}
