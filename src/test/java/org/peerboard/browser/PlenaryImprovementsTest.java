package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
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

@DisplayName(
    "The plenary of improvements: every group's proposals with their results, side by side")
class PlenaryImprovementsTest {
  private static Api.Workshop workshop;

  @BeforeAll
  static void fourGroups() {
    TestApp.shared();
    workshop =
        SessionLoad.workshop(
            "Plenaria delle proposte", "Gruppo 1", "Gruppo 2", "Gruppo 3", "Gruppo 4");
    for (int b = 0; b < 4; b++) {
      JsonObject board = workshop.board(b);
      List<String> ids = ResultsOnScreen.proposals(board, 6);
      if (b < 3) {
        ResultsOnScreen.voteAndReveal(
            board, ids, b == 2 ? List.of() : List.of("feasibility", "sustainability"));
      } else {
        ResultsOnScreen.stage(board, "closed");
      }
    }
  }

  @Test
  @DisplayName(
      "once every board votes or is closed the plenary shows 4 groups x 6 proposals at 1920x1080, each "
          + "whole at 16px or more with its rank and figures once revealed; the organiser switches to the boards")
  void proposalsSideBySide() {
    List<String> errors = new ArrayList<>();
    for (int[] size : new int[][] {{1920, 1080}, {1366, 768}}) {
      try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
        Page page = screen.newPage();
        page.onPageError(errors::add);
        page.navigate(
            TestApp.api().base() + "/w/" + workshop.id() + "/plenary?k=" + workshop.organiserKey());
        assertThat(page.locator(".plenary-board .conn[data-state='online']")).hasCount(4);
        assertThat(page.locator(".plenary-proposals .proposal")).hasCount(24);
        assertThat(page.locator("#mode-improvements")).hasAttribute("aria-pressed", "true");
        page.waitForTimeout(300);
        Browsers.screenshot(page, "plenary-improvements-" + size[0]);
        String where = size[0] + "x" + size[1];
        if (size[0] == 1920) {
          BoardOnScreen.Reading reading =
              BoardOnScreen.read(
                  page,
                  ".plenary-proposals :is(.proposal-name, .proposal-rank, .proposal-figures)",
                  16);
          assertEquals(List.of(), reading.problems(), where);
        }
        assertThat(page.locator(".plenary-board").nth(0).locator(".proposal-rank")).hasCount(6);
        assertThat(page.locator(".plenary-board").nth(0).locator(".proposal-figures").first())
            .containsText("Fattibilità");
        assertThat(page.locator(".plenary-board").nth(2).locator(".proposal-figures").first())
            .containsText("Punti");
        assertThat(page.locator(".plenary-board").nth(3).locator(".proposal-rank")).hasCount(0);
        assertThat(page.locator(".plenary-board").nth(3))
            .containsText("Risultati non ancora mostrati");
        assertEquals("", BoardOnScreen.overflow(page), where);
        assertEquals(List.of(), BoardOnScreen.rawWords(page), where);
        Axe.assertNoViolations(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lavagne")).click();
        assertThat(page.locator(".plenary-grid").first()).isVisible();
        assertThat(page.locator(".plenary-proposals").first()).isHidden();
        assertThat(page.locator("#mode-boards")).hasAttribute("aria-pressed", "true");
      }
    }
    assertEquals(List.of(), errors, "no page error");
  }
}
