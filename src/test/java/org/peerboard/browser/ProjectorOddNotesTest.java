package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName(
    "One note cannot stop the projector: any note the contract allows is shown, clipped or whole")
class ProjectorOddNotesTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  /** Notes a participant may post (at most 500 characters each) that are hard to lay out. */
  static Map<String, String> oddNotes() {
    Map<String, String> odd = new LinkedHashMap<>();
    odd.put("one word of 500 letters", "W".repeat(500));
    odd.put("250 lines", "x\n".repeat(250).strip());
    odd.put("marks stacked on letters", ("Z" + "\u0301\u0336\u0489".repeat(8)).repeat(20));
    odd.put("a right-to-left override", "\u202Eevil text that turns the rest around");
    odd.put("emoji and joiners", "👩\u200D👩\u200D👧\u200D👦 ".repeat(40));
    return odd;
  }

  @Test
  @DisplayName(
      "at 1280x720 the projector takes a word of 500 letters, 250 lines, stacked marks, an RTL override and "
          + "emoji in the improvements lane without a page error; every other note, and later ones, still show")
  void oddNotesInTheImprovementsLane() {
    Api.Workshop workshop = SessionLoad.workshop("Proiettore note strane", "Gruppo A");
    JsonObject board = workshop.board(0);
    String id = board.getString("id");
    List<String> ordinary = SessionLoad.post(id, board.getString("joinCode"), 30);
    List<String> errors = new ArrayList<>();
    try (WsClient participant =
            WsClient.hello(
                TestApp.shared().port(),
                id,
                TestApp.api().join(board.getString("joinCode"), "Ospite").token(),
                null);
        WsClient moderator =
            WsClient.hello(TestApp.shared().port(), id, board.getString("moderatorKey"), null);
        BrowserContext screen = BoardOnScreen.screen(1280, 720)) {
      Page page = screen.newPage();
      page.onPageError(error -> errors.add(error));
      page.navigate(board.getString("projectorUrl"));
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      assertThat(page.locator("#grid .note")).hasCount(30);

      Map<String, String> odd = new LinkedHashMap<>();
      for (Map.Entry<String, String> note : oddNotes().entrySet()) {
        JsonObject answer =
            participant.answer(
                participant.op(
                    "note.add",
                    new JsonObject()
                        .put("lane", "improvements")
                        .put("text", note.getValue())
                        .put("tags", new JsonArray())));
        assertEquals("ack", answer.getString("type"), note.getKey() + ": " + answer.encode());
        odd.put(answer.getJsonObject("result").getString("noteId"), note.getKey());
      }
      // later notes from anyone still arrive and show
      List<String> later = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        JsonObject answer =
            moderator.answer(
                moderator.op(
                    "note.add",
                    new JsonObject()
                        .put("lane", "custody:issues")
                        .put("text", "Una nota arrivata dopo quelle strane, numero " + (i + 1))));
        later.add(answer.getJsonObject("result").getString("noteId"));
      }
      assertThat(page.locator("#grid .note")).hasCount(30 + odd.size() + later.size());
      page.waitForTimeout(500);
      Browsers.screenshot(page, "projector-1280-odd-notes");

      Set<String> shown = new HashSet<>();
      int pages = Integer.parseInt(page.locator("#grid").getAttribute("data-page").split("/")[1]);
      for (int p = 1; p <= pages; p++) {
        assertThat(page.locator("#grid")).hasAttribute("data-page", p + "/" + pages);
        Browsers.screenshot(page, "projector-1280-odd-notes-page-" + p);
        BoardOnScreen.Reading reading = BoardOnScreen.read(page, "#grid .note", 14);
        // the odd notes may be clipped inside their own card; everything else is whole
        List<String> problems =
            reading.problems().stream()
                .filter(problem -> odd.keySet().stream().noneMatch(problem::startsWith))
                .toList();
        assertEquals(List.of(), problems, "page " + p);
        shown.addAll(reading.ids());
        page.keyboard().press("PageDown");
      }
      Set<String> expected = new HashSet<>(ordinary);
      expected.addAll(later);
      expected.addAll(odd.keySet());
      assertEquals(expected, shown, "every note is on a page");

      Object cards =
          page.evaluate(
              """
              (ids) => ids.map((id) => {
                const note = document.querySelector(`#grid .note[data-note-id="${id}"]`);
                const cell = note.closest('.cell').getBoundingClientRect();
                note.closest('.cell-notes').querySelectorAll('.note').forEach((n) => { n.hidden = n !== note; });
                const r = note.getBoundingClientRect();
                return r.left >= cell.left - 0.5 && r.right <= cell.right + 0.5 && r.height <= 14 * 1.25 * 13 + 40;
              })""",
              new ArrayList<>(odd.keySet()));
      assertEquals(
          odd.values().stream().map(k -> true).toList(),
          cards,
          "each odd note stays inside its cell's width and at most twelve lines tall: "
              + odd.values());
      page.reload();
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");

      String lines =
          odd.entrySet().stream()
              .filter(e -> e.getValue().equals("250 lines"))
              .findFirst()
              .orElseThrow()
              .getKey();
      JsonObject spot =
          moderator.answer(
              moderator.op("board.settings", new JsonObject().put("spotlight", lines)));
      assertEquals("ack", spot.getString("type"), spot.encode());
      assertThat(page.locator("#spotlight .note")).hasCount(1);
      page.waitForTimeout(300);
      Browsers.screenshot(page, "projector-1280-spotlight-250-lines");
      Object whole =
          page.evaluate(
              """
              () => {
                const note = document.querySelector('#spotlight .note');
                const box = document.querySelector('#spotlight').getBoundingClientRect();
                const rects = [...note.querySelector('.note-text').getClientRects()];
                const inside = rects.every((r) => r.left >= box.left && r.right <= box.right + 0.5
                  && r.top >= box.top && r.bottom <= box.bottom + 0.5);
                const range = document.createRange();
                range.selectNodeContents(note.querySelector('.note-text'));
                const lines = new Set([...range.getClientRects()].map((r) => `${Math.round(r.left)}:${Math.round(r.top)}`));
                return [inside, lines.size >= 250, parseFloat(getComputedStyle(note).fontSize) >= 14];
              }""");
      assertEquals(List.of(true, true, true), whole, "the spotlight shows the 250 lines whole");
      assertEquals(List.of(), BoardOnScreen.rawWords(page), "no null, undefined, NaN or raw key");
      assertEquals(List.of(), errors, "no page error");
    }
  }

  @Test
  @DisplayName(
      "a single note in the spotlight shows its text and nothing else: no 'null', 'undefined' or 'NaN'")
  void singleNoteSpotlight() {
    Api.Workshop workshop = SessionLoad.workshop("Proiettore una nota", "Gruppo A");
    JsonObject board = workshop.board(0);
    String id = board.getString("id");
    List<String> notes = SessionLoad.post(id, board.getString("joinCode"), 12);
    List<String> errors = new ArrayList<>();
    try (WsClient moderator =
            WsClient.hello(TestApp.shared().port(), id, board.getString("moderatorKey"), null);
        BrowserContext screen = BoardOnScreen.screen(1366, 768)) {
      Page page = screen.newPage();
      page.onPageError(error -> errors.add(error));
      page.navigate(board.getString("projectorUrl"));
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      JsonObject spot =
          moderator.answer(
              moderator.op("board.settings", new JsonObject().put("spotlight", notes.get(4))));
      assertEquals("ack", spot.getString("type"), spot.encode());
      assertThat(page.locator("#spotlight .note")).hasCount(1);
      Browsers.screenshot(page, "projector-1366-spotlight-note");
      assertEquals(List.of(), BoardOnScreen.rawWords(page), "no null, undefined, NaN or raw key");
      assertEquals(List.of(), BoardOnScreen.read(page, "#spotlight .note", 22).problems(), "large");
      assertTrue(
          page.locator("#spotlight")
              .innerText()
              .contains(SessionLoad.session().get(4).getString("text")));
      assertEquals(List.of(), errors, "no page error");
    }
  }
}
