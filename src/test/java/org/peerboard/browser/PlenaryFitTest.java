package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("The plenary shows every group's board on one screen, readable, and one group large")
class PlenaryFitTest {
  private static Api.Workshop workshop;

  @BeforeAll
  static void twoBoards() {
    TestApp.shared();
    workshop = SessionLoad.workshop("Plenaria Prato", "Gruppo Affido", "Gruppo Comunità");
    // the session of issue 20: 66 notes in one group, 46 in the other
    for (int i = 0; i < 2; i++) {
      JsonObject board = workshop.board(i);
      SessionLoad.post(board.getString("id"), board.getString("joinCode"), i == 0 ? 66 : 46);
    }
  }

  private static Page plenary(BrowserContext context, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(
        TestApp.api().base() + "/w/" + workshop.id() + "/plenary?k=" + workshop.organiserKey());
    assertThat(page.locator(".plenary-board .conn[data-state='online']")).hasCount(2);
    assertThat(page.locator(".plenary-grid .cell")).hasCount(42);
    page.waitForFunction(
        "() => [...document.querySelectorAll('.plenary-grid')].every((g) => g.dataset.summarised)");
    return page;
  }

  /** Every lane shows either all of its notes, whole, at 11px or more, or how many it holds. */
  private static void readable(Page page, String scope) {
    BoardOnScreen.Reading reading = BoardOnScreen.read(page, scope + " .note", 11);
    assertEquals(List.of(), reading.problems());
    Locator cells = page.locator(scope + " .cell");
    for (int i = 0; i < cells.count(); i++) {
      Locator cell = cells.nth(i);
      int notes = cell.locator(".note").count();
      int shown = cell.locator(".note:visible").count();
      boolean summary = cell.locator(".cell-summary:visible").count() == 1;
      assertTrue(
          shown == notes && !summary || shown == 0 && summary,
          cell.getAttribute("data-lane")
              + ": "
              + shown
              + " of "
              + notes
              + " shown, summary "
              + summary);
      if (summary) {
        assertThat(cell.locator(".cell-summary")).hasText(notes + (notes == 1 ? " nota" : " note"));
      }
    }
  }

  /**
   * Per board, in words: a phase row that shows some of its cells' notes and counts others, and a
   * row (or a lane spanning the rows) much taller than what it shows (a large empty area). Empty
   * when the boards read well.
   */
  private static final String ROOM_PROBLEMS =
      """
      () => {
        const problems = [];
        const used = (cell) => {
          const list = cell.querySelector('.cell-notes');
          const kids = [...list.children].filter((el) => el.getClientRects().length);
          return kids.length ? Math.max(...kids.map((el) => el.getBoundingClientRect().bottom)) - cell.getBoundingClientRect().top : 0;
        };
        for (const grid of document.querySelectorAll('.plenary-board:not([hidden]) .plenary-grid')) {
          if (!grid.getClientRects().length) continue;
          const name = grid.closest('.plenary-board').querySelector('h2').textContent;
          for (const head of grid.querySelectorAll('.row-head')) {
            const cells = [...grid.querySelectorAll(`.cell[data-lane^="${head.dataset.phase}:"]`)];
            const counted = cells.filter((c) => c.classList.contains('is-summary')).length;
            if (counted && counted < cells.length) problems.push(`${name} ${head.dataset.phase}: ${counted} of ${cells.length} counted`);
            const height = head.getBoundingClientRect().height;
            const words = document.createRange();
            words.selectNodeContents(head);
            const content = Math.max(...cells.map(used), words.getBoundingClientRect().height);
            if (height > content * 1.5 + 24) problems.push(`${name} ${head.dataset.phase}: ${Math.round(height)}px for ${Math.round(content)}px`);
          }
          for (const cell of grid.querySelectorAll('.cell[style*="grid-column"]')) {
            const height = cell.getBoundingClientRect().height;
            if (cell.classList.contains('is-summary') && !cell.querySelector('.stack') && cell.getBoundingClientRect().width > 160) {
              problems.push(`${name} ${cell.dataset.lane}: a counted lane ${Math.round(cell.getBoundingClientRect().width)}px wide`);
            } else if (!cell.classList.contains('is-summary') && height > used(cell) * 2 + 24) {
              problems.push(`${name} ${cell.dataset.lane}: ${Math.round(height)}px for ${Math.round(used(cell))}px`);
            }
          }
        }
        return problems;
      }""";

  /**
   * Whether the fitting chose as many notes as fit: for every counted phase of every board, opening
   * it too (with the fitter's own fitGrid, at 14px) would overflow. Returns the phases that would
   * still fit.
   */
  private static final String COULD_OPEN =
      """
      async () => {
        const { cellsOf, fitGrid, showLayout } = await import('/static/js/proj/fit.js');
        const more = [];
        for (const grid of document.querySelectorAll('.plenary-grid')) {
          const cells = cellsOf(grid);
          const open = new Set(cells.filter((c) => !c.cell.classList.contains('is-summary')));
          const phases = [...new Set(cells.filter((c) => !open.has(c) && c.lane.includes(':')).map((c) => c.lane.split(':')[0]))];
          for (const phase of phases) {
            showLayout(cells, (c) => (open.has(c) || c.lane.startsWith(`${phase}:`) ? null : 'summary'));
            if (fitGrid(grid, cells, { min: 11, max: 11, head: 'minmax(min-content, 0.45fr)' }) != null) more.push(phase);
          }
        }
        return more;
      }""";

  @Test
  @DisplayName(
      "two boards of 66 notes at 1920x1080: no scrolling, every lane readable or counted; a group shows "
          + "large with a click or key 2 and comes back with Esc")
  void twoBoardsOnOneScreen() {
    List<String> errors = new ArrayList<>();
    try (BrowserContext screen = BoardOnScreen.screen(1920, 1080)) {
      Page page = plenary(screen, errors);
      assertEquals("", BoardOnScreen.overflow(page), "the plenary does not scroll");
      assertTrue(
          (Boolean) page.evaluate("() => document.scrollingElement.scrollHeight <= innerHeight"));
      Browsers.screenshot(page, "plenary-1920-two-boards");
      assertThat(page.locator(".plenary-grid[data-fit='overflow']")).hasCount(0);
      readable(page, ".plenary-board");
      int shown = page.locator(".plenary-board .note:visible").count();
      System.out.println("plenary notes shown whole of 112: " + shown);
      assertTrue(shown >= 100, "words, not counts: " + shown + " of 112 notes shown whole");
      assertEquals(List.of(), page.evaluate(ROOM_PROBLEMS));
      assertEquals(List.of(), page.evaluate(CUT_CELLS), "rows and lanes cut");
      assertEquals(List.of(), page.evaluate(BROKEN_WORDS), "heads broken inside a word");
      Browsers.screenshot(page, "plenary-1920-two-boards");

      // a phase in focus is shown larger than the rest of its board, never smaller
      JsonObject second = workshop.board(1);
      try (WsClient moderator =
          WsClient.hello(
              TestApp.shared().port(),
              second.getString("id"),
              second.getString("moderatorKey"),
              null)) {
        focus(moderator, "custody");
        String grid = ".plenary-board:nth-child(2) .plenary-grid";
        assertThat(page.locator(grid + " .row-head.is-focus"))
            .hasAttribute("data-phase", "custody");
        page.waitForFunction("sel => document.querySelector(sel).dataset.focusFit", grid);
        double board = Double.parseDouble(page.locator(grid).getAttribute("data-fit"));
        double focused = Double.parseDouble(page.locator(grid).getAttribute("data-focus-fit"));
        assertTrue(focused > board, "the phase in focus is larger: " + focused + " > " + board);
        BoardOnScreen.Reading phase =
            BoardOnScreen.read(page, grid + " .cell[data-lane^='custody:'] .note", (int) focused);
        assertEquals(List.of(), phase.problems());
        assertEquals(12, phase.ids().size());
        readable(page, ".plenary-board");
        assertEquals("", BoardOnScreen.overflow(page));
        System.out.println(
            "with a phase in focus, notes shown: "
                + page.locator(".plenary-board .note:visible").count());
        Browsers.screenshot(page, "plenary-1920-focus");
        focus(moderator, null);
        page.waitForFunction("sel => !document.querySelector(sel).dataset.focusFit", grid);
      }

      page.getByRole(
              AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Mostra Gruppo Affido in grande"))
          .click();
      Locator large = page.locator(".plenary-board.is-large");
      assertThat(large).hasCount(1);
      assertThat(large.locator("h2")).hasText("Gruppo Affido");
      assertThat(page.locator(".plenary-board").nth(1)).isHidden();
      page.waitForFunction(
          "() => document.querySelector('.plenary-board.is-large .plenary-grid').dataset.page"
              + " === '1/1'");
      readable(page, ".plenary-board.is-large");
      assertTrue(
          BoardOnScreen.read(page, ".plenary-board.is-large .note", 14).smallest() >= 14,
          "one group large is read as on the projector");
      assertThat(large.locator(".note:visible")).hasCount(66);
      assertEquals(List.of(), BoardOnScreen.rawWords(page));
      assertEquals("", BoardOnScreen.overflow(page));
      Browsers.screenshot(page, "plenary-1920-group-large");

      page.keyboard().press("Escape");
      assertThat(page.locator(".plenary-board.is-large")).hasCount(0);
      assertThat(page.locator(".plenary-board").nth(1)).isVisible();
      page.keyboard().press("Digit2");
      assertThat(page.locator(".plenary-board.is-large h2")).hasText("Gruppo Comunità");
      page.keyboard().press("Escape");
      assertThat(page.locator(".plenary-board:visible")).hasCount(2);
      assertEquals(List.of(), errors, "no script errors");
      assertEquals(List.of(), page.evaluate(COULD_OPEN), "no counted phase would fit too");
    }
  }

  /** Words of the heads of rows and columns that break across lines (no hyphen is ever added). */
  private static final String BROKEN_WORDS =
      """
      () => {
        const broken = [];
        for (const head of document.querySelectorAll('.plenary-grid :is(.col-head, .row-head)')) {
          if (!head.getClientRects().length) continue;
          const walker = document.createTreeWalker(head, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.data.matchAll(/\\S+/g)) {
              const range = document.createRange();
              range.setStart(node, word.index);
              range.setEnd(node, word.index + word[0].length);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (lines.size > 1) broken.push(word[0]);
            }
          }
        }
        return broken;
      }""";

  /**
   * Cells (rows and lanes) of the shown boards that are not whole inside their board and the
   * screen.
   */
  private static final String CUT_CELLS =
      """
      () => {
        const cut = [];
        const inside = (r, box) => r.left >= box.left - 0.5 && r.top >= box.top - 0.5
          && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
        const view = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
        for (const grid of document.querySelectorAll('.plenary-grid')) {
          if (!grid.getClientRects().length) continue;
          const box = grid.getBoundingClientRect();
          for (const part of grid.querySelectorAll('.cell, .row-head, .col-head')) {
            const r = part.getBoundingClientRect();
            if (!inside(r, box) || !inside(r, view)) cut.push(part.dataset.lane || part.textContent.trim());
          }
        }
        return cut;
      }""";

  @Test
  @DisplayName(
      "two groups on an old projector (1024x768), a 720p one and a 1680x1050 laptop: both boards whole on the"
          + " screen, every row and lane inside it to the pixel")
  void smallerAndOddScreens() {
    for (int[] size : new int[][] {{1024, 768}, {1280, 720}, {1680, 1050}}) {
      List<String> errors = new ArrayList<>();
      try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
        Page page = plenary(screen, errors);
        Browsers.screenshot(page, "plenary-" + size[0] + "x" + size[1] + "-two-boards");
        String where = size[0] + "x" + size[1];
        assertEquals("", BoardOnScreen.overflow(page), "the plenary does not scroll at " + where);
        assertEquals(
            List.of(), page.evaluate(BOARDS_OFF_SCREEN), "boards off the screen at " + where);
        assertEquals(List.of(), page.evaluate(CUT_CELLS), "rows and lanes cut at " + where);
        assertEquals(List.of(), errors, "no script errors");
      }
    }
  }

  @Test
  @DisplayName(
      "four groups at 1920x1080 and at 1366x768 stand in two rows of two: every board, row and lane is on the"
          + " screen, and at 1920 notes are read, not only counted")
  void fourGroups() {
    Api.Workshop four =
        SessionLoad.workshop("Plenaria Toscana", "Gruppo A", "Gruppo B", "Gruppo C", "Gruppo D");
    for (int i = 0; i < 4; i++) {
      JsonObject board = four.board(i);
      SessionLoad.post(board.getString("id"), board.getString("joinCode"), 30 + 10 * i);
    }
    for (int[] size : new int[][] {{1920, 1080}, {1366, 768}}) {
      List<String> errors = new ArrayList<>();
      try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
        Page page = screen.newPage();
        page.onPageError(errors::add);
        page.navigate(
            TestApp.api().base() + "/w/" + four.id() + "/plenary?k=" + four.organiserKey());
        assertThat(page.locator(".plenary-board .conn[data-state='online']")).hasCount(4);
        page.waitForFunction(
            "() => [...document.querySelectorAll('.plenary-grid')].every((g) => g.dataset.summarised)");
        String where = size[0] + "x" + size[1];
        Browsers.screenshot(page, "plenary-" + where + "-four-boards");
        assertEquals(
            List.of(), page.evaluate(BOARDS_OFF_SCREEN), "boards off the screen at " + where);
        assertEquals(List.of(), page.evaluate(CUT_CELLS), "rows and lanes cut at " + where);
        assertEquals(
            2,
            page.evaluate(
                "() => new Set([...document.querySelectorAll('.plenary-board')]"
                    + ".map((b) => Math.round(b.getBoundingClientRect().top))).size"),
            "two rows of boards at " + where);
        if (size[0] == 1920) {
          readable(page, ".plenary-board");
          assertTrue(page.locator(".plenary-board .note:visible").count() >= 12, "notes read");
        }
        assertEquals(List.of(), errors, "no script errors");
      }
    }
  }

  /** The names of the boards not wholly inside the screen. */
  private static final String BOARDS_OFF_SCREEN =
      """
      () => [...document.querySelectorAll('.plenary-board')].filter((b) => {
        const r = b.getBoundingClientRect();
        return r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5;
      }).map((b) => b.querySelector('h2').textContent)""";

  @Test
  @DisplayName(
      "two boards of 66 and 46 notes at 1366x768: no row or lane is cut, heads never break inside a word, "
          + "notes read at 11px or counted; 'In grande' shows a board as the projector does, its pages "
          + "turning by themselves with a page number")
  void laptopAndOneGroupLarge() {
    List<String> errors = new ArrayList<>();
    try (BrowserContext screen = BoardOnScreen.screen(1366, 768)) {
      Page page = plenary(screen, errors);
      Browsers.screenshot(page, "plenary-1366-two-boards");
      assertEquals("", BoardOnScreen.overflow(page), "the plenary does not scroll");
      assertThat(page.locator(".plenary-grid[data-fit='overflow']")).hasCount(0);
      readable(page, ".plenary-board");
      assertEquals(List.of(), page.evaluate(CUT_CELLS), "rows and lanes cut");
      assertEquals(List.of(), page.evaluate(BROKEN_WORDS), "heads broken inside a word");
      int shown = page.locator(".plenary-board .note:visible").count();
      System.out.println("plenary at 1366x768, notes shown whole of 112: " + shown);
      assertTrue(shown >= 24, "words, not counts, at 1366x768: " + shown);

      page.keyboard().press("Digit1");
      Locator large = page.locator(".plenary-board.is-large");
      assertThat(large.locator("h2")).hasText("Gruppo Affido");
      Locator grid = large.locator(".plenary-grid");
      page.waitForFunction(
          "() => /^1\\/[2-9]$/.test(document.querySelector('.plenary-board.is-large .plenary-grid')"
              + ".dataset.page ?? '')");
      String pages = grid.getAttribute("data-page").replaceAll(".*/", "");
      assertThat(large.locator(".plenary-page")).hasText("Pagina 1 di " + pages);
      assertThat(large.locator(".plenary-page")).isVisible();
      BoardOnScreen.Reading first = BoardOnScreen.read(page, ".plenary-board.is-large .note", 14);
      assertEquals(List.of(), first.problems());
      assertTrue(first.ids().size() >= 10, "page 1 shows notes: " + first.ids().size());
      assertEquals(List.of(), page.evaluate(CUT_CELLS), "rows and lanes cut, one group large");
      assertEquals(List.of(), page.evaluate(BROKEN_WORDS), "heads broken, one group large");
      Browsers.screenshot(page, "plenary-1366-group-large");
      // the pages turn by themselves, as on the projector
      assertThat(large.locator(".plenary-page"))
          .hasText(
              "Pagina 2 di " + pages,
              new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                  .setTimeout(40_000));
      BoardOnScreen.Reading second = BoardOnScreen.read(page, ".plenary-board.is-large .note", 14);
      assertEquals(List.of(), second.problems());
      assertTrue(
          second.ids().stream().noneMatch(first.ids()::contains), "page 2 shows other notes");
      Browsers.screenshot(page, "plenary-1366-group-large-page-2");
      Axe.assertNoViolations(page);

      page.keyboard().press("Escape");
      assertThat(page.locator(".plenary-board:visible")).hasCount(2);
      assertThat(page.locator(".plenary-page:visible")).hasCount(0);
      page.waitForFunction(
          "() => [...document.querySelectorAll('.plenary-grid')].every((g) => !g.dataset.page"
              + " && g.dataset.fit !== 'overflow')");
      readable(page, ".plenary-board");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  private static void focus(WsClient moderator, String phase) {
    JsonObject answer =
        moderator.answer(moderator.op("board.focus", new JsonObject().put("phase", phase)));
    assertEquals("ack", answer.getString("type"), answer.encode());
  }

  @Test
  @DisplayName(
      "two boards of 66 notes with clusters at 1920x1080: every cluster shows by name and count in its "
          + "cell, the other notes whole or counted, nothing scrolls, no large empty area")
  void boardsWithClusters() {
    Api.Workshop clustered =
        SessionLoad.workshop("Plenaria gruppi", "Gruppo Affido", "Gruppo Comunità");
    List<String> names =
        List.of(
            "Ascolto del ragazzo",
            "Tempi lunghi",
            "Rete dei servizi",
            "Continuità",
            "Autonomia",
            "Formazione comune",
            "Fiducia negli adulti");
    int clusters = 0;
    for (int b = 0; b < 2; b++) {
      JsonObject board = clustered.board(b);
      List<String> ids = SessionLoad.post(board.getString("id"), board.getString("joinCode"), 66);
      try (WsClient moderator =
          WsClient.hello(
              TestApp.shared().port(),
              board.getString("id"),
              board.getString("moderatorKey"),
              null)) {
        List<String> lanes = new ArrayList<>(SessionLoad.CELLS.keySet());
        // The first group clustered every cell (two notes of three) and its improvements; the
        // second only a few.
        for (int cell = 0; cell < lanes.size(); cell += b == 0 ? 1 : 4) {
          JsonObject made =
              moderator.answer(
                  moderator.op(
                      "cluster.create",
                      new JsonObject()
                          .put("lane", lanes.get(cell))
                          .put("name", names.get(cell % names.size()))
                          .put("noteIds", new JsonArray().add(ids.get(cell * 3)))));
          assertEquals("ack", made.getString("type"), made.encode());
          JsonObject added =
              moderator.answer(
                  moderator.op(
                      "cluster.add",
                      new JsonObject()
                          .put("clusterId", made.getJsonObject("result").getString("clusterId"))
                          .put("noteIds", new JsonArray().add(ids.get(cell * 3 + 1)))));
          assertEquals("ack", added.getString("type"), added.encode());
          clusters++;
        }
        JsonObject made =
            moderator.answer(
                moderator.op(
                    "cluster.create",
                    new JsonObject()
                        .put("lane", "improvements")
                        .put("name", "Dopo i 18 anni")
                        .put(
                            "noteIds",
                            new JsonArray().add(ids.get(60)).add(ids.get(62)).add(ids.get(63)))));
        assertEquals("ack", made.getString("type"), made.encode());
        clusters++;
      }
    }
    List<String> errors = new ArrayList<>();
    try (BrowserContext screen = BoardOnScreen.screen(1920, 1080)) {
      Page page = screen.newPage();
      page.onPageError(errors::add);
      page.navigate(
          TestApp.api().base() + "/w/" + clustered.id() + "/plenary?k=" + clustered.organiserKey());
      assertThat(page.locator(".plenary-board .conn[data-state='online']")).hasCount(2);
      assertThat(page.locator(".plenary-grid .stack")).hasCount(clusters);
      page.waitForFunction(
          "() => [...document.querySelectorAll('.plenary-grid')].every((g) => g.dataset.summarised)");
      Browsers.screenshot(page, "plenary-1920-two-boards-clusters");
      assertThat(page.locator(".plenary-grid[data-fit='overflow']")).hasCount(0);
      assertEquals("", BoardOnScreen.overflow(page), "the plenary does not scroll");
      BoardOnScreen.Reading stacks = BoardOnScreen.read(page, ".plenary-grid .stack", 11);
      assertEquals(List.of(), stacks.problems());
      assertEquals(clusters, stacks.ids().size(), "every cluster is shown");
      assertThat(page.locator(".plenary-grid .stack").first()).containsText("2 note");
      assertEquals(List.of(), BoardOnScreen.read(page, ".plenary-grid .note", 11).problems());
      Locator cells = page.locator(".plenary-grid .cell");
      for (int i = 0; i < cells.count(); i++) {
        Locator cell = cells.nth(i);
        int notes = cell.locator(".note").count();
        int shownHere = cell.locator(".note:visible").count();
        assertTrue(
            shownHere == notes || shownHere == 0,
            cell.getAttribute("data-lane") + ": " + shownHere + " of " + notes);
        if (notes > 0 && shownHere == 0) {
          // Beside its clusters a counted cell says how many notes are in none; without clusters,
          // how many it has.
          boolean stacked = cell.locator(".stack").count() > 0;
          assertThat(cell.locator(".cell-summary")).isVisible();
          assertThat(cell.locator(".cell-summary"))
              .hasText(stacked ? "+" + notes + (notes == 1 ? " nota" : " note") : notes + " note");
        }
      }
      System.out.println(
          "plenary with clusters, notes shown whole: "
              + page.locator(".plenary-board .note:visible").count());
      assertEquals(List.of(), page.evaluate(ROOM_PROBLEMS));
      Browsers.screenshot(page, "plenary-1920-two-boards-clusters");
      Axe.assertNoSeriousViolations(page);
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "the page icon answers at /favicon.ico and at the address the pages link, so no page gets a 404")
  void favicon() {
    for (String path : List.of("/favicon.ico", "/static/favicon.svg")) {
      Api.Response icon = TestApp.api().get(path, null);
      assertEquals(200, icon.status(), path);
      assertTrue(icon.body().startsWith("<svg"), path);
    }
  }

  @Test
  @DisplayName(
      "axe finds nothing serious on the plenary at 360x640, 1366x768 and 1920x1080; on the laptop and the "
          + "projector no phase, column or count is cut, and the bars stay one row")
  void accessibleAtEverySize() {
    for (int[] size : new int[][] {{360, 640}, {1366, 768}, {1920, 1080}}) {
      List<String> errors = new ArrayList<>();
      try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
        Page page = plenary(screen, errors);
        Axe.assertNoViolations(page);
        if (size[0] > 1000) {
          String where = size[0] + "x" + size[1];
          for (String part : List.of(".col-head", ".row-head", ".cell-summary:not(:empty)")) {
            assertEquals(
                List.of(),
                BoardOnScreen.read(page, ".plenary-grid " + part, 12).problems(),
                part + " at " + where);
          }
          for (String bar : List.of(".topbar", ".plenary-head")) {
            // a bar wraps when one of its items starts below where another ends
            Object wraps =
                page.evaluate(
                    "sel => [...document.querySelectorAll(sel)].some((bar) => {"
                        + " const r = [...bar.children].filter((c) => c.getClientRects().length)"
                        + ".map((c) => c.getBoundingClientRect());"
                        + " return r.some((a) => r.some((b) => b.top >= a.bottom - 1)); })",
                    bar);
            assertEquals(Boolean.FALSE, wraps, bar + " wraps at " + where);
          }
        }
        Browsers.screenshot(page, "plenary-" + size[0] + "-two-boards");
        assertEquals(List.of(), errors, "no script errors");
      }
    }
  }
}
