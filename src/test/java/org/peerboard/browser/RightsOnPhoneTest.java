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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Participants' rights on a 360x640 phone (issue 22): the notice before joining, "My notes" and
 * withdrawal from the study.
 */
@DisplayName("Participants' rights on the phone")
class RightsOnPhoneTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  /** The notes this phone's participant writes, through their own token (as the phone would). */
  private static List<String> writeAs(
      Page phone, String boardId, List<String> lanes, List<String> texts) {
    String token =
        (String)
            phone.evaluate(
                "id => JSON.parse(localStorage.getItem('pb:token:' + id)).token", boardId);
    List<String> ids = new ArrayList<>();
    try (WsClient socket = WsClient.hello(TestApp.shared().port(), boardId, token, null)) {
      for (int i = 0; i < texts.size(); i++) {
        JsonObject answer =
            socket.answer(
                socket.op(
                    "note.add",
                    new JsonObject()
                        .put("lane", lanes.get(i % lanes.size()))
                        .put("text", texts.get(i))));
        assertEquals("ack", answer.getString("type"), answer.encode());
        ids.add(answer.getJsonObject("result").getString("noteId"));
      }
    }
    return ids;
  }

  @Test
  @DisplayName(
      "the join page shows the built-in notice naming the controller, with a link to read it whole; joining needs the box ticked")
  void consentScreen() {
    List<String> errors = new ArrayList<>();
    Api.Response made =
        TestApp.api()
            .post(
                "/api/workshops",
                new JsonObject()
                    .put("title", "Care pathways in Prato")
                    .put("language", "en")
                    .put("organisation", "University of Florence, FORLILPSI department")
                    .put("contact", "privacy@unifi.example")
                    .put("purpose", "research on the care pathways of children in out-of-home care")
                    .put("groups", new JsonArray().add("Foster care")));
    assertEquals(201, made.status(), made.body());
    String code = made.json().getJsonArray("boards").getJsonObject(0).getString("joinCode");
    try (BrowserContext context = Browsers.phone()) {
      Page phone = context.newPage();
      phone.onPageError(errors::add);
      phone.navigate(TestApp.api().base() + "/j/" + code);
      Locator notice = phone.locator("#privacy-text");
      assertThat(notice).containsText("University of Florence, FORLILPSI department");
      assertThat(notice).containsText("privacy@unifi.example");
      assertThat(notice).containsText(made.json().getString("retainUntil"));
      assertThat(phone.locator("#join-view .notice-version")).containsText("Version ");
      phone.screenshot(
          new Page.ScreenshotOptions()
              .setFullPage(true)
              .setPath(Browsers.SCREENSHOTS.resolve("rights-consent-360-full.png")));
      Browsers.screenshot(phone, "rights-consent-360");
      Axe.assertNoSeriousViolations(phone);
      assertEquals(
          0,
          ((Number) phone.evaluate("() => document.documentElement.scrollWidth - innerWidth"))
              .intValue(),
          "no horizontal scrolling at 360 px");

      phone
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read the whole notice"))
          .click();
      assertThat(phone.locator("h1")).hasText("Information notice");
      assertThat(phone.locator("main")).containsText("withdraw from the study at any time");
      Browsers.screenshot(phone, "rights-notice-page-360");
      Axe.assertNoSeriousViolations(phone);
      phone
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to joining"))
          .click();

      Pages.acceptAndJoin(phone, null);
      button(phone, "Menu").click();
      button(phone, "Information notice").click();
      assertThat(phone.locator("#notice-view")).containsText("privacy@unifi.example");
      assertThat(phone.locator("#board-view")).isHidden();
      button(phone, "Back to the board").last().click();
      assertThat(phone.locator("#board-view")).isVisible();
    }
    assertEquals(List.of(), errors);
  }

  @Test
  @DisplayName(
      "My notes lists exactly this phone's notes with their lane and standing; edited there; withdrawal deletes them everywhere and the next visit joins afresh")
  void myNotesAndWithdrawal() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board = new LoadedBoard("en", "Rights on the phone", "Residential care");
        BrowserContext context = Browsers.phone()) {
      board.fill(List.of("custody", "removal"), 1, 4);
      Api.Participant other = board.api.join(board.code, "Other");
      try (WsClient socket =
          WsClient.hello(TestApp.shared().port(), board.id, other.token(), null)) {
        socket.answer(
            socket.op(
                "note.add",
                new JsonObject()
                    .put("lane", "custody:issues")
                    .put("text", "Someone else's note: the court takes months to decide")));
      }
      Page phone = PhoneOneHandTest.joined(context, board.joinUrl(), errors);
      List<String> mine =
          writeAs(
              phone,
              board.id,
              List.of("custody:issues", "removal:actors", "improvements"),
              List.of(
                  "Waiting lists for a place in a residential facility are far too long",
                  "The child is told about the removal only on the day it happens",
                  "A named adult who stays with the young person from referral to leaving care",
                  "Schools are not told who to call when a child in care is absent"));
      board.ack("note.hide", new JsonObject().put("noteId", mine.get(1)).put("hidden", true));
      board.timer(600);
      assertThat(phone.locator("#timer")).isVisible();

      button(phone, "Menu").click();
      assertThat(button(phone, "Menu")).hasAttribute("aria-expanded", "true");
      Browsers.screenshot(phone, "rights-menu-360");
      Axe.assertNoSeriousViolations(phone);
      assertEquals(
          0,
          ((Number) phone.evaluate("() => document.documentElement.scrollWidth - innerWidth"))
              .intValue(),
          "the header holds timer, connection, menu and language at 360 px");
      button(phone, "My notes").click();
      Locator cards = phone.locator("#mynotes-list > li");
      assertThat(cards).hasCount(4);
      assertThat(phone.locator("#mynotes-count")).hasText("4 notes");
      assertThat(phone.locator("#mynotes-list")).not().containsText("Someone else's note");
      Locator hidden = cards.filter(new Locator.FilterOptions().setHasText("only on the day"));
      assertThat(hidden.locator(".mynote-state")).hasText("Hidden by a moderator");
      assertThat(hidden.locator(".mynote-where")).containsText("Removal");
      Locator shown = cards.filter(new Locator.FilterOptions().setHasText("Waiting lists"));
      assertThat(shown.locator(".mynote-state")).hasText("Shown on the board");
      Browsers.screenshot(phone, "rights-mynotes-360");
      Axe.assertNoSeriousViolations(phone);
      assertEquals(
          0,
          ((Number) phone.evaluate("() => document.documentElement.scrollWidth - innerWidth"))
              .intValue());

      shown
          .getByRole(
              AriaRole.BUTTON,
              new Locator.GetByRoleOptions()
                  .setName(
                      "Edit: Waiting lists for a place in a residential facility are far too long"))
          .click();
      phone
          .locator("#mynotes-list textarea")
          .fill("Waiting lists for residential places are far too long");
      button(phone, "Save").click();
      assertThat(cards.first()).not().containsText("Saved");
      assertThat(phone.locator("#mynotes-list"))
          .containsText("Waiting lists for residential places are far too long");
      assertEquals(
          "Waiting lists for residential places are far too long",
          board
              .moderator
              .nextEvent("note.edited")
              .getJsonObject("data")
              .getJsonObject("note")
              .getString("text"));

      button(phone, "Menu").click();
      button(phone, "Withdraw from the study").click();
      assertThat(phone.locator("#withdraw-what"))
          .containsText("all your notes on this board (4) are deleted");
      Browsers.screenshot(phone, "rights-withdraw-confirm-360");
      Axe.assertNoSeriousViolations(phone);
      button(phone, "Withdraw and delete my notes").click();
      assertThat(phone.locator("#withdrawn-view h1")).hasText("You have withdrawn from the study");
      assertThat(phone.locator("#withdrawn-text")).containsText("Your 4 notes were deleted");
      Browsers.screenshot(phone, "rights-withdrawn-360");
      Axe.assertNoSeriousViolations(phone);
      Set<String> deleted = new HashSet<>();
      while (deleted.size() < 4) {
        deleted.add(
            board.moderator.nextEvent("note.deleted").getJsonObject("data").getString("noteId"));
      }
      assertEquals(new HashSet<>(mine), deleted, "every screen hears each of them go");
      assertTrue(
          (Boolean)
              phone.evaluate("id => localStorage.getItem('pb:token:' + id) === null", board.id),
          "the phone forgot its token");

      phone
          .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Join this board again"))
          .click();
      assertThat(phone.locator("#join-view")).isVisible();
      assertThat(phone.getByLabel("I have read the privacy notice")).not().isChecked();
    }
    assertEquals(List.of(), errors);
  }
}
