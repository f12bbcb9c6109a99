package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName(
    "The projector fits the board: every note whole and readable, the focused phase large, pages past that")
class ProjectorFitTest {
  private static final String NOTES = "#grid .note";

  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  /** A board of the Italian session with `count` notes, and the moderator's socket. */
  private record Board(JsonObject json, String id, WsClient moderator, List<String> notes)
      implements AutoCloseable {
    static Board of(String title, int count) {
      Api.Workshop workshop = SessionLoad.workshop(title, "Gruppo A");
      JsonObject json = workshop.board(0);
      String id = json.getString("id");
      List<String> notes = SessionLoad.post(id, json.getString("joinCode"), count);
      return new Board(
          json,
          id,
          WsClient.hello(TestApp.shared().port(), id, json.getString("moderatorKey"), null),
          notes);
    }

    JsonObject send(String op, JsonObject data) {
      return moderator.answer(moderator.op(op, data));
    }

    void ack(String op, JsonObject data) {
      JsonObject answer = send(op, data);
      assertEquals("ack", answer.getString("type"), op + " " + answer.encode());
    }

    @Override
    public void close() {
      moderator.close();
    }
  }

  private static Page projector(BrowserContext context, Board board, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(board.json.getString("projectorUrl"));
    assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
    return page;
  }

  @Test
  @DisplayName(
      "66 notes at 1920x1080: each whole, on screen, uncovered, at 14px or more; a focused phase shows its "
          + "12 notes at 22px or more")
  void sessionFitsOneScreen() {
    List<String> errors = new ArrayList<>();
    try (Board board = Board.of("Proiettore 66", 66);
        BrowserContext screen = BoardOnScreen.screen(1920, 1080)) {
      Page page = projector(screen, board, errors);
      assertThat(page.locator(NOTES)).hasCount(66);
      Browsers.screenshot(page, "projector-1920-66-notes");
      assertThat(page.locator("#grid")).not().hasAttribute("data-fit", "overflow");
      BoardOnScreen.Reading all = BoardOnScreen.read(page, NOTES, 14);
      assertEquals(List.of(), all.problems());
      assertEquals(66, all.ids().size(), "every note is shown on one page");
      assertEquals(new HashSet<>(board.notes), new HashSet<>(all.ids()));
      assertThat(page.locator("#page-indicator")).isHidden();
      assertThat(page.locator(".cell-summary:visible")).hasCount(0);
      assertFalse(page.locator("#grid").innerText().contains("+"), "no +N stacks");
      assertEquals("", BoardOnScreen.overflow(page));
      Browsers.screenshot(page, "projector-1920-66-notes");

      board.ack("board.focus", new JsonObject().put("phase", "custody"));
      assertThat(page.locator("#focus-label")).containsText("Presa in carico");
      String focused = "#grid .cell[data-lane^='custody:'] .note";
      assertThat(page.locator(focused + ":visible")).hasCount(12);
      BoardOnScreen.Reading phase = BoardOnScreen.read(page, focused, 22);
      assertEquals(List.of(), phase.problems());
      assertEquals(12, phase.ids().size());
      assertThat(page.locator("#grid .cell[data-lane='leaving:issues'] .cell-summary"))
          .hasText("3 note");
      Browsers.screenshot(page, "projector-1920-focus-custody");

      board.ack("board.focus", new JsonObject().putNull("phase"));
      assertThat(page.locator(NOTES + ":visible")).hasCount(66);
      assertEquals(List.of(), BoardOnScreen.read(page, NOTES, 14).problems());
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  /**
   * On the page shown now: whether the grid, at 14px, still fits (every cell and the grid show all
   * they hold) with the given note shown as well (null: only what the page shows). The fitter's own
   * fitGrid lays the grid out, in the columns the pages were planned in; the answer is [the page
   * number shown, whether it fits].
   */
  private static final String FITS_WITH =
      """
      async ([noteId]) => {
        const { cellsOf, fitGrid } = await import('/static/js/proj/fit.js');
        const grid = document.querySelector('#grid');
        const page = grid.dataset.page;
        const extra = noteId && grid.querySelector(`.note[data-note-id="${noteId}"]`);
        if (extra) extra.hidden = false;
        // a paged board lays every page out in the columns it planned them in
        const columns = grid.dataset.columns ? [grid.dataset.columns] : null;
        const size = fitGrid(grid, cellsOf(grid), { min: 14, max: 14, columns });
        if (extra) extra.hidden = true;
        return [page, size != null];
      }""";

  /** Each cell's next waiting note: the first, in the cell's order, of the notes `ids`. */
  private static final String NEXT_IN_EACH_CELL =
      """
      (ids) => {
        const wanted = new Set(ids);
        return [...document.querySelectorAll('#grid .cell')].map((cell) => {
          const items = [...cell.querySelector('.cell-notes').children].filter((el) => !el.classList.contains('cell-summary'));
          return items.find((el) => wanted.has(el.dataset.noteId))?.dataset.noteId;
        }).filter(Boolean);
      }""";

  @Test
  @DisplayName(
      "200 notes do not fit at 14px: the projector pages through them, says so, every note is on exactly "
          + "one page, and every page is full (no cell's next waiting note would fit on it)")
  @SuppressWarnings("unchecked")
  void tooManyNotesPage() {
    List<String> errors = new ArrayList<>();
    try (Board board = Board.of("Proiettore 200", 200);
        BrowserContext screen = BoardOnScreen.screen(1920, 1080)) {
      Page page = projector(screen, board, errors);
      assertThat(page.locator(NOTES)).hasCount(200);
      assertThat(page.locator("#page-indicator")).isVisible();
      assertThat(page.locator("#page-indicator")).hasText(Pattern.compile("Pagina 1 di \\d+"));
      int pages = Integer.parseInt(page.locator("#grid").getAttribute("data-page").split("/")[1]);
      List<List<String>> onPage = new ArrayList<>();
      for (int p = 1; p <= pages; p++) {
        assertThat(page.locator("#grid")).hasAttribute("data-page", p + "/" + pages);
        assertThat(page.locator("#page-indicator"))
            .hasText(Pattern.compile("Pagina " + p + " di " + pages));
        BoardOnScreen.Reading reading = BoardOnScreen.read(page, NOTES, 14);
        assertEquals(List.of(), reading.problems(), "page " + p);
        onPage.add(reading.ids());
        if (p <= 2) {
          Browsers.screenshot(page, "projector-1920-200-notes-page-" + p);
        }
        page.keyboard().press("PageDown");
      }
      assertThat(page.locator("#grid")).hasAttribute("data-page", "1/" + pages);
      List<String> all = onPage.stream().flatMap(List::stream).toList();
      assertEquals(
          200,
          all.size(),
          "each note on exactly one page: " + onPage.stream().map(List::size).toList());
      assertEquals(new HashSet<>(board.notes), new HashSet<>(all), "every note appears on a page");
      int first = onPage.get(0).size();
      System.out.println(
          "projector pages of 200 notes: " + onPage.stream().map(List::size).toList());
      assertTrue(
          pages >= 2 && pages <= (200 + first - 1) / first + 1,
          pages + " pages of " + first + " at most");

      for (int p = 1; p < pages; p++) {
        assertThat(page.locator("#grid")).hasAttribute("data-page", p + "/" + pages);
        List<String> waiting = onPage.subList(p, pages).stream().flatMap(List::stream).toList();
        List<String> next = (List<String>) page.evaluate(NEXT_IN_EACH_CELL, waiting);
        assertFalse(next.isEmpty());
        List<Object> alone =
            (List<Object>) page.evaluate(FITS_WITH, Collections.singletonList(null));
        assertEquals(List.of(p + "/" + pages, true), alone, "page " + p + " fits at 14px as it is");
        for (String id : next) {
          List<Object> more = (List<Object>) page.evaluate(FITS_WITH, List.of(id));
          assertEquals(
              List.of(p + "/" + pages, false),
              more,
              "page " + p + " is full: " + id + ", its cell's next note, would not fit");
        }
        page.keyboard().press("PageDown");
      }
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a phase or a lane in the spotlight shows large; Shift+2 on the moderator page puts phase 2 there, "
          + "L the lane in focus; an unknown phase is refused")
  void spotlightPhaseAndLane() {
    List<String> errors = new ArrayList<>();
    try (Board board = Board.of("Proiettore evidenza", 66);
        BrowserContext screen = BoardOnScreen.screen(1920, 1080);
        BrowserContext laptop = BoardOnScreen.screen(1366, 768)) {
      Page page = projector(screen, board, errors);
      Page mod = laptop.newPage();
      mod.onPageError(errors::add);
      mod.navigate(board.json.getString("moderatorUrl"));
      assertThat(mod.locator("#conn")).hasAttribute("data-state", "online");
      mod.locator("body").press("Shift+Digit2");
      assertThat(page.locator("#spotlight")).isVisible();
      assertThat(page.locator("#spotlight .spot-title")).hasText("Presa in carico");
      assertThat(page.locator("#spotlight .note")).hasCount(12);
      BoardOnScreen.Reading spot = BoardOnScreen.read(page, "#spotlight .note", 22);
      assertEquals(List.of(), spot.problems());
      Browsers.screenshot(page, "projector-1920-spotlight-phase");
      mod.locator("body").press("Shift+Digit2");
      assertThat(page.locator("#spotlight")).isHidden();

      mod.locator("#grid .cell[data-lane='improvements'] button").first().focus();
      mod.keyboard().press("l");
      assertThat(page.locator("#spotlight .note")).hasCount(6);
      assertEquals(List.of(), BoardOnScreen.read(page, "#spotlight .note", 22).problems());
      mod.keyboard().press("x");
      assertThat(page.locator("#spotlight")).isHidden();

      JsonObject refused =
          board.send("board.settings", new JsonObject().put("spotlight", "phase:weather"));
      assertEquals("invalid", refused.getString("code"), refused.encode());
      refused = board.send("board.settings", new JsonObject().put("spotlight", "lane:custody"));
      assertEquals("invalid", refused.getString("code"), refused.encode());
      board.ack("board.settings", new JsonObject().put("spotlight", "lane:custody:issues"));
      assertThat(page.locator("#spotlight .note")).hasCount(3);
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "axe finds no violation of any impact on the projector at 360x640, 1366x768 and 1920x1080, and the "
          + "laptop screen fits too")
  void accessibleAtBothSizes() {
    try (Board board = Board.of("Proiettore axe", 66)) {
      for (int[] size : new int[][] {{360, 640}, {1366, 768}, {1920, 1080}}) {
        List<String> errors = new ArrayList<>();
        try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
          Page page = projector(screen, board, errors);
          assertThat(page.locator(NOTES)).hasCount(66);
          Browsers.screenshot(page, "projector-" + size[0] + "-66-notes");
          Axe.assertNoViolations(page);
          if (size[0] < 1000) {
            continue; // a phone is not a projector: only axe is asked of it
          }
          assertEquals(
              List.of(), BoardOnScreen.read(page, NOTES, 14).problems(), size[0] + "x" + size[1]);
          assertEquals("", BoardOnScreen.overflow(page), size[0] + "x" + size[1]);
          Browsers.screenshot(page, "projector-" + size[0] + "-66-notes");
          assertEquals(List.of(), errors, "no script errors");
        }
      }
    }
  }

  @Test
  @DisplayName(
      "on an old 4:3 projector (1024x768) and a 720p one, 66 notes are read whole at 14px or more, page by"
          + " page, with the join box beside them, and the page does not scroll")
  void olderProjectors() {
    try (Board board = Board.of("Proiettore vecchio", 66)) {
      for (int[] size : new int[][] {{1024, 768}, {1280, 720}}) {
        String where = size[0] + "x" + size[1];
        List<String> errors = new ArrayList<>();
        try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
          Page page = projector(screen, board, errors);
          assertThat(page.locator(NOTES)).hasCount(66);
          assertThat(page.locator("#join-box")).isVisible();
          assertThat(page.locator("#grid"))
              .hasAttribute("data-page", Pattern.compile("^\\d+/\\d+$"));
          Browsers.screenshot(page, "projector-" + where + "-66-notes");
          BoardOnScreen.Reading reading = BoardOnScreen.read(page, NOTES, 14);
          assertEquals(List.of(), reading.problems(), where);
          assertTrue(reading.ids().size() >= 10, "notes on the first page at " + where);
          assertEquals("", BoardOnScreen.overflow(page), where);
          assertEquals(List.of(), errors, "no script errors");
        }
      }
    }
  }

  @Test
  @DisplayName(
      "the widest join codes (WWWWWW, MMMMMM) stay inside the join box at 1366x768 and 1920x1080, and the page "
          + "does not scroll")
  void widestJoinCodeFits() {
    try (Board board = Board.of("Proiettore codice", 12)) {
      for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
        try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
          Page page = projector(screen, board, new ArrayList<>());
          assertThat(page.locator(NOTES)).hasCount(12);
          assertThat(page.locator("#join-box")).isVisible();
          for (String code : List.of("WWWWWW", "MMMMMM", "WQWQWQ")) {
            // The code shown is the board's; the widest letters of the alphabet stand in for it
            // here.
            page.evaluate(
                "code => { document.querySelector('#join-code').textContent = code; }", code);
            Object inside =
                page.evaluate(
                    "() => { const range = document.createRange();"
                        + " range.selectNodeContents(document.querySelector('#join-code'));"
                        + " const c = range.getBoundingClientRect();"
                        + " const b = document.querySelector('#join-box').getBoundingClientRect();"
                        + " return c.left >= b.left && c.right <= b.right && c.height < 1.6 * parseFloat("
                        + "getComputedStyle(document.querySelector('#join-code')).fontSize); }");
            assertEquals(Boolean.TRUE, inside, code + " at " + size[0] + "x" + size[1]);
            assertEquals("", BoardOnScreen.overflow(page), code + " at " + size[0] + "x" + size[1]);
          }
          Browsers.screenshot(page, "projector-" + size[0] + "-widest-code");
        }
      }
    }
  }

  /** Whether an element shows its whole text (nothing cut by an ellipsis) inside the window. */
  private static final String WHOLE =
      """
      (el) => {
        const r = el.getBoundingClientRect();
        const p = el.parentElement;
        const hit = document.elementFromPoint(r.right - 3, r.top + r.height / 2);
        return el.scrollWidth <= el.clientWidth + 1 && p.scrollWidth <= p.clientWidth + 1
          && r.left >= 0 && r.right <= innerWidth && r.width > 0 && (el === hit || el.contains(hit));
      }""";

  @Test
  @DisplayName(
      "with a long workshop title the bar still names the group and the stage whole at 1366x768 and "
          + "1920x1080 (the title gives way); a focused phase shows its notes at 18px or more at 1366x768")
  void barNamesTheGroupAndFocusIsLarge() {
    Api.Workshop workshop =
        SessionLoad.workshop(
            "Restituzione dei gruppi di lavoro del consultorio familiare di Bologna, seconda giornata",
            "Gruppo Comunità residenziali");
    JsonObject json = workshop.board(0);
    String id = json.getString("id");
    SessionLoad.post(id, json.getString("joinCode"), 66);
    List<String> errors = new ArrayList<>();
    try (Board board =
        new Board(
            json,
            id,
            WsClient.hello(TestApp.shared().port(), id, json.getString("moderatorKey"), null),
            List.of())) {
      board.ack("board.stage", new JsonObject().put("stage", "clustering"));
      for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
        String where = size[0] + "x" + size[1];
        try (BrowserContext screen = BoardOnScreen.screen(size[0], size[1])) {
          Page page = projector(screen, board, errors);
          assertThat(page.locator(NOTES)).hasCount(66);
          assertThat(page.locator("#stage")).hasText("Raggruppamento");
          Browsers.screenshot(page, "projector-" + size[0] + "-long-title");
          assertEquals(
              Boolean.TRUE,
              page.locator(".board-title > span").last().evaluate(WHOLE),
              "the group's name is whole at " + where);
          assertEquals(
              Boolean.TRUE, page.locator("#stage").evaluate(WHOLE), "the stage at " + where);
          assertThat(page.locator(".board-title > span").last())
              .hasText("Gruppo Comunità residenziali");
          Browsers.screenshot(page, "projector-" + size[0] + "-long-title");
          if (size[0] == 1366) {
            board.ack("board.focus", new JsonObject().put("phase", "removal"));
            String focused = "#grid .cell[data-lane^='removal:'] .note";
            assertThat(page.locator(focused + ":visible")).hasCount(12);
            page.waitForTimeout(300);
            BoardOnScreen.Reading phase = BoardOnScreen.read(page, focused, 18);
            assertEquals(List.of(), phase.problems(), "focus at " + where);
            assertEquals(
                Boolean.TRUE, page.locator("#stage").evaluate(WHOLE), "the stage beside the focus");
            assertEquals(
                Boolean.TRUE,
                page.locator(".board-title > span").last().evaluate(WHOLE),
                "the group's name beside the focus");
            Browsers.screenshot(page, "projector-1366-focus-removal");
            board.ack("board.focus", new JsonObject().putNull("phase"));
          }
          Axe.assertNoViolations(page);
          assertEquals(List.of(), BoardOnScreen.rawWords(page), where);
        }
      }
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
