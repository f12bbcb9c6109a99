package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("The projector shows the vote: progress without results, then the ranked results")
class ProjectorVoteTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static Page projector(BrowserContext context, VoteBoard vote, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(vote.board.getString("projectorUrl"));
    assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
    return page;
  }

  /**
   * Three participants with their phones connected, so the projector knows three people are here.
   */
  private static List<WsClient> people(VoteBoard vote, List<Api.Participant> who) {
    List<WsClient> sockets = new ArrayList<>();
    for (String name : List.of("Ada", "Bruno", "Carla")) {
      Api.Participant p = vote.api.join(vote.board.getString("joinCode"), name);
      who.add(p);
      sockets.add(WsClient.hello(TestApp.shared().port(), vote.id, p.token(), null));
    }
    return sockets;
  }

  private static JsonObject dots(String round, String item, int dots) {
    return new JsonObject().put("roundId", round).put("itemId", item).put("dots", dots);
  }

  private static JsonObject scores(String round, String item, int feasibility, int sustainability) {
    return new JsonObject()
        .put("roundId", round)
        .put("itemId", item)
        .put(
            "scores",
            new JsonObject().put("feasibility", feasibility).put("sustainability", sustainability));
  }

  @Test
  @DisplayName(
      "a dot vote: '2 of 3 have voted' and no figure before the reveal, ranked bars after it")
  void dotVote() {
    List<String> errors = new ArrayList<>();
    List<Api.Participant> who = new ArrayList<>();
    try (VoteBoard vote =
            new VoteBoard(
                "Projector dots", "Mentoring", "A housing fund at 18", "One contact person");
        BrowserContext screen = Browsers.screen()) {
      List<WsClient> sockets = people(vote, who);
      Page projector = projector(screen, vote, errors);
      vote.ack("board.stage", new JsonObject().put("stage", "voting"));
      String round = vote.open(new JsonObject().put("kind", "dots"));
      assertThat(projector.locator("#vote-board")).isVisible();
      assertThat(projector.locator("#grid")).isHidden();
      assertThat(projector.locator("#vote-progress")).hasText("0 of 3 have voted");
      assertThat(projector.locator(".vote-board-items li"))
          .hasText(new String[] {"Mentoring", "A housing fund at 18", "One contact person"});

      vote.cast(who.get(0), dots(round, vote.items.get(1), 3));
      vote.cast(who.get(0), dots(round, vote.items.get(0), 2));
      vote.cast(who.get(1), dots(round, vote.items.get(1), 1));
      vote.cast(who.get(1), dots(round, vote.items.get(2), 2));
      assertThat(projector.locator("#vote-progress")).hasText("2 of 3 have voted");
      assertThat(projector.locator("#vote-board .screen-result")).hasCount(0);
      assertFalse(
          projector.locator("#vote-board").innerText().contains("Dots:"),
          "no figure before the reveal");

      vote.ack("vote.close", new JsonObject().put("roundId", round));
      assertThat(projector.locator("#vote-board-heading")).hasText("Voting is closed");
      assertThat(projector.locator("#vote-progress")).hasText("2 of 3 voted");
      vote.ack("vote.reveal", new JsonObject().put("roundId", round));
      Locator results = projector.locator("#vote-board .screen-result");
      assertThat(results).hasCount(3);
      assertThat(results.nth(0)).containsText("A housing fund at 18");
      assertThat(results.nth(0).locator(".result-figure-cell")).containsText("4 2 voters");
      assertThat(results.nth(1).locator(".screen-rank")).hasText("=2");
      assertThat(results.nth(2).locator(".screen-rank")).hasText("=2");
      assertThat(projector.locator("#vote-board svg.bar")).hasCount(3);
      assertEquals(
          "100.00",
          projector
              .locator("#vote-board .screen-result")
              .nth(0)
              .locator(".bar-fill")
              .getAttribute("width"));
      assertEquals(
          "50.00",
          projector
              .locator("#vote-board .screen-result")
              .nth(1)
              .locator(".bar-fill")
              .getAttribute("width"));
      assertThat(projector.locator("#vote-progress")).isHidden();

      vote.ack("board.stage", new JsonObject().put("stage", "clustering"));
      assertThat(projector.locator("#grid")).isVisible();
      assertThat(projector.locator("#vote-board")).isHidden();
      sockets.forEach(WsClient::close);
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a rating: mean, median, distribution and agreement per criterion, and the feasibility x "
          + "sustainability matrix with quick wins top right")
  void ratingWithMatrix() {
    List<String> errors = new ArrayList<>();
    List<Api.Participant> who = new ArrayList<>();
    try (VoteBoard vote =
            new VoteBoard(
                "Projector ratings",
                "Mentoring",
                "A housing fund at 18",
                "One contact person across services",
                "Evening office hours");
        BrowserContext screen = Browsers.screen()) {
      List<WsClient> sockets = people(vote, who);
      Page projector = projector(screen, vote, errors);
      vote.ack("board.stage", new JsonObject().put("stage", "voting"));
      String round = vote.open(new JsonObject().put("kind", "rating"));
      int[][][] given = {
        {{5, 4}, {2, 5}, {4, 4}, {1, 2}},
        {{4, 4}, {1, 4}, {5, 5}, {2, 1}},
        {{5, 5}, {2, 4}, {3, 4}, {1, 1}},
      };
      for (int p = 0; p < 3; p++) {
        for (int i = 0; i < 4; i++) {
          vote.cast(who.get(p), scores(round, vote.items.get(i), given[p][i][0], given[p][i][1]));
        }
      }
      assertThat(projector.locator("#vote-progress")).hasText("3 of 3 have voted");
      assertThat(projector.locator("#vote-board svg")).hasCount(0);
      vote.ack("vote.reveal", new JsonObject().put("roundId", round));

      Locator results = projector.locator("#vote-board .screen-result");
      assertThat(results).hasCount(4);
      assertThat(results.nth(0)).containsText("Mentoring");
      assertThat(results.nth(0).locator(".result-figure-cell")).containsText("4.5");
      assertThat(projector.locator(".results-table thead th").nth(2)).hasText("Feasibility");
      // each criterion's mean and how many scored it
      assertThat(results.nth(0).locator(".result-criterion").nth(0)).hasText("4.7 3 votes");
      assertThat(results.nth(0).locator(".result-criterion").nth(1)).hasText("4.3 3 votes");
      assertThat(results.nth(3)).containsText("Evening office hours");
      assertThat(projector.locator("svg.matrix")).isVisible();
      assertThat(projector.locator("svg.matrix .matrix-corner-label")).hasText("Quick wins");
      assertThat(projector.locator("svg.matrix .matrix-point")).hasCount(4);
      assertThat(results.nth(0).locator(".quick-chip")).hasText("quick win");
      assertThat(results.nth(3).locator(".quick-chip")).hasCount(0);
      assertThat(projector.locator(".matrix-legend li").nth(1)).containsText("quick wins");
      Axe.assertNoSeriousViolations(projector);
      Browsers.screenshot(projector, "projector-vote-results");
      sockets.forEach(WsClient::close);
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
