package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What a person does on the pages, in the words they see (English workshops). */
final class Pages {
  private Pages() {}

  /** Opens the code page, types the code as a person would (lower case, with a dash) and joins. */
  static void joinByTypingCode(Page phone, String base, String code) {
    phone.navigate(base + "/j");
    phone
        .getByLabel("Code shown on the screen")
        .fill(code.substring(0, 3).toLowerCase() + "-" + code.substring(3).toLowerCase());
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go")).click();
    phone.getByLabel("Name (optional)").fill("Anna");
    phone.getByLabel("Profession (optional)").selectOption("social_worker");
    acceptAndJoin(phone, "Anna");
  }

  static void acceptAndJoin(Page phone, String name) {
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
    assertThat(phone.locator("#join-error")).containsText("accept the privacy notice");
    phone.getByLabel("I have read the privacy notice").check();
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join")).click();
    assertThat(phone.locator("#conn")).hasAttribute("data-state", "online");
  }

  /**
   * Chooses the lane, writes, ticks a tag (if any) and sends; returns the note in the lane list.
   */
  static Locator postNote(Page phone, String phase, String dimension, String text, String tag) {
    phone.getByLabel("Phase").selectOption(phase);
    if (dimension != null) {
      phone.getByLabel("Dimension").selectOption(dimension);
    }
    phone.getByLabel("Write a note").fill(text);
    assertThat(phone.locator("#note-counter"))
        .hasText(text.codePointCount(0, text.length()) + " of 500 characters");
    if (tag != null) {
      phone.locator("#composer").getByLabel(tag).check();
    }
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
    assertThat(phone.getByLabel("Write a note")).hasValue("");
    return phone.locator("#lane-notes .note").filter(new Locator.FilterOptions().setHasText(text));
  }
}
