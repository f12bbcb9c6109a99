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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.TestApp;

/**
 * A phone in a real session (twelve people, 66 notes of 40-110 characters, a rating round of 5
 * proposals and a dots round of 6 with comments): it never misses a vote, and its send bar says one
 * thing at a time in at most a quarter of the screen.
 */
@DisplayName("The phone never misses a vote and says one thing at a time")
class PhoneNeverMissesTest {
  private static final String CONSENT =
      "Ho letto l’informativa sulla privacy e accetto di partecipare";

  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static BrowserContext phone() {
    return Browsers.chromium()
        .newContext(
            new Browser.NewContextOptions()
                .setViewportSize(360, 640)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("it-IT"));
  }

  private static Page join(BrowserContext context, LoadedBoard board, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(board.joinUrl());
    page.getByLabel(CONSENT).check();
    page.locator("#join-submit").click();
    assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
    return page;
  }

  /** The session: 66 notes from twelve phones; the six improvements, two of them in a cluster. */
  private static LoadedBoard session() {
    LoadedBoard board = new LoadedBoard("it", "Percorsi di tutela, Prato", "Gruppo 1");
    SessionLoad.post(board.id, board.code, 66);
    JsonArray notes =
        board
            .api
            .get("/api/boards/" + board.id, board.board.getString("moderatorKey"))
            .json()
            .getJsonArray("notes");
    List<String> improvements = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      if ("improvements".equals(notes.getJsonObject(i).getString("lane"))) {
        improvements.add(notes.getJsonObject(i).getString("id"));
      }
    }
    assertEquals(6, improvements.size());
    board.cluster(
        "improvements", "Un referente che resta", improvements.get(0), improvements.get(3));
    return board;
  }

  private static void scrollToBottom(Page page) {
    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)");
  }

  @Test
  @DisplayName(
      "a round opening while the phone is scrolled down, or found open after a reload with a kept"
          + " draft, calls from a banner in view that leads to the ballot in one tap")
  void bannerLeadsToTheBallot() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board = session();
        BrowserContext context = phone()) {
      Page page = join(context, board, errors);
      page.getByLabel("Fase").selectOption("path");
      scrollToBottom(page);
      double y = ((Number) page.evaluate("scrollY")).doubleValue();
      assertTrue(y > 300, "the phone is down the lane: " + y);
      assertThat(page.locator("#vote-call")).isHidden();

      String rating =
          board
              .ack(
                  "vote.open",
                  new JsonObject()
                      .put("kind", "rating")
                      .put("criteria", new JsonArray().add("feasibility").add("sustainability")))
              .getString("roundId");
      Locator call = page.locator("#vote-call-go");
      assertThat(call).isVisible();
      assertThat(call).hasText("Votazione aperta su 5 proposte: vai alla scheda");
      Browsers.screenshot(page, "phone-vote-call-360x640");
      assertEquals(List.of(), InView.problems(page, "#vote-call-go"), "the banner is in view");
      assertTrue(InView.fontSize(page, "#vote-call-go") >= 16);
      Axe.assertNoViolations(page);

      call.click();
      assertThat(page.locator("#vote-call")).isHidden();
      assertEquals(List.of(), InView.problems(page, "#vote-heading"), "one tap brings the ballot");
      assertEquals(List.of(), InView.problems(page, "#ballot .ballot-item .item-label"));
      Browsers.screenshot(page, "phone-vote-call-ballot-360x640");

      // a kept draft and a reload: the composer comes back, and the banner with it
      page.getByLabel("Scrivi una nota").fill("Una bozza che resta sul telefono mentre si vota");
      scrollToBottom(page);
      page.reload();
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      assertThat(page.getByLabel("Scrivi una nota"))
          .hasValue("Una bozza che resta sul telefono mentre si vota");
      page.getByLabel("Scrivi una nota").focus();
      assertThat(call).isVisible();
      assertEquals(List.of(), InView.problems(page, "#vote-call-go"));
      call.click();
      assertThat(page.locator("#vote-call")).isHidden();
      assertEquals(List.of(), InView.problems(page, "#vote-heading"));

      // the phone votes: the banner stays away, wherever the phone scrolls
      page.locator("#ballot .score-choice").first().click();
      assertThat(page.locator("#ballot .send-state").first())
          .hasAttribute("data-send-state", "sent");
      scrollToBottom(page);
      page.waitForTimeout(300);
      assertThat(page.locator("#vote-call")).isHidden();

      board.ack("vote.close", new JsonObject().put("roundId", rating));
      board.note(
          "improvements",
          "Orari del servizio anche il sabato mattina, per le famiglie",
          new JsonArray());
      board.ack("vote.open", new JsonObject().put("kind", "dots").put("comments", true));
      assertThat(call).hasText("Votazione aperta su 6 proposte: vai alla scheda");
      assertEquals(List.of(), InView.problems(page, "#vote-call-go"));
      call.click();
      assertThat(page.locator("#ballot .ballot-item")).hasCount(6);
      assertThat(page.locator("#ballot .ballot-item textarea")).hasCount(6);

      Locator first = page.locator("#ballot .ballot-item").first();
      first.locator(".dot-plus").click();
      first.locator("textarea").fill("Solo se il referente resta lo stesso per anni");
      first.getByText("Salva il commento").click();
      assertThat(first.locator(".send-state")).hasAttribute("data-send-state", "sent");
      Browsers.screenshot(page, "phone-dots-comments-360x640");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a refused note gets one message in a send bar of at most a quarter of the screen, typing"
          + " clears a stale message, and a tag never carries over to the next note")
  void oneMessageAtATime() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board = session();
        BrowserContext context = phone()) {
      Page page = join(context, board, errors);
      Locator text = page.getByLabel("Scrivi una nota");
      Locator send = page.locator("#send");
      Locator status = page.locator("#composer-status");

      send.click();
      assertThat(status).hasText("Scrivi qualcosa prima di inviare.");
      text.pressSequentially("Un");
      assertThat(status).isEmpty();

      page.getByLabel("Fase").selectOption("removal");
      text.fill("Una nota scritta mentre il gruppo passa a un'altra fase del percorso");
      board.focus("custody");
      assertThat(page.locator("#draft-kept")).isVisible();
      send.click(
          new Locator.ClickOptions().setForce(true)); // it looks disabled; a thumb taps anyway
      assertThat(status).containsText("Non inviata");
      page.waitForTimeout(200); // the way out is brought into view on the next frame
      Browsers.screenshot(page, "phone-refused-360x640");
      assertThat(status).hasText("Non inviata. Questa fase ora non accetta note.");
      assertThat(page.locator("#send-bar .bar-messages p:visible")).hasCount(1);
      assertEquals(
          0,
          occurrences(page.locator("#send-bar").innerText(), "sta discutendo"),
          "the reason is not repeated in the send bar");
      double height = page.locator("#send-bar").boundingBox().height;
      assertTrue(height <= 160, "the send bar is at most a quarter of 640 px: " + height);
      assertEquals(List.of(), InView.problems(page, "#draft-move"), "the move button is seen");
      assertEquals(List.of(), InView.problems(page, "#send"));
      Axe.assertNoViolations(page);

      page.locator("#draft-move").click();
      board.focus(null);
      text.fill("Il ragazzo va informato prima, con parole semplici, da chi conosce già");
      page.locator("#composer").getByLabel("Famiglia affidataria").check();
      send.click();
      assertThat(text).hasValue("");
      assertThat(page.locator("#composer").getByLabel("Famiglia affidataria")).not().isChecked();
      text.fill("Una seconda nota, scritta senza pensare ai tag della prima");
      send.click();
      Locator second =
          page.locator("#lane-notes .note")
              .filter(new Locator.FilterOptions().setHasText("Una seconda nota"));
      assertThat(second).isVisible();
      assertThat(second.locator(".tag")).hasCount(0);
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
