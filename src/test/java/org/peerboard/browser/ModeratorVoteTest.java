package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("The moderator runs the votes")
class ModeratorVoteTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static Locator button(Locator within, String name) {
    return within.getByRole(
        AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  @Test
  @DisplayName(
      "opens a named rating with edited and added criteria, sees progress and ballots, links a proposal to "
          + "a phase, closes, reveals and reopens, then opens a second round")
  void runsRounds() {
    List<String> errors = new ArrayList<>();
    try (VoteBoard vote = new VoteBoard("Moderated vote", "Mentoring", "A housing fund at 18");
        BrowserContext laptop = Browsers.screen()) {
      Api.Participant dora = vote.api.join(vote.board.getString("joinCode"), "Dora");
      WsClient doraPhone = WsClient.hello(TestApp.shared().port(), vote.id, dora.token(), null);
      Page page = laptop.newPage();
      page.onPageError(errors::add);
      page.navigate(vote.board.getString("moderatorUrl"));
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      Locator panel = page.locator("#vote-panel");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Votes").setExact(true))
          .click();
      assertThat(panel).containsText("No vote yet on this board.");

      panel.getByText("Open a new vote…").click();
      assertThat(panel.getByLabel("Proposals from")).hasValue("improvements");
      panel.getByLabel("Rating: score each proposal from 1 to 5 per criterion").check();
      assertThat(panel.getByLabel("Label in English").first()).hasValue("Feasibility");
      panel.getByLabel("Label in English").first().fill("Can we do it?");
      button(panel, "Add “Impact”").click();
      button(panel, "Add a criterion").click();
      panel.getByLabel("Label in Italian").last().fill("Costo per le famiglie");
      panel.getByLabel("Label in English").last().fill("Cost for families");
      panel.getByLabel("Anonymous (nobody sees who voted what)").uncheck();
      panel.getByLabel("Ask for a short comment on each proposal").check();
      Axe.assertNoSeriousViolations(page);
      button(panel, "Open the vote").click();

      Locator round = panel.locator(".round").first();
      assertThat(round.locator(".round-title"))
          .containsText("Vote 1: rating on Potential improvements");
      assertThat(round.locator(".round-title")).containsText("Open");
      assertThat(round.locator(".round-setup"))
          .hasText(
              "Can we do it?, Sustainability, Impact, Cost for families · named · with comments");
      JsonObject opened = vote.round(round.getAttribute("data-round-id"));
      JsonArray criteria = opened.getJsonArray("criteria");
      assertEquals("feasibility", criteria.getJsonObject(0).getString("key"));
      assertEquals(
          "Can we do it?", criteria.getJsonObject(0).getJsonObject("labels").getString("en"));
      assertEquals(
          "Fattibilità", criteria.getJsonObject(0).getJsonObject("labels").getString("it"));
      assertEquals("cost-for-families", criteria.getJsonObject(3).getString("key"));
      assertEquals(
          "Costo per le famiglie",
          criteria.getJsonObject(3).getJsonObject("labels").getString("it"));
      String roundId = opened.getString("id");

      assertThat(round.locator(".round-progress")).hasText("0 of 1 have voted");
      JsonObject answer =
          doraPhone.answer(
              doraPhone.op(
                  "vote.cast",
                  new JsonObject()
                      .put("roundId", roundId)
                      .put("itemId", vote.items.get(1))
                      .put("scores", new JsonObject().put("feasibility", 4).put("impact", 5))
                      .put("comment", "Start with a pilot")));
      assertEquals("ack", answer.getString("type"), answer.encode());
      assertThat(round.locator(".round-progress")).hasText("1 of 1 have voted");
      round.getByText("Ballots (1)").click();
      assertThat(round.locator(".round-ballots tbody tr")).hasCount(1);
      assertThat(round.locator(".round-ballots tbody tr")).containsText("Dora");
      assertThat(round.locator(".round-ballots tbody tr")).containsText("A housing fund at 18");
      assertThat(round.locator(".round-ballots tbody tr"))
          .containsText("Can we do it? 4, Impact 5 · “Start with a pilot”");

      round.getByText("Proposals (2)").click();
      button(round, "Link to phases: A housing fund at 18").click();
      Locator dialog = page.getByRole(AriaRole.DIALOG);
      dialog.getByLabel("5. Leaving care").check();
      button(dialog, "Save the links").click();
      assertThat(round.locator("[data-item-id='" + vote.items.get(1) + "'] .round-item-phases"))
          .hasText("Improves: Leaving care");
      assertEquals(
          new JsonArray().add("leaving"),
          vote.round(roundId).getJsonArray("items").getJsonObject(1).getJsonArray("phases"));

      button(round, "Close: Vote 1: rating on Potential improvements").click();
      assertThat(round.locator(".round-title")).containsText("Closed");
      button(round, "Show the results: Vote 1: rating on Potential improvements").click();
      assertThat(round.locator(".round-title")).containsText("Results shown");
      assertThat(round.locator(".round-results .result")).hasCount(2);
      assertThat(round.locator(".round-results .result").first())
          .containsText("A housing fund at 18");
      assertThat(round.locator(".round-results .result").first())
          .containsText("Start with a pilot");
      assertThat(
              round.locator(".round-results .result").first().locator(".criterion-figures").nth(1))
          .containsText("Sustainability" + "no scores yet");
      Axe.assertNoSeriousViolations(page);
      round.scrollIntoViewIfNeeded();
      Browsers.screenshot(page, "moderator-votes");
      button(round, "Reopen: Vote 1: rating on Potential improvements").click();
      assertThat(round.locator(".round-title")).containsText("Open");
      assertThat(round.locator(".round-results")).hasCount(0);

      panel.getByText("Open a new vote…").click();
      panel.getByLabel("Dots: each person spreads a budget of dots").check();
      panel.getByLabel("Dots per person").fill("2");
      panel.getByLabel("At most per proposal").fill("4");
      button(panel, "Open the vote").click();
      assertThat(panel.locator("#vote-form-error"))
          .containsText("between 1 and the dots per person");
      panel.getByLabel("At most per proposal").fill("2");
      button(panel, "Open the vote").click();
      assertThat(panel.locator(".round")).hasCount(2);
      assertThat(panel.locator(".round").first().locator(".round-title"))
          .containsText("Vote 2: dots on Potential improvements");
      assertThat(panel.locator(".round").first().locator(".round-setup"))
          .hasText("2 dots each, at most 2 per proposal · anonymous");
      doraPhone.close();
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
