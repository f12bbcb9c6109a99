package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName("An organiser")
class OrganiserPagesTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  @Test
  @DisplayName(
      "creates a workshop on the new-workshop page and sees every group's join code and QR code")
  void createsAWorkshop() {
    try (BrowserContext context = Browsers.screen()) {
      Page page = context.newPage();
      page.navigate(api.base() + "/new?lang=en");
      page.getByLabel("Title").fill("Prato consultation");
      page.getByLabel("Place").fill("Prato");
      page.getByLabel("Date").fill("2026-03-18");
      page.getByLabel("English", new Page.GetByLabelOptions().setExact(true)).check();
      page.getByLabel("Working groups").fill("Table 1\nTable 2\n\nTable 3\n");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workshop"))
          .click();

      assertThat(page).hasURL(Pattern.compile("/w/[0-9a-f-]{36}$"));
      Locator sheets = page.locator(".group-sheet");
      assertThat(sheets).hasCount(3);
      for (int i = 0; i < 3; i++) {
        Locator sheet = sheets.nth(i);
        assertThat(sheet.locator(".group-name")).containsText("Table " + (i + 1));
        assertThat(sheet.locator(".join-code")).hasText(Pattern.compile("^[A-Z0-9]{6}$"));
        Locator qr = sheet.locator("img.qr");
        assertThat(qr).hasJSProperty("complete", true);
        assertTrue(
            (Boolean) qr.evaluate("img => img.naturalWidth > 0"),
            "QR code of table " + (i + 1) + " loaded");
      }
      Browsers.screenshot(page, "organiser");

      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Print")))
          .isHidden();
      assertThat(sheets.first().locator(".private-links")).isHidden();
      assertThat(sheets.first().locator("img.qr")).isVisible();
    }
  }

  @Test
  @DisplayName(
      "who opens a join code that does not exist gets a friendly page to type the code again")
  void unknownJoinCode() {
    Api.Workshop workshop = api.workshop("Codes", "Group A");
    try (BrowserContext context = Browsers.phone()) {
      Page page = context.newPage();
      Response response = page.navigate(api.base() + "/j/QQQQQQ");
      assertEquals(404, response.status());
      assertThat(
              page.getByRole(
                  AriaRole.HEADING, new Page.GetByRoleOptions().setName("Something is not right")))
          .isVisible();
      assertThat(page.locator("#error-message")).containsText("No board has this code");
      page.getByLabel("Code shown on the screen")
          .fill(workshop.board(0).getString("joinCode").toLowerCase());
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go")).click();
      assertThat(
              page.getByRole(
                  AriaRole.HEADING, new Page.GetByRoleOptions().setName("Join the board")))
          .isVisible();
    }
  }
}
