package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("Script-like text from people is shown as text on every page and never runs")
class ScriptLikeTextTest {
  private static final String IMG = "<img src=x onerror=alert(1)>";
  private static final String SCRIPT = "<script>alert(2)</script>";
  private static final String BREAKOUT = "</script><script>alert(3)</script>";

  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  /** A page that records every dialog (dismissing it) and every script error. */
  private static Page watched(BrowserContext context, List<String> trouble) {
    Page page = context.newPage();
    page.onDialog(
        dialog -> {
          trouble.add("dialog on " + page.url() + ": " + dialog.message());
          dialog.dismiss();
        });
    page.onPageError(error -> trouble.add("error on " + page.url() + ": " + error));
    return page;
  }

  /**
   * Nothing people typed became an element: no image with src=x, no inline script beyond the JSON
   * state.
   */
  private static void nothingInjected(Page page) {
    assertEquals(0, page.locator("img[src='x']").count(), "no injected image on " + page.url());
    assertEquals(
        0,
        ((Number)
                page.evaluate(
                    "document.querySelectorAll('script:not([src]):not([type=\"application/json\"])').length"))
            .intValue(),
        "no injected script on " + page.url());
  }

  @Test
  @DisplayName(
      "in a participant's name, a cluster name, notes and vote items, on the phone, projector, moderator "
          + "and plenary pages")
  void scriptLikeTextStaysText() {
    List<String> trouble = new ArrayList<>();
    String clusterName = "Cluster " + SCRIPT;
    String noteText = "Note " + IMG;
    try (VoteBoard vote = new VoteBoard("Workshop " + IMG, clusterName, noteText);
        BrowserContext mobile = Browsers.phone();
        BrowserContext screens = Browsers.screen()) {
      vote.ack(
          "note.add",
          new JsonObject().put("lane", "custody:issues").put("text", SCRIPT + " and " + BREAKOUT));
      Api.Participant other =
          vote.api.join(vote.board.getString("joinCode"), "Name " + SCRIPT + BREAKOUT);
      WsClient otherPhone = WsClient.hello(TestApp.shared().port(), vote.id, other.token(), null);

      Page phone = watched(mobile, trouble);
      phone.navigate(vote.joinUrl());
      phone.getByLabel("Name (optional)").fill("Name " + IMG);
      Pages.acceptAndJoin(phone, null);
      phone.getByLabel("Phase").selectOption("custody");
      phone.getByLabel("Dimension").selectOption("issues");
      assertThat(phone.locator("#lane-notes")).containsText(SCRIPT + " and " + BREAKOUT);

      Page projector = watched(screens, trouble);
      projector.navigate(vote.board.getString("projectorUrl"));
      assertThat(projector.locator(".board-title")).containsText("Workshop " + IMG);
      assertThat(projector.locator("#grid")).containsText(noteText);
      Page moderator = watched(screens, trouble);
      moderator.navigate(vote.board.getString("moderatorUrl"));
      assertThat(moderator.locator("#conn")).hasAttribute("data-state", "online");
      assertThat(moderator.locator("#grid")).containsText(clusterName);
      moderator.locator("#bar-people").click();
      assertThat(moderator.locator("#participants")).containsText("Name " + IMG);
      assertThat(moderator.locator("#participants")).containsText("Name " + SCRIPT + BREAKOUT);

      String round = vote.open(new JsonObject().put("kind", "dots").put("anonymous", false));
      assertThat(phone.locator("#ballot .item-label"))
          .hasText(new String[] {clusterName, noteText});
      phone.locator("[data-item-id='" + vote.items.get(0) + "'] .dot-plus").click();
      assertThat(phone.locator("#vote-budget")).hasText("Dots left: 4 of 5");
      otherPhone.answer(
          otherPhone.op(
              "vote.cast",
              new JsonObject()
                  .put("roundId", round)
                  .put("itemId", vote.items.get(1))
                  .put("dots", 2)));
      assertThat(projector.locator(".vote-board-items li"))
          .hasText(new String[] {clusterName, noteText});
      moderator.locator("#bar-votes").click();
      Locator ballots = moderator.locator(".round").first();
      assertThat(ballots.locator(".round-progress"))
          .hasText(Pattern.compile("^2 of \\d+ have voted$"));
      ballots.getByText("Ballots (2)").click();
      assertThat(ballots.locator(".round-ballots")).containsText("Name " + IMG);
      assertThat(ballots.locator(".round-ballots")).containsText("Name " + SCRIPT + BREAKOUT);
      ballots.getByText("Proposals (2)").click();
      assertThat(ballots.locator(".round-items")).containsText(clusterName);

      vote.ack("vote.reveal", new JsonObject().put("roundId", round));
      assertThat(phone.locator("#vote-results .result-label"))
          .hasText(new String[] {noteText, clusterName});
      assertThat(projector.locator("#vote-board .result-name"))
          .hasText(new String[] {noteText, clusterName});
      assertThat(moderator.locator(".round-results .result-label"))
          .hasText(new String[] {noteText, clusterName});

      vote.ack("board.stage", new JsonObject().put("stage", "clustering"));
      vote.ack("board.settings", new JsonObject().put("view", "clusters"));
      assertThat(projector.locator(".stack-name")).hasText(clusterName);
      vote.ack("board.settings", new JsonObject().put("spotlight", vote.items.get(0)));
      assertThat(projector.locator("#spotlight .spot-title")).hasText(clusterName);

      Page plenary = watched(screens, trouble);
      plenary.navigate(
          vote.workshop.json().getString("organiserUrl").replace("?k=", "/plenary?k="));
      assertThat(plenary.locator(".plenary-board .conn").first())
          .hasAttribute("data-state", "online");
      assertThat(plenary.locator(".plenary-board")).containsText(clusterName);
      assertThat(plenary.locator(".plenary-board")).containsText(SCRIPT + " and " + BREAKOUT);

      phone.reload();
      assertThat(phone.locator("#vote-results .result-label").first()).hasText(noteText);
      moderator.reload();
      assertThat(moderator.locator("#grid")).containsText(noteText);
      for (Page page : List.of(phone, projector, moderator, plenary)) {
        nothingInjected(page);
      }
      otherPhone.close();
      assertEquals(List.of(), trouble, "no dialog and no script error on any page");
    }
  }
}
