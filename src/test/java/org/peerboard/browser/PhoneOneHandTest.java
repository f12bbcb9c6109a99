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
   * The message is in a live region (role=alert or aria-live), inside the viewport, and the element at its centre
   * is the message itself: neither the sticky header nor the send bar's button covers it.
   */
  static void assertAlertInView(Page page, Locator message, String text) {
    assertThat(message).containsText(text);
    page.waitForFunction("""
        el => {
          const r = el.getBoundingClientRect();
          if (r.height === 0 || r.top < 0 || r.bottom > innerHeight) return false;
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return top !== null && el.contains(top);
        }""", message.elementHandle());
    assertEquals(Boolean.TRUE, message.evaluate("el => el.closest('[role=alert], [aria-live]') !== null"),
        "the message is announced");
  }

  @Test
  @DisplayName("an empty note and a note for a phase that is not open both give an alert in view, above the send bar")
  void messagesInView() {
    List<String> errors = new ArrayList<>();
    try (LoadedBoard board = new LoadedBoard("en", "Messages", "Foster care").fill(List.of("custody"), 6, 0);
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
      assertThat(phone.locator("#stage-banner")).containsText("Now discussing: Removal from the family");
      assertThat(phone.getByLabel("Phase")).hasValue("custody");
      assertThat(phone.locator("#send")).hasAttribute("aria-disabled", "true");
      assertThat(phone.locator("#send-closed")).hasText("Notes for Taking into care are closed now: the group is "
          + "discussing Removal from the family.");
      phone.evaluate("window.scrollTo(0, document.body.scrollHeight)");
      // aria-disabled, not disabled: a tap still reaches it and is answered (Playwright waits for enabled otherwise)
      phone.locator("#send").click(new Locator.ClickOptions().setForce(true));
      assertAlertInView(phone, status, "Not sent to Taking into care · Critical issues: Notes for Taking into care "
          + "are closed now: the group is discussing Removal from the family.");
      assertThat(phone.getByLabel("Write a note")).hasValue("Each child needs a named guardian from the first day");
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
