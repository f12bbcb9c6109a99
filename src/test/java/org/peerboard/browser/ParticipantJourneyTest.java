package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName("A participant on a 360x640 phone")
class ParticipantJourneyTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  @Test
  @DisplayName(
      "joins by code, posts a tagged note the projector shows live, keeps their identity on reload (even "
          + "with its storage cleared), then edits and deletes it")
  void joinPostReloadEditDelete() {
    JsonObject board = api.workshop("Journey", "Group A").board(0);
    try (BrowserContext phoneContext = Browsers.phone();
        BrowserContext screenContext = Browsers.screen()) {
      Page projector = screenContext.newPage();
      projector.navigate(board.getString("projectorUrl"));
      assertThat(projector.locator("#conn")).hasAttribute("data-state", "online");

      Page phone = phoneContext.newPage();
      Pages.joinByTypingCode(phone, api.base(), board.getString("joinCode"));
      assertThat(projector.locator("#participants")).hasText("1");

      Locator note =
          Pages.postNote(
              phone, "custody", "issues", "Too few foster families nearby", "Foster family");
      assertThat(note.locator("[data-send-state]")).hasText("Sent");
      assertThat(note).containsText("Yours");
      Browsers.screenshot(phone, "phone-participant");
      assertEquals(
          360,
          ((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue(),
          "no horizontal scrolling at 360px");
      assertEquals(
          "[]",
          phone.evaluate(
              "JSON.stringify([...document.querySelectorAll('#board-view button, "
                  + "#board-view select, #board-view .check, .lang-switch')].filter(e => e.getClientRects().length)"
                  + ".map(e => e.getBoundingClientRect())"
                  + ".filter(r => r.height < 44).map(r => r.height))"),
          "every shown control is at least 44px high");

      Locator shown = projector.locator("[data-lane='custody:issues'] .note");
      assertThat(shown).hasText(Pattern.compile("Too few foster families nearby"));
      assertThat(shown.locator(".tag")).hasText("Foster family");
      assertThat(shown).not().containsText("Yours");
      Browsers.screenshot(projector, "projector");
      assertTrue(
          Double.parseDouble(
                  (String)
                      shown
                          .locator(".note-text")
                          .evaluate("e => getComputedStyle(e).fontSize")
                          .toString()
                          .replace("px", ""))
              >= 20,
          "note text on the projector is at least 20px");
      assertEquals(
          0,
          ((Number) projector.evaluate("document.documentElement.scrollHeight - innerHeight"))
              .intValue(),
          "the whole board fits on the 1920x1080 screen");

      phone.reload();
      assertThat(phone.locator("#join-view")).isHidden();
      Locator afterReload = phone.locator("#lane-notes .note");
      assertThat(afterReload).containsText("Too few foster families nearby");
      assertThat(afterReload).containsText("Yours");

      phone.evaluate("localStorage.clear()");
      phone.reload();
      assertThat(phone.locator("#join-view")).isHidden();
      phone.getByLabel("Phase").selectOption("custody");
      phone.getByLabel("Dimension").selectOption("issues");
      assertThat(afterReload).containsText("Yours");
      assertTrue(
          phoneContext.cookies().stream().anyMatch(c -> c.name.startsWith("pb_pt_") && c.httpOnly),
          "with its storage cleared the phone is still recognised, by an HttpOnly cookie");

      afterReload
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit"))
          .click();
      phone.getByLabel("Note text").fill("Too few foster families in the valley");
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
      assertThat(shown).containsText("Too few foster families in the valley");
      assertThat(phone.locator("#lane-notes .note [data-send-state]")).hasText("Sent");

      phone
          .locator("#lane-notes .note")
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
          .click();
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, delete")).click();
      assertThat(phone.locator("#lane-notes .note")).hasCount(0);
      assertThat(shown).hasCount(0);
    }
  }

  @Test
  @DisplayName("sees script-like text in a note as plain text, on the phone and on the projector")
  void scriptLikeTextStaysText() {
    JsonObject board = api.workshop("Escaping", "Group A").board(0);
    String hostile = "<img src=x onerror=alert(1)> & <b>bold</b>";
    try (BrowserContext phoneContext = Browsers.phone();
        BrowserContext screenContext = Browsers.screen()) {
      Page projector = screenContext.newPage();
      projector.onDialog(
          dialog -> {
            throw new AssertionError("a note ran a script: " + dialog.message());
          });
      projector.navigate(board.getString("projectorUrl"));
      Page phone = phoneContext.newPage();
      phone.onDialog(
          dialog -> {
            throw new AssertionError("a note ran a script: " + dialog.message());
          });
      phone.navigate(api.base() + "/j/" + board.getString("joinCode"));
      Pages.acceptAndJoin(phone, null);
      Locator note = Pages.postNote(phone, "improvements", null, hostile, null);
      assertThat(note.locator(".note-text")).hasText(hostile);
      Locator shown = projector.locator("[data-lane='improvements'] .note-text");
      assertThat(shown).hasText(hostile);
      assertThat(projector.locator(".cell img")).hasCount(0);
      assertThat(phone.locator("#lane-notes img, #lane-notes b")).hasCount(0);
    }
  }
}
