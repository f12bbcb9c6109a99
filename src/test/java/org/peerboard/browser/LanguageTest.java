package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName("Pages speak the workshop's language")
class LanguageTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  @Test
  @DisplayName(
      "an Italian workshop greets participants in Italian, with the organiser's privacy notice, and the "
          + "switch turns the page and the template's labels into English")
  void italianWorkshopAndSwitch() {
    JsonObject created =
        api.post(
                "/api/workshops",
                new JsonObject()
                    .put("title", "Prato")
                    .put("language", "it")
                    .put("groups", new JsonArray().add("Tavolo 1"))
                    .put("privacyNotice", "Le note restano anonime <b>sempre</b>."))
            .json();
    String code = created.getJsonArray("boards").getJsonObject(0).getString("joinCode");
    try (BrowserContext context = Browsers.phone()) {
      Page phone = context.newPage();
      phone.navigate(api.base() + "/j/" + code);
      assertThat(phone.locator("html")).hasAttribute("lang", "it");
      assertThat(
              phone.getByRole(
                  AriaRole.HEADING, new Page.GetByRoleOptions().setName("Entra nella lavagna")))
          .isVisible();
      assertThat(phone.locator("#privacy-text")).hasText("Le note restano anonime <b>sempre</b>.");
      phone.getByLabel("Ho letto l’informativa sulla privacy").check();
      phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entra")).click();
      assertThat(phone.locator("#conn")).hasText("Connesso");
      assertThat(phone.locator("#phase option").nth(1)).hasText("2. Presa in carico");
      assertThat(phone.locator("#composer")).containsText("Famiglia affidataria");

      phone.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
      assertThat(phone.locator("html")).hasAttribute("lang", "en");
      assertThat(phone.locator("#conn")).hasText("Connected");
      assertThat(phone.locator("#phase option").nth(1)).hasText("2. Taking into care");
      assertThat(phone.locator("#composer")).containsText("Foster family");
    }
  }
}
