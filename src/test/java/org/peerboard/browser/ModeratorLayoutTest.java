package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("The moderator page on a laptop")
class ModeratorLayoutTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  /**
   * The notes whose card lies whole inside the window, is not covered, with text of at least 12 px.
   */
  private static final String READABLE_NOTES =
      """
      () => [...document.querySelectorAll('#grid .mod-note')].filter((note) => {
        const r = note.getBoundingClientRect();
        if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
        const text = note.querySelector('.note-text');
        if (parseFloat(getComputedStyle(text).fontSize) < 12) return false;
        if (text.scrollHeight > text.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1) return false;
        const t = text.getBoundingClientRect();
        const points = [[t.left + 2, t.top + 2], [t.right - 2, t.top + 2], [t.left + 2, t.bottom - 2],
          [t.right - 2, t.bottom - 2], [t.left + t.width / 2, t.top + t.height / 2]];
        return points.every(([x, y]) => note.contains(document.elementFromPoint(x, y)));
      }).length""";

  /** Labels of the controls and the grid whose text does not fit their box. */
  private static final String CLIPPED_LABELS =
      """
      () => [...document.querySelectorAll(`#mod-bar button, #mod-bar label, .cluster-bar button, .cluster-bar label,
          .cluster-bar .selection, .col-head, .row-head, .cell-tools button, .board-title, .mod-panel:not([hidden]) button`)]
        .filter((el) => el.offsetParent !== null
          && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
        .map((el) => el.textContent.trim())""";

  /** A word written twice in a row on one line anywhere on the page ("Gruppo Gruppo"). */
  private static final String DOUBLED_WORDS =
      """
      () => (document.body.innerText.match(/(^|[^\\p{L}])(\\p{L}{2,})[ \\u00a0]+\\2(?![\\p{L}])/gimu) || [])""";

  private static BrowserContext laptop(int width, int height) {
    return Browsers.chromium()
        .newContext(
            new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-GB"));
  }

  private static Page open(BrowserContext context, String url, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(url);
    assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
    return page;
  }

  private static Locator button(Locator within, String name) {
    return within.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
  }

  private static Locator note(Page page, String text) {
    return page.locator("#grid .mod-note").filter(new Locator.FilterOptions().setHasText(text));
  }

  @Test
  @DisplayName(
      "at 1366x768 a 66-note board comes first: a dozen notes readable without scrolling, nothing clipped")
  void boardFirst() {
    JsonObject board = api.workshop("Sessione peer to peer", "Gruppo Affido").board(0);
    List<String> texts = ModeratorLoad.post(board);
    assertEquals(66, texts.size());
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = laptop(1366, 768)) {
      Page page = open(context, board.getString("moderatorUrl"), errors);
      assertThat(page.locator("#grid .mod-note")).hasCount(66);

      note(page, "Scuola e pediatra").locator(".select-note").click();
      note(page, "Forze dell'ordine intervengono").locator(".select-note").click();
      assertThat(page.locator("#selection-summary")).hasText("2 notes and 0 clusters selected.");
      assertTrue(
          ((Number) page.evaluate("document.getElementById('cluster-bar').offsetHeight")).intValue()
              <= 45,
          "the clustering toolbar is one row");
      int readable = ((Number) page.evaluate(READABLE_NOTES)).intValue();
      System.out.println("notes readable in the first screen at 1366x768: " + readable);
      assertTrue(readable >= 12, "notes readable in the first screen: " + readable);
      assertTrue(
          ((Number) page.evaluate("document.getElementById('mod-bar').offsetHeight")).intValue()
              <= 50,
          "the control bar is one row");
      assertEquals(List.of(), page.evaluate(CLIPPED_LABELS), "clipped labels at 1366x768");
      assertEquals(List.of(), page.evaluate(DOUBLED_WORDS), "doubled words");
      Browsers.screenshot(page, "moderator-1366x768");

      // the column headers stay in view under the sticky toolbar while the board scrolls
      page.mouse().wheel(0, 900);
      page.waitForFunction("() => scrollY >= 600");
      JsonObject heads =
          new JsonObject(
              (Map<String, Object>)
                  page.evaluate(
                      """
          () => {
            const bar = document.getElementById('cluster-bar').getBoundingClientRect();
            const head = document.querySelector('.col-head').getBoundingClientRect();
            const on = document.elementFromPoint(head.left + head.width / 2, head.top + head.height / 2);
            return { barBottom: bar.bottom, headTop: head.top, headBottom: head.bottom,
              seen: on?.closest('.col-head') != null };
          }"""));
      assertTrue(
          heads.getDouble("headTop") >= heads.getDouble("barBottom") - 1,
          "the toolbar does not cover the headers: " + heads);
      assertTrue(heads.getDouble("headBottom") < 200, "the headers stay at the top: " + heads);
      assertTrue(heads.getBoolean("seen"), "the headers are not covered: " + heads);
      Browsers.screenshot(page, "moderator-1366x768-scrolled");

      page.navigate(page.url().replaceAll("[?#].*$", "") + "?lang=it");
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      assertThat(page.locator("#grid .mod-note")).hasCount(66);
      // with approval on (its count shows in the bar) and two notes selected, bar and toolbar still
      // take one row each
      page.locator("#bar-notes").click();
      page.locator("[data-setting='approveNotes']").check();
      page.locator("#bar-notes").click();
      assertThat(page.locator("#bar-queue")).isVisible();
      note(page, "Scuola e pediatra").locator(".select-note").click();
      note(page, "Forze dell'ordine intervengono").locator(".select-note").click();
      assertThat(page.locator("#selection-summary")).hasText("Selezione: 2 note e 0 temi.");
      Browsers.screenshot(page, "moderator-1366x768-it");
      assertTrue(
          ((Number) page.evaluate("document.getElementById('cluster-bar').offsetHeight")).intValue()
              <= 45,
          "the Italian clustering toolbar is one row");
      assertTrue(
          ((Number) page.evaluate(READABLE_NOTES)).intValue() >= 12,
          "notes readable in Italian too");
      assertTrue(
          ((Number) page.evaluate("document.getElementById('mod-bar').offsetHeight")).intValue()
              <= 50,
          "the Italian control bar is one row");
      assertEquals(
          List.of(), page.evaluate(CLIPPED_LABELS), "clipped labels in Italian at 1366x768");
      assertEquals(List.of(), page.evaluate(DOUBLED_WORDS), "doubled words in Italian");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "dragging a note to the bottom edge scrolls the page, and the drag selects no text, wheel or not")
  void dragScrolls() {
    JsonObject board = api.workshop("Drag", "Group A").board(0);
    ModeratorLoad.post(board);
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = laptop(1366, 768)) {
      Page page = open(context, board.getString("moderatorUrl"), errors);
      assertThat(page.locator("#grid .mod-note")).hasCount(66);
      assertEquals(0, ((Number) page.evaluate("scrollY")).intValue());
      BoundingBox from = note(page, "Scuola e pediatra").locator(".note-text").boundingBox();
      Mouse mouse = page.mouse();
      mouse.move(from.x + 10, from.y + from.height / 2);
      mouse.down();
      mouse.move(from.x + 40, from.y + from.height / 2 + 20, new Mouse.MoveOptions().setSteps(4));
      mouse.move(from.x + 60, 760, new Mouse.MoveOptions().setSteps(10));
      page.waitForFunction("() => scrollY > 300");
      mouse.wheel(0, 400);
      page.waitForFunction("() => scrollY > 700");
      assertEquals(
          "",
          page.evaluate("getSelection().toString()"),
          "no text selected during the drag, wheel included");
      assertEquals(
          "none",
          page.evaluate("getComputedStyle(document.querySelector('#grid .note-text')).userSelect"),
          "text cannot be selected while a drag is on");
      // back into the middle of the window, over no note (the gap right of the grid's last column),
      // and drop
      mouse.move(1362, 400, new Mouse.MoveOptions().setSteps(4));
      mouse.up();
      assertTrue(
          ((Number) page.evaluate("scrollY")).intValue() > 700, "the page scrolled while dragging");
      assertEquals("", page.evaluate("getSelection().toString()"), "no text selected by the drag");
      assertEquals(
          "auto",
          page.evaluate("getComputedStyle(document.querySelector('#grid .note-text')).userSelect"),
          "after the drag, note text can be selected and copied again");
      assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName("a note's actions sit behind one menu button that works with the keyboard alone")
  void noteMenu() {
    JsonObject board = api.workshop("Menu", "Group A").board(0);
    Api.Participant anna = api.join(board.getString("joinCode"), "Anna");
    try (WsClient ws =
        WsClient.hello(TestApp.shared().port(), anna.boardId(), anna.token(), null)) {
      for (String text :
          List.of(
              "Tempi lunghi per la prima visita del neuropsichiatra",
              "Il curatore speciale arriva quando il decreto è già scritto")) {
        assertEquals(
            "ack",
            ws.answer(
                    ws.op(
                        "note.add",
                        new JsonObject()
                            .put("lane", "custody:issues")
                            .put("text", text)
                            .put("tags", new JsonArray())))
                .getString("type"));
      }
    }
    List<String> errors = new ArrayList<>();
    try (BrowserContext context = laptop(1366, 768);
        BrowserContext wall = Browsers.screen()) {
      Page page = open(context, board.getString("moderatorUrl"), errors);
      Page projector = open(wall, board.getString("projectorUrl"), errors);
      Locator first = note(page, "Tempi lunghi");
      assertThat(first.getByRole(AriaRole.BUTTON))
          .hasCount(2); // its select toggle and its menu button
      assertThat(first.locator(".note-actions")).hasCount(0);
      Locator menuButton = first.locator(".note-menu-button");
      assertThat(menuButton).hasAttribute("aria-haspopup", "menu");
      assertThat(menuButton).hasAttribute("aria-expanded", "false");
      Locator menu = page.getByRole(AriaRole.MENU);

      // Enter opens it on the first action; arrows wrap; Escape closes and the focus goes back
      menuButton.focus();
      page.keyboard().press("Enter");
      assertThat(menu).isVisible();
      assertThat(menuButton).hasAttribute("aria-expanded", "true");
      assertThat(menu.getByRole(AriaRole.MENUITEM).first()).isFocused();
      assertThat(menu.getByRole(AriaRole.MENUITEM))
          .hasText(
              new String[] {
                "Edit",
                "Hide",
                "Redact",
                "New cluster with this note…",
                "Show in the spotlight",
                "Delete"
              });
      page.keyboard().press("ArrowUp");
      assertThat(menu.getByRole(AriaRole.MENUITEM).last()).isFocused();
      page.keyboard().press("ArrowDown");
      assertThat(menu.getByRole(AriaRole.MENUITEM).first()).isFocused();
      page.keyboard().press("Escape");
      assertThat(menu).isHidden();
      assertThat(menuButton).isFocused();
      assertThat(menuButton).hasAttribute("aria-expanded", "false");
      assertThat(page.locator("#selection-summary")).hasText("Nothing selected.");

      // ArrowDown opens it too; Hide through the menu takes the note off the projector
      assertThat(projector.locator("#grid")).containsText("Tempi lunghi");
      page.keyboard().press("ArrowDown");
      assertThat(menu.getByRole(AriaRole.MENUITEM).first()).isFocused();
      page.keyboard().press("ArrowDown");
      assertThat(menu.getByRole(AriaRole.MENUITEM).nth(1)).isFocused();
      page.keyboard().press("Enter");
      assertThat(menu).isHidden();
      assertThat(first.locator(".badge-hidden")).hasText("Hidden by the moderator");
      assertThat(projector.locator("#grid")).not().containsText("Tempi lunghi");
      assertThat(first.locator(".note-menu-button")).isFocused();

      // Space opens it; Edit through the menu changes the text everywhere
      page.keyboard().press(" ");
      assertThat(menu.getByRole(AriaRole.MENUITEM).first()).isFocused();
      assertThat(menu.getByRole(AriaRole.MENUITEM).nth(1)).hasText("Show again");
      Locator second = note(page, "Il curatore speciale");
      second.locator(".note-menu-button").focus();
      page.keyboard().press(" ");
      assertThat(menuButton).hasAttribute("aria-expanded", "false");
      page.keyboard().press("Enter");
      assertThat(page.getByLabel("Note text")).isFocused();
      page.getByLabel("Note text").fill("Il curatore speciale arriva tardi, a decreto già scritto");
      button(page.locator("#editor"), "Save").click();
      assertThat(second).containsText("a decreto già scritto");
      assertThat(projector.locator("#grid")).containsText("a decreto già scritto");
      assertThat(second.locator(".note-menu-button")).isFocused();

      // a click elsewhere closes it; Delete asks first
      second.locator(".note-menu-button").click();
      assertThat(menu).isVisible();
      page.locator(".board-title").click();
      assertThat(menu).isHidden();
      second.locator(".note-menu-button").click();
      menu.getByRole(AriaRole.MENUITEM, new Locator.GetByRoleOptions().setName("Delete")).click();
      button(page.getByRole(AriaRole.DIALOG), "Yes, delete").click();
      assertThat(second).hasCount(0);
      assertThat(projector.locator("#grid")).not().containsText("Il curatore speciale");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "notes held for approval wait in one queue with a count; approve one, approve all, hide one")
  void approvalQueue() {
    JsonObject board = api.workshop("Approval", "Group A").board(0);
    List<String> errors = new ArrayList<>();
    Api.Participant anna = api.join(board.getString("joinCode"), "Anna");
    Api.Participant bruno = api.join(board.getString("joinCode"), "Bruno");
    Api.Participant carla = api.join(board.getString("joinCode"), "Carla");
    try (BrowserContext context = laptop(1366, 768);
        BrowserContext wall = Browsers.screen()) {
      Page page = open(context, board.getString("moderatorUrl"), errors);
      Page projector = open(wall, board.getString("projectorUrl"), errors);
      assertThat(page.locator("#bar-queue")).isHidden();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notes").setExact(true))
          .click();
      page.getByLabel("Approve notes before showing them").check();
      Locator bar = page.locator("#bar-queue");
      assertThat(bar).isVisible();
      assertThat(page.locator("#queue-count")).hasText("0");

      post(
          anna, "leaving:resources", "Un appartamento ponte per i primi sei mesi dopo la comunità");
      post(
          bruno,
          "leaving:issues",
          "Nessuno spiega ai ragazzi come chiedere il prosieguo amministrativo");
      assertThat(page.locator("#queue-count")).hasText("2");
      assertThat(bar).hasAttribute("aria-label", "To approve: 2 notes");
      bar.click();
      Locator queue = page.locator("#queue");
      assertThat(queue.locator(".queue-item")).hasCount(2);
      assertThat(page.locator("#queue-summary"))
          .hasText(Pattern.compile("^2 notes wait for approval"));
      assertThat(projector.locator("#grid")).not().containsText("appartamento ponte");
      Axe.assertNoSeriousViolations(page);
      Browsers.screenshot(page, "moderator-queue-1366x768");

      button(queue, "Approve: Un appartamento ponte per i primi sei mesi dopo la comunità").click();
      assertThat(page.locator("#queue-count")).hasText("1");
      assertThat(page.locator("#queue-summary"))
          .hasText(Pattern.compile("^1 note waits for approval"));
      assertThat(projector.locator("#grid")).containsText("appartamento ponte");
      assertThat(projector.locator("#grid")).not().containsText("prosieguo amministrativo");

      button(page.locator("#panel-queue"), "Approve the 1 note").click();
      assertThat(page.locator("#queue-count")).hasText("0");
      assertThat(page.locator("#queue-summary")).hasText("No note is waiting for approval.");
      assertThat(projector.locator("#grid")).containsText("prosieguo amministrativo");
      String seenByCarla = api.get("/api/boards/" + board.getString("id"), carla.token()).body();
      assertTrue(
          seenByCarla.contains("appartamento ponte")
              && seenByCarla.contains("prosieguo amministrativo"),
          "participants see the approved notes");

      // hide: the note leaves the queue and stays off the board, also after a reload
      post(
          carla,
          "leaving:actors",
          "Il nome e il cognome della ragazza di cui parlavamo prima, per intero");
      post(
          anna,
          "path:issues",
          "Gli incontri con la famiglia saltano se manca l'educatore accompagnatore");
      assertThat(page.locator("#queue-count")).hasText("2");
      assertThat(button(page.locator("#panel-queue"), "Approve all 2")).isVisible();
      button(
              queue
                  .locator(".queue-item")
                  .filter(new Locator.FilterOptions().setHasText("Il nome e il cognome")),
              "Hide: Il nome e il cognome della ragazza di cui parlavamo prima, per intero")
          .click();
      assertThat(page.locator("#queue-count")).hasText("1");
      Locator hidden = note(page, "Il nome e il cognome");
      assertThat(hidden.locator(".badge-hidden")).hasText("Hidden by the moderator");
      assertThat(hidden.locator(".badge-held")).hasCount(0);
      page.reload();
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      assertThat(page.locator("#queue-count")).hasText("1");
      assertThat(projector.locator("#grid")).not().containsText("Il nome e il cognome");
      String seenByBruno = api.get("/api/boards/" + board.getString("id"), bruno.token()).body();
      assertFalse(
          seenByBruno.contains("Il nome e il cognome"),
          "a hidden note stays away from participants");
      assertFalse(
          seenByBruno.contains("Gli incontri con la famiglia"),
          "a held note stays away from participants");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  private static void post(Api.Participant person, String lane, String text) {
    try (WsClient ws =
        WsClient.hello(TestApp.shared().port(), person.boardId(), person.token(), null)) {
      assertEquals(
          "ack",
          ws.answer(
                  ws.op(
                      "note.add",
                      new JsonObject()
                          .put("lane", lane)
                          .put("text", text)
                          .put("tags", new JsonArray())))
              .getString("type"));
    }
  }

  @Test
  @DisplayName(
      "with 66 notes the page passes axe at 1366x768 and 1920x1080, and stays usable on a 360 px phone")
  void sizes() {
    JsonObject board = api.workshop("Sizes", "Group A").board(0);
    ModeratorLoad.post(board);
    List<String> errors = new ArrayList<>();
    for (int[] size : new int[][] {{1366, 768}, {1920, 1080}}) {
      try (BrowserContext context = laptop(size[0], size[1])) {
        Page page = open(context, board.getString("moderatorUrl"), errors);
        assertThat(page.locator("#grid .mod-note")).hasCount(66);
        assertEquals(List.of(), page.evaluate(CLIPPED_LABELS), "clipped labels at " + size[0]);
        if (size[0] == 1920) {
          int readable = ((Number) page.evaluate(READABLE_NOTES)).intValue();
          System.out.println("notes readable in the first screen at 1920x1080: " + readable);
          assertTrue(readable >= 24, "a full screen shows more notes: " + readable);
          Browsers.screenshot(page, "moderator-1920x1080");
        }
        Axe.assertNoSeriousViolations(page);
        note(page, "Scuola e pediatra").locator(".note-menu-button").click();
        assertThat(page.getByRole(AriaRole.MENU)).isVisible();
        Axe.assertNoSeriousViolations(page);
        page.keyboard().press("Escape");
        for (String panel :
            List.of(
                "#bar-stage",
                "#bar-timer",
                "#bar-notes",
                "#bar-projector",
                "#bar-votes",
                "#bar-people",
                "#bar-links")) {
          page.locator(panel).click();
          assertThat(page.locator(panel)).hasAttribute("aria-expanded", "true");
          assertThat(page.locator("#" + page.locator(panel).getAttribute("aria-controls")))
              .isVisible();
          assertEquals(
              List.of(),
              page.evaluate(CLIPPED_LABELS),
              "clipped labels with " + panel + " open at " + size[0]);
          if (size[0] == 1366) {
            Axe.assertNoSeriousViolations(page);
          }
        }
        page.getByLabel("Focused phase").selectOption("custody");
        assertThat(page.locator(".row-head[data-phase='custody']"))
            .hasClass(Pattern.compile("is-focus"));
        assertThat(page.locator(".cell.is-focus")).hasCount(4);
        page.getByLabel("Focused phase").selectOption("");
        assertThat(page.locator(".cell.is-focus")).hasCount(0);
        // Escape in a panel closes it and gives the focus back to its button
        page.locator("#panel-links a").first().focus();
        page.keyboard().press("Escape");
        assertThat(page.locator("#panel-links")).isHidden();
        assertThat(page.locator("#bar-links")).isFocused();
        assertThat(page.locator("#bar-links")).hasAttribute("aria-expanded", "false");
      }
    }
    try (BrowserContext mobile = Browsers.phone()) {
      Page page = open(mobile, board.getString("moderatorUrl"), errors);
      assertThat(page.locator("#grid .mod-note")).hasCount(66);
      assertTrue(
          ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue() <= 360,
          "no sideways scrolling on a phone");
      assertTrue(
          ((Number) page.evaluate(READABLE_NOTES)).intValue() >= 1,
          "a note is readable in the first screen");
      Browsers.screenshot(page, "moderator-360x640");
      Axe.assertNoSeriousViolations(page);
    }
    assertEquals(List.of(), errors, "no script errors");
  }
}
