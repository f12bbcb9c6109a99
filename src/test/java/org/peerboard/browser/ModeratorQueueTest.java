package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * The moderator's page in a real session (twelve people, 66 notes, approval on with notes waiting,
 * a rating round and a dots round): the queue, the bar, and axe at every size in both languages.
 */
@DisplayName("The moderator reads held notes oldest first, whole, beside their buttons")
class ModeratorQueueTest {
  private static final int[][] SIZES = {{360, 640}, {1366, 768}, {1920, 1080}};

  /** Held notes, in the order they are written: one names a person, and is read first. */
  private static final List<String> HELD =
      List.of(
          "Marco R. della comunità di via Roma ha detto che il ragazzo è scappato due volte",
          "I colloqui con la famiglia d'origine dovrebbero avere sempre un educatore presente",
          "Un gruppo di ascolto per i fratelli rimasti a casa dopo l'allontanamento",
          "Servirebbe un protocollo per il passaggio di consegne tra comunità e affido",
          "Il ragazzo dovrebbe poter leggere la relazione che lo riguarda, spiegata da qualcuno");

  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static BrowserContext sized(int width, int height) {
    Browser.NewContextOptions options =
        new Browser.NewContextOptions().setViewportSize(width, height).setLocale("it-IT");
    if (width < 500) {
      options.setIsMobile(true).setHasTouch(true);
    }
    return Browsers.chromium().newContext(options);
  }

  private static LoadedBoard session() {
    LoadedBoard board = new LoadedBoard("it", "Percorsi di tutela, Prato", "Gruppo 1");
    SessionLoad.post(board.id, board.code, 66);
    board.ack("board.settings", new JsonObject().put("approveNotes", true));
    Api.Participant writer = board.api.join(board.code, "Persona 13");
    try (WsClient ws = WsClient.hello(TestApp.shared().port(), board.id, writer.token(), null)) {
      for (String text : HELD) {
        JsonObject answer =
            ws.answer(
                ws.op(
                    "note.add",
                    new JsonObject()
                        .put("lane", "removal:issues")
                        .put("text", text)
                        .put("tags", new JsonArray())));
        assertEquals("ack", answer.getString("type"), answer.encode());
      }
    }
    board.ack(
        "vote.open",
        new JsonObject()
            .put("kind", "rating")
            .put("criteria", new JsonArray().add("feasibility").add("sustainability")));
    return board;
  }

  private static final String ITEMS =
      """
      () => [...document.querySelectorAll('#queue .queue-item')].map((item) => {
        const text = item.querySelector('.queue-text');
        const t = text.getBoundingClientRect();
        const buttons = [...item.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
        return {
          text: text.textContent,
          whole: text.scrollHeight <= text.clientHeight + 1 && text.scrollWidth <= text.clientWidth + 1,
          beside: buttons.every((b) => b.left >= t.right - 1 && b.top < t.bottom && b.bottom > t.top),
        };
      })""";

  @Test
  @DisplayName(
      "the queue lists held notes oldest first, each whole beside Approve and Hide; the bar keeps"
          + " one row at 1366 with approval on; axe finds nothing at three sizes in Italian and English")
  @SuppressWarnings("unchecked")
  void queue() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board = session()) {
      for (int[] size : SIZES) {
        for (String lang : List.of("it", "en")) {
          String tag = size[0] + "x" + size[1] + "-" + lang;
          try (BrowserContext context = sized(size[0], size[1])) {
            Page page = context.newPage();
            page.onPageError(errors::add);
            page.navigate(board.board.getString("moderatorUrl"));
            page.navigate(page.url().replaceAll("[?#].*$", "") + "?lang=" + lang);
            assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
            assertThat(page.locator("#queue-count")).hasText("5");
            Axe.assertNoViolations(page);
            if (size[0] == 1366) {
              assertTrue(
                  ((Number) page.evaluate("document.getElementById('mod-bar').offsetHeight"))
                          .intValue()
                      <= 50,
                  "the control bar is one row with approval on (" + tag + ")");
            }
            page.locator("#bar-queue").click();
            assertThat(page.locator("#queue .queue-item")).hasCount(5);
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.evaluate(ITEMS);
            assertEquals(
                HELD, items.stream().map(i -> i.get("text")).toList(), "oldest first: " + tag);
            if (size[0] > 500) {
              for (Map<String, Object> item : items) {
                assertEquals(true, item.get("whole"), "shown whole: " + item);
                assertEquals(true, item.get("beside"), "beside its buttons: " + item);
              }
            }
            Locator first = page.locator("#queue .queue-item").first();
            assertEquals(List.of(), InView.problems(page, "#queue .queue-item .queue-text"));
            assertEquals(List.of(), InView.problems(page, "#queue .queue-item .queue-actions"));
            assertThat(first).containsText("Marco R.");
            Browsers.screenshot(page, "moderator-queue-" + tag);
            Axe.assertNoViolations(page);
            page.locator("#bar-votes").click();
            assertThat(page.locator("#vote-panel")).isVisible();
            Axe.assertNoViolations(page);
          }
        }
      }
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
