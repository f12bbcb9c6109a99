package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName("The accessibility statement")
class StatementPageTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  @Test
  @DisplayName(
      "answers 200 in English and Italian, as a page with its headings, its claim and its contact,"
          + " and axe finds nothing on it")
  void servedInBothLanguages() {
    Api api = TestApp.api();
    try (BrowserContext context = Browsers.screen()) {
      Page page = context.newPage();
      for (String[] lang :
          new String[][] {
            {"en", "Accessibility statement", "Known gaps", "Italiano", "2.1, level AA"},
            {"it", "Dichiarazione di accessibilità", "Limiti noti", "English", "2.1, livello AA"}
          }) {
        Api.Response response = api.get("/accessibility?lang=" + lang[0], null);
        assertEquals(200, response.status());
        page.navigate(api.base() + "/accessibility?lang=" + lang[0]);
        assertThat(page.locator("html")).hasAttribute("lang", lang[0]);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
            .hasText(lang[1]);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(lang[2])))
            .isVisible();
        assertThat(page.locator("main")).containsText(lang[4]);
        assertThat(page.locator("main")).containsText("accessibility@example.org");
        assertThat(page.locator(".lang-switch")).hasText(lang[3]);
        assertEquals(java.util.List.of(), Axe.violationsOfEveryRule(page, java.util.List.of()));
      }
    }
  }

  @Test
  @DisplayName("names the axe-core version the tests run, and the test classes that exist")
  void namesWhatRuns() throws IOException {
    String en = Files.readString(Path.of("docs", "accessibility.md"));
    String it = Files.readString(Path.of("docs", "accessibility.it.md"));
    try (BrowserContext context = Browsers.screen()) {
      Page page = context.newPage();
      page.navigate(TestApp.api().base() + "/accessibility");
      String version = Axe.version(page);
      assertTrue(
          en.contains("axe-core **" + version + "**"), "the English statement names " + version);
      assertTrue(
          it.contains("axe-core **" + version + "**"), "the Italian statement names " + version);
    }
    for (String test :
        java.util.List.of(
            "AccessibilityMatrixTest",
            "ReflowTest",
            "MotionAndContrastTest",
            "AccessibilityTest")) {
      assertTrue(
          Files.exists(Path.of("src/test/java/org/peerboard/browser/" + test + ".java")), test);
      assertTrue(en.contains(test) && it.contains(test), test);
    }
  }
}
