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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.suggest.LabelledSet;
import org.peerboard.suggest.model.Suggester;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("Suggested themes on the moderator page")
class SuggestionsPageTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  /**
   * Participants post these notes in one lane, eight each (under the per-participant rate limit).
   */
  private static void post(JsonObject board, String lane, List<String> texts) {
    for (int from = 0; from < texts.size(); from += 8) {
      Api.Participant participant = api.join(board.getString("joinCode"), "P" + from);
      try (WsClient ws =
          WsClient.hello(
              TestApp.shared().port(), participant.boardId(), participant.token(), null)) {
        for (String text : texts.subList(from, Math.min(texts.size(), from + 8))) {
          assertEquals(
              "ack",
              ws.answer(ws.op("note.add", new JsonObject().put("lane", lane).put("text", text)))
                  .getString("type"));
        }
      }
    }
  }

  private static Page open(BrowserContext context, String url, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(url);
    assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
    return page;
  }

  @Test
  @DisplayName(
      "the moderator accepts one suggestion and dismisses another; the projector shows the new cluster; "
          + "undo takes it back")
  void acceptDismissUndo() {
    JsonObject board = api.workshop("Suggestions", "Group A").board(0);
    post(
        board,
        "improvements",
        List.of(
            "A fund to pay the rental deposit and the first months of rent",
            "Help with rent for the first two years after leaving the care home",
            "Pair each care leaver with a trained volunteer mentor",
            "A mentoring scheme with volunteers from the local community",
            "Regular supervision for residential care workers",
            "A standing coordination table between social services, health and school",
            "Explain court decisions to young people in plain words",
            "REGULAR SUPERVISION FOR RESIDENTIAL CARE WORKERS!"));
    List<String> errors = new ArrayList<>();
    try (BrowserContext screen = Browsers.screen();
        BrowserContext wall = Browsers.screen()) {
      Page moderator = open(screen, board.getString("moderatorUrl"), errors);
      Page projector = open(wall, board.getString("projectorUrl"), errors);

      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suggest themes"))
          .click();
      Locator cards = moderator.locator("#suggest-panel .suggest-card");
      assertThat(moderator.locator("#suggest-panel")).isVisible();
      Locator rent = cards.filter(new Locator.FilterOptions().setHasText("rental deposit"));
      Locator mentors = cards.filter(new Locator.FilterOptions().setHasText("volunteer mentor"));
      Locator duplicate = moderator.locator("#suggest-panel .suggest-duplicate");
      assertThat(rent).hasCount(1);
      assertThat(mentors).hasCount(1);
      assertThat(duplicate).hasCount(1);
      int shown = cards.count();
      int marked = moderator.locator("#grid .suggested").count();

      rent.getByLabel("Cluster name").fill("Money for rent");
      rent.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
      mentors.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dismiss")).click();
      assertThat(cards).hasCount(shown - 2);
      Locator cluster = moderator.locator("[data-lane='improvements'] .cluster");
      assertThat(cluster.locator(".cluster-name")).hasText("Money for rent");
      assertThat(cluster.locator(".cluster-count")).hasText("2 notes");
      assertThat(moderator.locator("#grid .suggested")).not().hasCount(marked);

      moderator.locator("#bar-projector").click(); // the projector's view buttons live in its panel
      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clusters V"))
          .click();
      Locator stack = projector.locator("[data-lane='improvements'] .stack");
      assertThat(stack.locator(".stack-name")).hasText("Money for rent");
      assertThat(stack.locator(".stack-count")).hasText("2 notes");

      moderator.locator("#undo").click();
      assertThat(cluster).hasCount(0);
      assertThat(
              projector
                  .locator("[data-lane='improvements'] .stack-name")
                  .filter(new Locator.FilterOptions().setHasText("Money for rent")))
          .hasCount(0);
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName("with sixty Italian notes the suggestions fit a 1366x768 laptop and pass axe")
  void laptopScreenshot() {
    JsonObject created =
        api.post(
                "/api/workshops",
                new JsonObject()
                    .put("title", "Giornata di consultazione")
                    .put("language", "it")
                    .put("groups", new JsonArray().add("Gruppo A")))
            .json();
    JsonObject board = created.getJsonArray("boards").getJsonObject(0);
    List<String> texts =
        LabelledSet.load("it", null).notes().stream().map(Suggester.Note::text).limit(60).toList();
    post(board, "improvements", texts);
    List<String> errors = new ArrayList<>();
    try (BrowserContext laptop =
        Browsers.chromium()
            .newContext(
                new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("it-IT"))) {
      Page moderator = open(laptop, board.getString("moderatorUrl"), errors);
      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Suggerisci"))
          .click();
      assertThat(moderator.locator("#suggest-panel .suggest-card").first()).isVisible();
      moderator.locator("#suggest-panel").scrollIntoViewIfNeeded();
      Browsers.screenshot(moderator, "moderator-suggestions-1366");
      moderator.locator("[data-lane='improvements']").scrollIntoViewIfNeeded();
      Browsers.screenshot(moderator, "moderator-suggestions-grid-1366");
      Axe.assertNoSeriousViolations(moderator);
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
