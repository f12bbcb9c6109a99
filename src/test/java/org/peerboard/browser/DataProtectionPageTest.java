package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

/** The organiser page's data protection section and retention date (issue 22). */
@DisplayName("The organiser's data protection section")
class DataProtectionPageTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  @Test
  @DisplayName(
      "the new-workshop page takes the controller's fields and the retention date; the join page's notice names them")
  void newWorkshopNamesTheController() {
    List<String> errors = new ArrayList<>();
    String until = LocalDate.now(ZoneOffset.UTC).plusYears(3).toString();
    try (BrowserContext context = Browsers.screen()) {
      Page page = context.newPage();
      page.onPageError(errors::add);
      page.navigate(TestApp.api().base() + "/new?lang=en");
      page.getByLabel("Title").fill("Florence consultation");
      page.getByLabel("English", new Page.GetByLabelOptions().setExact(true)).check();
      page.getByLabel("Organisation responsible for the data").fill("University of Florence");
      page.getByLabel("Contact for questions about the data").fill("dpo@unifi.example");
      page.getByLabel("Purpose of the research").fill("a study of care pathways");
      page.getByLabel("Keep the data until").fill(until);
      Axe.assertNoSeriousViolations(page);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workshop"))
          .click();
      assertThat(page.getByLabel("Data kept until")).hasValue(until);
      String joinUrl = page.locator(".group-sheet .join-url a").first().getAttribute("href");
      page.navigate(joinUrl);
      Locator notice = page.locator("#privacy-text");
      assertThat(notice).containsText("University of Florence");
      assertThat(notice).containsText("dpo@unifi.example");
      assertThat(notice).containsText("a study of care pathways");
      assertThat(notice).containsText(until);
    }
    assertEquals(List.of(), errors);
  }

  @Test
  @DisplayName(
      "it says what is stored and the consent counts, warns before the retention date and moves it")
  void dataProtection() {
    Api api = TestApp.api();
    LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(12);
    Api.Response made =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", "Sessione di Prato")
                .put("language", "en")
                .put("retainUntil", soon.toString())
                .put("groups", new JsonArray().add("A").add("B")));
    assertEquals(201, made.status(), made.body());
    JsonObject workshop = made.json();
    String code = workshop.getJsonArray("boards").getJsonObject(0).getString("joinCode");
    Api.Participant stays = api.join(code, "Anna");
    Api.Participant leaves = api.join(code, "Bruno");
    assertEquals(
        200,
        api.post("/api/boards/" + leaves.boardId() + "/withdraw", "{}", leaves.token()).status());
    assertEquals(stays.boardId(), leaves.boardId());

    List<String> errors = new ArrayList<>();
    for (int[] size : new int[][] {{1366, 768}, {1920, 1080}, {360, 640}}) {
      try (BrowserContext context =
          Browsers.chromium()
              .newContext(
                  new Browser.NewContextOptions()
                      .setViewportSize(size[0], size[1])
                      .setLocale("en-GB"))) {
        Page page = context.newPage();
        page.onPageError(errors::add);
        page.navigate(workshop.getString("organiserUrl"));
        Locator warning = page.locator("#retention-warning");
        assertThat(warning).isVisible();
        assertThat(warning).containsText("deleted by itself after " + soon);
        Locator section = page.locator("#data-protection");
        assertThat(section.getByRole(AriaRole.HEADING)).hasText("Data protection");
        assertThat(page.locator("#dp-counts"))
            .hasText("Participants: 2 joined, 2 agreed to the notice, 1 withdrew.");
        assertThat(section).containsText("Per note:");
        assertThat(section).containsText("Where the data lives:");
        assertThat(page.getByLabel("Data kept until")).hasValue(soon.toString());
        section.scrollIntoViewIfNeeded();
        Browsers.screenshot(page, "rights-organiser-" + size[0] + "x" + size[1]);
        Axe.assertNoSeriousViolations(page);
      }
    }
    try (BrowserContext context = Browsers.screen()) {
      Page page = context.newPage();
      page.onPageError(errors::add);
      page.navigate(workshop.getString("organiserUrl"));
      String later = LocalDate.now(ZoneOffset.UTC).plusYears(2).toString();
      page.getByLabel("Data kept until").fill(later);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the date"))
          .click();
      assertThat(page.locator("#retain-status"))
          .hasText("The data is now kept until " + later + ".");
      assertThat(page.locator("#retention-warning")).isHidden();
      page.reload();
      assertThat(page.getByLabel("Data kept until")).hasValue(later);
      assertThat(page.locator("#retention-warning")).isHidden();
    }
    assertEquals(List.of(), errors);
  }
}
