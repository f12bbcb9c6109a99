package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName(
    "Sensitive content: the phone warns before sending personal data, the moderator redacts")
class CarefulNotesTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  @Test
  @DisplayName(
      "a note with a phone number is held back with a gentle warning until edited; one with an email and a "
          + "birth date is sent anyway; the moderator's redaction replaces it on the projector and the phone")
  void warnEditSendAnywayRedact() {
    JsonObject board = api.workshop("Careful", "Group A").board(0);
    List<String> errors = new ArrayList<>();
    try (BrowserContext mobile = Browsers.phone();
        BrowserContext screens = Browsers.screen()) {
      Page phone = mobile.newPage();
      phone.onPageError(errors::add);
      phone.navigate(api.base() + "/j/" + board.getString("joinCode"));
      Pages.acceptAndJoin(phone, null);
      Page projector = screens.newPage();
      projector.onPageError(errors::add);
      projector.navigate(board.getString("projectorUrl"));
      Page moderator = screens.newPage();
      moderator.onPageError(errors::add);
      moderator.navigate(board.getString("moderatorUrl"));
      assertThat(moderator.locator("#conn")).hasAttribute("data-state", "online");

      phone.getByLabel("Phase").selectOption("custody");
      phone.getByLabel("Dimension").selectOption("issues");
      phone.getByLabel("Write a note").fill("Call Marco on 333 123 4567 about the placement");
      button(phone, "Send to Taking into care · Critical issues").click();
      assertThat(phone.locator("#pd-warning")).isVisible();
      assertThat(phone.locator("#pd-text"))
          .containsText("may contain personal data: a phone number.");
      assertThat(phone.getByLabel("Write a note"))
          .hasValue("Call Marco on 333 123 4567 about the placement");
      assertThat(phone.locator("#lane-notes .note")).hasCount(0);
      Axe.assertNoSeriousViolations(phone);
      Browsers.screenshot(phone, "phone-personal-data-warning");
      button(phone, "Edit the note").click();
      assertThat(phone.locator("#pd-warning")).isHidden();
      assertThat(phone.getByLabel("Write a note")).isFocused();
      phone.getByLabel("Write a note").fill("Call the caseworker back about the placement");
      button(phone, "Send to Taking into care · Critical issues").click();
      assertThat(phone.locator("#pd-warning")).isHidden();
      assertThat(phone.locator("#lane-notes"))
          .containsText("Call the caseworker back about the placement");

      String risky = "Write to anna.rossi@example.com, born on 12/03/2009";
      phone.getByLabel("Write a note").fill(risky);
      button(phone, "Send to Taking into care · Critical issues").click();
      assertThat(phone.locator("#pd-text")).containsText("an email address and a date of birth");
      button(phone, "Send anyway").click();
      assertThat(phone.locator("#pd-warning")).isHidden();
      assertThat(phone.locator("#lane-notes")).containsText(risky);
      assertThat(projector.locator("#grid")).containsText(risky);

      button(moderator, "Actions for the note: " + risky).click();
      moderator.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Redact")).click();
      Locator dialog = moderator.getByRole(AriaRole.DIALOG);
      assertThat(dialog.getByLabel("Text to show instead")).hasValue(risky);
      dialog.getByLabel("Text to show instead").fill("Write to [email removed]");
      button(moderator, "Redact").click();
      assertThat(projector.locator("#grid")).containsText("Write to [email removed]");
      assertThat(projector.locator("#grid")).not().containsText("anna.rossi");
      assertThat(phone.locator("#lane-notes")).containsText("Write to [email removed]");
      assertThat(moderator.locator("#grid")).containsText("Write to [email removed]");
      assertFalse(
          moderator.locator("#grid").innerText().contains("anna.rossi"),
          "the moderator's grid is redacted too");

      projector.reload();
      assertThat(projector.locator("#grid")).containsText("Write to [email removed]");
      assertFalse(
          projector.content().contains("anna.rossi"),
          "a reloaded projector never sees the old text");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName("the warning speaks Italian on an Italian page")
  void italianWarning() {
    JsonObject board = api.workshop("Attenzione", "Gruppo A").board(0);
    try (BrowserContext mobile = Browsers.phone()) {
      Page phone = mobile.newPage();
      phone.navigate(api.base() + "/j/" + board.getString("joinCode") + "?lang=it");
      phone.getByLabel("Ho letto l’informativa sulla privacy").check();
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entra")).click();
      phone.getByLabel("Scrivi una nota").fill("Il codice fiscale è RSSMRA85T10A562S");
      phone.locator("#send").click();
      assertThat(phone.locator("#pd-text"))
          .containsText("potrebbe contenere dati personali: un codice fiscale.");
      assertThat(button(phone, "Invia comunque")).isVisible();
      assertThat(button(phone, "Modifica la nota")).isVisible();
    }
  }
}
