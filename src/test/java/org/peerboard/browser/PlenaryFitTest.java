package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName("The plenary shows every group's board on one screen, readable, and one group large")
class PlenaryFitTest {
  private static Api.Workshop workshop;

  @BeforeAll
  static void twoBoards() {
    TestApp.shared();
    workshop = SessionLoad.workshop("Plenaria Prato", "Gruppo Affido", "Gruppo Comunità");
    for (int i = 0; i < 2; i++) {
      JsonObject board = workshop.board(i);
      SessionLoad.post(board.getString("id"), board.getString("joinCode"), 66);
    }
  }

  private static Page plenary(BrowserContext context, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(TestApp.api().base() + "/w/" + workshop.id() + "/plenary?k=" + workshop.organiserKey());
    assertThat(page.locator(".plenary-board .conn[data-state='online']")).hasCount(2);
    assertThat(page.locator(".plenary-grid .cell")).hasCount(42);
    page.waitForFunction("() => [...document.querySelectorAll('.plenary-grid')].every((g) => g.dataset.summarised)");
    return page;
  }

  /** Every lane shows either all of its notes, whole, at 14px or more, or how many it holds. */
  private static void readable(Page page, String scope) {
    BoardOnScreen.Reading reading = BoardOnScreen.read(page, scope + " .note", 14);
    assertEquals(List.of(), reading.problems());
    Locator cells = page.locator(scope + " .cell");
    for (int i = 0; i < cells.count(); i++) {
      Locator cell = cells.nth(i);
      int notes = cell.locator(".note").count();
      int shown = cell.locator(".note:visible").count();
      boolean summary = cell.locator(".cell-summary:visible").count() == 1;
      assertTrue(shown == notes && !summary || shown == 0 && summary,
          cell.getAttribute("data-lane") + ": " + shown + " of " + notes + " shown, summary " + summary);
      if (summary) {
        assertThat(cell.locator(".cell-summary")).hasText(notes + " note");
      }
    }
  }

  @Test
  @DisplayName("two boards of 66 notes at 1920x1080: no scrolling, every lane readable or counted; a group shows "
      + "large with a click or key 2 and comes back with Esc")
  void twoBoardsOnOneScreen() {
    List<String> errors = new ArrayList<>();
    try (BrowserContext screen = BoardOnScreen.screen(1920, 1080)) {
      Page page = plenary(screen, errors);
      assertFalse(BoardOnScreen.scrolls(page), "the plenary does not scroll");
      assertTrue((Boolean) page.evaluate("() => document.scrollingElement.scrollHeight <= innerHeight"));
      readable(page, ".plenary-board");
      assertTrue(page.locator(".plenary-board .note:visible").count() > 0, "some notes are shown whole");
      Browsers.screenshot(page, "plenary-1920-two-boards");

      page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
          new Page.GetByRoleOptions().setName("Mostra Gruppo Affido in grande")).click();
      Locator large = page.locator(".plenary-board.is-large");
      assertThat(large).hasCount(1);
      assertThat(large.locator("h2")).hasText("Gruppo Affido");
      assertThat(page.locator(".plenary-board").nth(1)).isHidden();
      page.waitForFunction("() => document.querySelector('.plenary-board.is-large .plenary-grid').dataset.summarised"
          + " === 'false'");
      readable(page, ".plenary-board.is-large");
      assertThat(large.locator(".note:visible")).hasCount(66);
      assertFalse(BoardOnScreen.scrolls(page));
      Browsers.screenshot(page, "plenary-1920-group-large");

      page.keyboard().press("Escape");
      assertThat(page.locator(".plenary-board.is-large")).hasCount(0);
      assertThat(page.locator(".plenary-board").nth(1)).isVisible();
      page.keyboard().press("Digit2");
      assertThat(page.locator(".plenary-board.is-large h2")).hasText("Gruppo Comunità");
      page.keyboard().press("Escape");
      assertThat(page.locator(".plenary-board:visible")).hasCount(2);
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName("the page icon answers at /favicon.ico and at the address the pages link, so no page gets a 404")
  void favicon() {
    for (String path : List.of("/favicon.ico", "/static/favicon.svg")) {
      Api.Response icon = TestApp.api().get(path, null);
      assertEquals(200, icon.status(), path);
      assertTrue(icon.body().startsWith("<svg"), path);
    }
  }

  @Test
  @DisplayName("axe finds nothing serious on the plenary at 360x640, 1366x768 and 1920x1080")
  void accessibleAtEverySize() {
    for (int[] size : new int[][] {{360, 640}, {1366, 768}, {1920, 1080}}) {
      List<String> errors = new ArrayList<>();
      try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
        Page page = plenary(screen, errors);
        Axe.assertNoSeriousViolations(page);
        Browsers.screenshot(page, "plenary-" + size[0] + "-two-boards");
        assertEquals(List.of(), errors, "no script errors");
      }
    }
  }
}
