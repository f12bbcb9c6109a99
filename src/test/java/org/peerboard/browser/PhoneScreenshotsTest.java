package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

/**
 * The phone's screens with an Italian session's load (42 notes of 40-110 characters, a timer
 * running, the phone offline, a ballot, rating results, a closed board), at 360x640 and on a laptop
 * and a big screen, kept under target/screenshots for a person to look at; axe checks each.
 */
@DisplayName("The phone's screens under a real session's load")
class PhoneScreenshotsTest {
  private static final int[][] SIZES = {{360, 640}, {1366, 768}, {1920, 1080}};

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

  /**
   * Texts cut by their box: elements that hide overflow, and select options wider than their
   * select.
   */
  static final String CLIPPED =
      """
      () => {
        const clipped = [];
        const ruler = document.createElement('canvas').getContext('2d');
        for (const el of document.querySelectorAll('body *')) {
          if (!el.getClientRects().length) continue;
          const cs = getComputedStyle(el);
          if (el.tagName === 'SELECT') {
            ruler.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
            const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
            for (const option of el.options) {
              if (ruler.measureText(option.text).width > room) clipped.push(`${el.id}: ${option.text}`);
            }
          } else if (['hidden', 'clip'].includes(cs.overflowX) && el.scrollWidth > el.clientWidth + 1
              && !el.classList.contains('sr-only')) {
            clipped.push(el.textContent.trim().slice(0, 60));
          }
        }
        return clipped;
      }""";

  private static void shoot(Page page, String name) {
    Browsers.screenshot(page, name);
    assertEquals(List.of(), page.evaluate(CLIPPED), name + ": no clipped labels");
    Axe.assertNoSeriousViolations(page);
    int width = page.viewportSize().width;
    assertEquals(
        width,
        ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue(),
        name + ": no horizontal scrolling");
  }

  @Test
  @DisplayName(
      "board, timer, offline, a kept draft, the ballot, rating results and the closed board")
  void screens() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board =
        new LoadedBoard("it", "Percorsi di tutela, Prato", "Gruppo Comunità residenziali")
            .fill(List.of("custody", "removal", "path"), 3, 0)) {
      List<String> proposals = new ArrayList<>();
      for (String text : LoadedBoard.TEXTS_IT.subList(0, 6)) {
        proposals.add(board.note("improvements", text, new JsonArray()));
      }
      String cluster =
          board.cluster(
              "improvements",
              "Un referente unico per ogni ragazzo",
              proposals.get(0),
              proposals.get(1));
      board.timer(900);
      board.focus("custody");
      for (int[] size : SIZES) {
        String tag = size[0] + "x" + size[1];
        try (BrowserContext context = sized(size[0], size[1])) {
          Page join = context.newPage();
          join.onPageError(errors::add);
          join.navigate(board.joinUrl());
          join.getByLabel("Professione (facoltativa)").selectOption("foster_family");
          shoot(join, "phone-join-" + tag);
          join.getByLabel("Ho letto l’informativa sulla privacy e accetto di partecipare").check();
          join.locator("#join-submit").click();
          assertThat(join.locator("#conn")).hasAttribute("data-state", "online");
          join.getByLabel("Dimensione").selectOption("issues");
          join.getByLabel("Scrivi una nota")
              .fill("Il tutore arriva dopo mesi: nel frattempo nessuno firma nulla");
          shoot(join, "phone-board-" + tag);
          if (size[0] == 360) {
            context.setOffline(true);
            assertThat(join.locator("#conn")).hasAttribute("data-state", "offline");
            shoot(join, "phone-offline-" + tag);
            context.setOffline(false);
            assertThat(join.locator("#conn")).hasAttribute("data-state", "online");
            board.focus("removal");
            assertThat(join.locator("#draft-kept")).isVisible();
            shoot(join, "phone-draft-kept-" + tag);
            board.focus(null);
            join.getByLabel("Fase").selectOption("path");
            join.evaluate("window.scrollTo(0, 0)");
            shoot(join, "phone-picker-longest-" + tag);
            board.focus("custody");
          }
        }
      }
      board.stage("voting");
      String dots =
          board
              .ack("vote.open", new JsonObject().put("kind", "dots").put("budget", 5).put("cap", 3))
              .getString("roundId");
      try (BrowserContext phone = sized(360, 640)) {
        Page page = phone.newPage();
        page.onPageError(errors::add);
        page.navigate(board.joinUrl());
        page.getByLabel("Ho letto l’informativa sulla privacy e accetto di partecipare").check();
        page.locator("#join-submit").click();
        assertThat(page.locator("#ballot .ballot-item")).hasCount(5);
        Locator clustered = page.locator("[data-item-id='" + cluster + "'] .cluster-notes");
        clustered.locator("summary").click();
        assertThat(clustered.locator("li")).hasCount(2);
        shoot(page, "phone-ballot-360x640");
        board.ack("vote.close", new JsonObject().put("roundId", dots));
        String rating =
            board.ack("vote.open", new JsonObject().put("kind", "rating")).getString("roundId");
        List<Api.Participant> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          people.add(board.api.join(board.code, "P" + i));
        }
        JsonArray items =
            board
                .api
                .get(
                    "/api/boards/" + board.id + "/votes/" + rating,
                    board.board.getString("moderatorKey"))
                .json()
                .getJsonArray("items");
        for (int p = 0; p < people.size(); p++) {
          for (int i = 0; i < items.size(); i++) {
            board.cast(
                people.get(p),
                new JsonObject()
                    .put("roundId", rating)
                    .put("itemId", items.getJsonObject(i).getString("id"))
                    .put(
                        "scores",
                        new JsonObject()
                            .put("feasibility", 1 + (p + i) % 5)
                            .put("sustainability", 1 + (p * i) % 5)));
          }
        }
        board.ack("vote.close", new JsonObject().put("roundId", rating));
        board.ack("vote.reveal", new JsonObject().put("roundId", rating));
        assertThat(page.locator("#vote-results .result")).hasCount(items.size());
        shoot(page, "phone-rating-results-360x640");
        board.stage("closed");
        page.reload();
        assertThat(page.locator("#closed-view")).isVisible();
        shoot(page, "phone-closed-360x640");
      }
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
