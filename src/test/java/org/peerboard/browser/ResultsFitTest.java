package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName(
    "Vote results fit every shared screen: rank, name, each criterion's mean and n, the matrix and its legend")
class ResultsFitTest {
  private static final int[][] SIZES = {{1366, 768}, {1920, 1080}};

  /** Everything a person reads in the results: cells of the table, the legend, the chart's text. */
  private static final String PARTS =
      " :is(.screen-result > *, .results-table thead th, .matrix-legend li, .screen-matrix text)";

  private static Api.Workshop workshop;
  private static List<List<String>> items = new ArrayList<>();

  @BeforeAll
  static void rounds() {
    TestApp.shared();
    workshop =
        SessionLoad.workshop(
            "Restituzione in plenaria dei gruppi di lavoro del consultorio familiare",
            "Gruppo Affido",
            "Gruppo Comunità",
            "Gruppo Scuola",
            "Gruppo Servizi");
    int[] count = {5, 8, 6, 12};
    List<List<String>> criteria =
        List.of(
            List.of("feasibility", "sustainability"),
            List.of("feasibility", "sustainability", "impact"),
            List.of(),
            List.of());
    for (int b = 0; b < 4; b++) {
      JsonObject board = workshop.board(b);
      List<String> ids = ResultsOnScreen.proposals(board, count[b]);
      items.add(ids);
      ResultsOnScreen.voteAndReveal(board, ids, criteria.get(b));
    }
  }

  /**
   * Reads every page of the results in `scope`: each part whole, on screen, uncovered, at 16px or
   * more; returns the proposals shown (their item ids), each once.
   */
  private static Set<String> readAllPages(Page page, String scope, String where) {
    Locator box = page.locator(scope);
    String paging = box.getAttribute("data-page");
    int pages = paging == null ? 1 : Integer.parseInt(paging.split("/")[1]);
    Set<String> seen = new LinkedHashSet<>();
    for (int p = 1; p <= pages; p++) {
      if (pages > 1) {
        assertThat(box).hasAttribute("data-page", p + "/" + pages);
        assertThat(page.locator("#page-indicator")).hasText("Pagina " + p + " di " + pages);
      }
      BoardOnScreen.Reading reading = BoardOnScreen.read(page, scope + PARTS, 16);
      assertEquals(List.of(), reading.problems(), where + ", page " + p);
      Locator rows = page.locator(scope + " .screen-result");
      for (int i = 0; i < rows.count(); i++) {
        assertTrue(seen.add(rows.nth(i).getAttribute("data-item-id")), "each proposal once");
      }
      if (pages > 1) {
        page.keyboard().press("PageDown");
      }
    }
    assertEquals("", BoardOnScreen.overflow(page), where);
    assertEquals(List.of(), BoardOnScreen.rawWords(page), where);
    return seen;
  }

  private static Page open(BrowserContext screen, String url, List<String> errors) {
    Page page = screen.newPage();
    page.onPageError(errors::add);
    page.navigate(url);
    return page;
  }

  @Test
  @DisplayName(
      "the projector at 1366x768 and 1920x1080 shows a rating of 5 proposals x 2 criteria and 8 x 3 on one "
          + "page with the matrix, dots of 6 and 12, every figure at 16px or more; the same once the board is closed")
  void projector() {
    List<String> errors = new ArrayList<>();
    String[] kinds = {"rating-5x2", "rating-8x3", "dots-6", "dots-12"};
    for (String stage : List.of("voting", "closed")) {
      for (int b = 0; b < 4; b++) {
        JsonObject board = workshop.board(b);
        if ("closed".equals(stage)) {
          ResultsOnScreen.stage(board, "closed");
        }
        for (int[] size : SIZES) {
          String where = kinds[b] + " " + stage + " at " + size[0] + "x" + size[1];
          try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
            Page page = open(screen, board.getString("projectorUrl"), errors);
            assertThat(page.locator("#vote-board .screen-result").first()).isVisible();
            assertThat(page.locator("#vote-board-heading")).hasText("Risultati della votazione");
            page.waitForTimeout(300);
            Browsers.screenshot(page, "results-" + kinds[b] + "-" + stage + "-" + size[0]);
            Set<String> seen = readAllPages(page, "#vote-board-body", where);
            assertEquals(new LinkedHashSet<>(items.get(b)), seen, where + ": every proposal");
            if (b < 2) {
              assertThat(page.locator("#vote-board-body[data-page='1/1']"))
                  .hasCount(1); // a rating of up to 8 proposals is one page
              assertThat(page.locator(".screen-matrix .matrix-point"))
                  .hasCount(items.get(b).size());
              assertThat(page.locator(".screen-matrix .matrix-legend li")).hasCount(2);
              assertThat(page.locator(".results-table thead th")).hasCount(b == 0 ? 5 : 6);
            }
            if (b == 2) {
              assertThat(page.locator("#vote-board-body[data-page='1/1']")).hasCount(1);
            }
            if (b == 1) {
              // every criterion's mean and how many scored it, in words
              assertThat(page.locator(".screen-result").first().locator(".result-criterion"))
                  .hasCount(3);
              assertThat(
                      page.locator(".screen-result").first().locator(".result-criterion").first())
                  .containsText("12 voti");
            }
            Axe.assertNoViolations(page);
          }
        }
      }
    }
    assertEquals(List.of(), errors, "no page error");
  }

  @Test
  @DisplayName(
      "a closed board's join page shows its revealed results whole at 1366x768 and 1920x1080, and as a list "
          + "on a phone")
  void closedJoinPage() {
    List<String> errors = new ArrayList<>();
    for (int b : new int[] {1, 3}) {
      JsonObject board = workshop.board(b);
      ResultsOnScreen.stage(board, "closed");
      String url = TestApp.api().base() + "/j/" + board.getString("joinCode");
      for (int[] size : SIZES) {
        String where = "closed join page " + b + " at " + size[0] + "x" + size[1];
        try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
          Page page = open(screen, url, errors);
          assertThat(page.locator("#closed-results .screen-result").first()).isVisible();
          page.waitForTimeout(300);
          Browsers.screenshot(page, "results-closed-join-" + b + "-" + size[0]);
          Set<String> seen = readAllPages(page, "#closed-results", where);
          assertEquals(new LinkedHashSet<>(items.get(b)), seen, where + ": every proposal");
          Axe.assertNoViolations(page);
        }
      }
      try (BrowserContext phone = Browsers.phone()) {
        Page page = open(phone, url, errors);
        assertThat(page.locator("#closed-results .result")).hasCount(items.get(b).size());
        Browsers.screenshot(page, "results-closed-join-" + b + "-phone");
        assertEquals(List.of(), BoardOnScreen.rawWords(page));
      }
    }
    assertEquals(List.of(), errors, "no page error");
  }
}
