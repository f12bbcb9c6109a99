package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.TestApp;

@DisplayName("A phone at 360x640, used with one hand, never leaves its participant guessing")
class PhoneOneHandTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  static Page joined(BrowserContext context, String url, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(url);
    Pages.acceptAndJoin(page, null);
    return page;
  }

  /**
   * The message is in a live region (role=alert or aria-live), inside the viewport, and the element
   * at its centre is the message itself: neither the sticky header nor the send bar's button covers
   * it.
   */
  static void assertAlertInView(Page page, Locator message, String text) {
    assertThat(message).containsText(text);
    page.waitForFunction(
        """
        el => {
          const r = el.getBoundingClientRect();
          if (r.height === 0 || r.top < 0 || r.bottom > innerHeight) return false;
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return top !== null && el.contains(top);
        }""",
        message.elementHandle());
    assertEquals(
        Boolean.TRUE,
        message.evaluate("el => el.closest('[role=alert], [aria-live]') !== null"),
        "the message is announced");
  }

  @Test
  @DisplayName(
      "an empty note and a note for a phase that is not open both give an alert in view, above the send bar")
  void messagesInView() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board =
            new LoadedBoard("en", "Messages", "Foster care").fill(List.of("custody"), 6, 0);
        BrowserContext mobile = Browsers.phone()) {
      Page phone = joined(mobile, board.joinUrl(), errors);
      phone.getByLabel("Phase").selectOption("custody");
      phone.getByLabel("Dimension").selectOption("issues");
      assertThat(phone.locator("#lane-notes .note")).hasCount(6);
      phone.locator("#send").scrollIntoViewIfNeeded();
      phone.locator("#send").click();
      Locator status = phone.locator("#composer-status");
      assertAlertInView(phone, status, "Write something before sending.");

      phone.getByLabel("Write a note").fill("Each child needs a named guardian from the first day");
      board.focus("removal");
      assertThat(phone.locator("#stage-banner"))
          .containsText("Now discussing: Removal from the family");
      assertThat(phone.getByLabel("Phase")).hasValue("custody");
      assertThat(phone.locator("#send")).hasAttribute("aria-disabled", "true");
      assertThat(phone.locator("#send-closed"))
          .hasText(
              "Notes for Taking into care are closed now: the group is "
                  + "discussing Removal from the family.");
      phone.evaluate("window.scrollTo(0, document.body.scrollHeight)");
      // aria-disabled, not disabled: a tap still reaches it and is answered (Playwright waits for
      // enabled otherwise)
      phone.locator("#send").click(new Locator.ClickOptions().setForce(true));
      // one short message: the lane is on the button, the reason stood above it until now
      assertAlertInView(phone, status, "Not sent. This phase takes no notes now.");
      assertThat(phone.getByLabel("Write a note"))
          .hasValue("Each child needs a named guardian from the first day");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a note queued offline and refused when it reaches the server says so in an alert in view")
  void refusedAfterReconnecting() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board =
            new LoadedBoard("en", "Refused", "Foster care").fill(List.of("custody"), 5, 0);
        BrowserContext mobile = Browsers.phone()) {
      board.focus("custody");
      Page phone = joined(mobile, board.joinUrl(), errors);
      phone.getByLabel("Dimension").selectOption("issues");
      mobile.setOffline(true);
      assertThat(phone.locator("#conn")).hasAttribute("data-state", "offline");
      phone
          .getByLabel("Write a note")
          .fill("Hearings are scheduled in school hours, so children miss lessons");
      phone.locator("#send").click();
      assertAlertInView(
          phone, phone.locator("#composer-status"), "it will be sent when the connection is back");
      board.focus("removal");
      phone.evaluate("window.scrollTo(0, document.body.scrollHeight)");
      mobile.setOffline(false);
      assertAlertInView(phone, phone.locator("#composer-status"), "Not sent: ");
      assertThat(phone.getByLabel("Write a note"))
          .hasValue("Hearings are scheduled in school hours, so children miss lessons");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a paste of 2,000 characters is refused with a message, and nothing already written is cut")
  void longPasteRefused() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board = new LoadedBoard("en", "Paste", "Foster care");
        BrowserContext mobile = Browsers.phone()) {
      mobile.grantPermissions(List.of("clipboard-read", "clipboard-write"));
      Page phone = joined(mobile, board.joinUrl(), errors);
      Locator text = phone.getByLabel("Write a note");
      text.fill("Already written: ");
      String pasted = "Placement breakdowns. ".repeat(91).substring(0, 2000);
      phone.evaluate("t => navigator.clipboard.writeText(t)", pasted);
      text.press("End");
      text.press("Control+V");
      assertAlertInView(
          phone,
          phone.locator("#composer-status"),
          "That would make the note 2017 characters long, "
              + "and a note holds at most 500. Nothing was added");
      assertThat(text).hasValue("Already written: ");
      assertThat(phone.locator("#note-counter")).hasText("17 of 500 characters");

      phone.evaluate("t => navigator.clipboard.writeText(t)", "a short line that fits");
      text.press("End");
      text.press("Control+V");
      assertThat(text).hasValue("Already written: a short line that fits");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "the send button names the lane; a focus change keeps a draft where it was written, and asks")
  void draftKeepsItsLane() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board =
            new LoadedBoard("en", "Drafts", "Foster care").fill(List.of("custody"), 2, 0);
        BrowserContext mobile = Browsers.phone()) {
      Page phone = joined(mobile, board.joinUrl(), errors);
      phone.getByLabel("Phase").selectOption("custody");
      phone.getByLabel("Dimension").selectOption("issues");
      Locator send = phone.locator("#send");
      assertThat(send).hasText("Send to Taking into care · Critical issues");
      phone.getByLabel("Write a note").fill("Nobody tells the child what happens next");

      board.focus("removal");
      assertThat(phone.locator("#draft-kept"))
          .containsText(
              "The group moved on to Removal from the family. Your note "
                  + "stays in Taking into care · Critical issues.");
      assertAlertInView(phone, phone.locator("#draft-kept-text"), "Your note stays in");
      assertThat(phone.getByLabel("Phase")).hasValue("custody");
      assertThat(phone.locator("#phase option[value=custody]")).isDisabled();
      assertThat(phone.locator("#phase option[value=removal]")).isEnabled();
      assertThat(phone.locator("#phase option[value=improvements]")).isEnabled();
      assertThat(phone.locator("#phase-closed"))
          .hasText(
              "While the group discusses Removal from the family, only "
                  + "that phase and Potential improvements take notes.");
      assertThat(send).hasAttribute("aria-disabled", "true");

      phone
          .getByRole(
              AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Move my note to Removal from the family"))
          .click();
      assertThat(phone.getByLabel("Phase")).hasValue("removal");
      assertThat(send).hasText("Send to Removal from the family · Critical issues");
      assertThat(send).hasAttribute("aria-disabled", "false");
      send.click();
      assertThat(
              phone
                  .locator("#lane-notes .note")
                  .filter(
                      new Locator.FilterOptions()
                          .setHasText("Nobody tells the child what happens next"))
                  .locator("[data-send-state]"))
          .hasText("Sent");

      board.focus("path");
      assertThat(phone.getByLabel("Phase")).hasValue("path");
      assertThat(phone.locator("#draft-kept")).isHidden();
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName("the header stays one row with a timer running and the phone offline")
  void headerOneRow() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board =
            new LoadedBoard("it", "Intestazione", "Gruppo Comunità residenziali per minori");
        BrowserContext mobile = Browsers.phone()) {
      board.timer(25 * 60);
      Page phone = mobile.newPage();
      phone.onPageError(errors::add);
      phone.navigate(board.joinUrl());
      phone.getByLabel("Ho letto l’informativa sulla privacy e accetto di partecipare").check();
      phone.locator("#join-submit").click();
      assertThat(phone.locator("#conn")).hasAttribute("data-state", "online");
      assertThat(phone.locator("#timer")).isVisible();
      mobile.setOffline(true);
      assertThat(phone.locator("#conn")).hasAttribute("data-state", "offline");
      assertThat(phone.locator("#conn")).hasText("Non connesso");
      Object rows =
          phone.evaluate(
              """
          () => {
            const header = document.querySelector('.topbar');
            const shown = [...header.children].filter((c) => c.getBoundingClientRect().height > 0);
            const tallest = Math.max(...shown.map((c) => c.getBoundingClientRect().height));
            const tops = shown.map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2));
            return { height: header.getBoundingClientRect().height, tallest, spread: Math.max(...tops) - Math.min(...tops),
              right: Math.max(...shown.map((c) => c.getBoundingClientRect().right)) };
          }""");
      JsonObject figures = JsonObject.mapFrom(rows);
      assertTrue(
          figures.getDouble("height") < 2 * figures.getDouble("tallest"), "one row: " + figures);
      assertTrue(figures.getDouble("spread") <= 4, "items side by side: " + figures);
      assertTrue(figures.getDouble("right") <= 360, "nothing past the right edge: " + figures);
      assertThat(phone.locator("#board-heading")).isVisible();
      assertThat(phone.locator("#board-heading"))
          .hasText("Gruppo Comunità residenziali per minori");
      Browsers.screenshot(phone, "phone-header-offline-timer-360x640");
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
