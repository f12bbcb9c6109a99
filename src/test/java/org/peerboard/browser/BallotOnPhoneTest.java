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
import org.peerboard.support.TestApp;

@DisplayName("A phone votes with one thumb")
class BallotOnPhoneTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static Page phone(BrowserContext context, VoteBoard vote, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(vote.joinUrl());
    page.getByLabel("Name (optional)").fill("Bea");
    Pages.acceptAndJoin(page, "Bea");
    return page;
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private static int dotsOn(JsonObject round, String itemId) {
    JsonArray ballots = round.getJsonArray("ballots");
    int dots = 0;
    for (int i = 0; i < ballots.size(); i++) {
      if (ballots.getJsonObject(i).getString("itemId").equals(itemId)) {
        dots += ballots.getJsonObject(i).getInteger("dots");
      }
    }
    return dots;
  }

  @Test
  @DisplayName(
      "dots: the budget is always shown, the cap is kept, a vote is changed, offline taps are sent later, "
          + "and after the reveal the phone shows the ranking with its own dots")
  void dots() {
    List<String> errors = new ArrayList<>();
    try (VoteBoard vote =
            new VoteBoard("Dots", "Mentoring", "A housing fund at 18", "One contact person");
        BrowserContext mobile = Browsers.phone()) {
      Page phone = phone(mobile, vote, errors);
      String round =
          vote.open(
              new JsonObject()
                  .put("kind", "dots")
                  .put("budget", 5)
                  .put("cap", 3)
                  .put("anonymous", false));
      assertThat(phone.locator("#vote-heading")).hasText("Vote");
      assertThat(phone.locator("#vote-budget")).hasText("Dots left: 5 of 5");
      assertThat(phone.locator("#ballot .ballot-item")).hasCount(3);
      assertThat(phone.locator("#ballot .ballot-item").first()).containsText("Mentoring");

      Locator addMentoring = button(phone, "Add a dot to: Mentoring");
      for (int i = 0; i < 3; i++) {
        addMentoring.click();
      }
      assertThat(phone.locator("#vote-budget")).hasText("Dots left: 2 of 5");
      assertThat(addMentoring).hasAttribute("aria-disabled", "true");
      addMentoring.click(new Locator.ClickOptions().setForce(true));
      assertThat(phone.locator("#vote-status")).hasText("At most 3 dots on one proposal.");
      assertThat(phone.locator("[data-item-id='" + vote.items.get(0) + "'] .dots-words"))
          .hasText("3 of 3 dots");

      button(phone, "Add a dot to: A housing fund at 18").click();
      button(phone, "Add a dot to: A housing fund at 18").click();
      assertThat(phone.locator("#vote-budget")).hasText("Dots left: 0 of 5");
      assertThat(button(phone, "Add a dot to: One contact person"))
          .hasAttribute("aria-disabled", "true");
      button(phone, "Add a dot to: One contact person")
          .click(new Locator.ClickOptions().setForce(true));
      assertThat(phone.locator("#vote-status")).containsText("No dots left");

      button(phone, "Remove a dot from: Mentoring").click();
      button(phone, "Add a dot to: One contact person").click();
      assertThat(phone.locator("#vote-budget")).hasText("Dots left: 0 of 5");
      assertThat(phone.locator("#ballot [data-send-state='pending']")).hasCount(0);
      assertEquals(2, dotsOn(vote.round(round), vote.items.get(0)));
      assertEquals(1, dotsOn(vote.round(round), vote.items.get(2)));
      Axe.assertNoSeriousViolations(phone);
      assertEquals(
          360,
          ((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue(),
          "no horizontal scrolling at 360px");
      Browsers.screenshot(phone, "phone-ballot-dots");

      mobile.setOffline(true);
      assertThat(phone.locator("#conn")).hasAttribute("data-state", "offline");
      button(phone, "Remove a dot from: A housing fund at 18").click();
      assertThat(phone.locator("#vote-budget")).hasText("Dots left: 1 of 5");
      assertThat(phone.locator("[data-item-id='" + vote.items.get(1) + "'] .send-state"))
          .hasText("Waiting to send");
      mobile.setOffline(false);
      assertThat(phone.locator("#conn")).hasAttribute("data-state", "online");
      assertThat(phone.locator("[data-item-id='" + vote.items.get(1) + "'] .send-state"))
          .hasText("Saved");
      assertEquals(1, dotsOn(vote.round(round), vote.items.get(1)));

      phone.reload();
      assertThat(phone.locator("#vote-budget")).hasText("Dots left: 1 of 5");
      assertThat(phone.locator("[data-item-id='" + vote.items.get(0) + "'] .dots-words"))
          .hasText("2 of 3 dots");

      vote.ack("vote.reveal", new JsonObject().put("roundId", round));
      assertThat(phone.locator("#vote-heading")).hasText("Results of the vote");
      Locator results = phone.locator("#vote-results .result");
      assertThat(results).hasCount(3);
      assertThat(results.nth(0)).containsText("Mentoring");
      assertThat(results.nth(0)).containsText("Your dots: 2");
      assertThat(results.nth(0).locator(".result-rank")).hasText("1");
      assertThat(results.nth(1).locator(".result-rank")).hasText("=2");
      assertThat(results.nth(2).locator(".result-rank")).hasText("=2");
      Axe.assertNoSeriousViolations(phone);
      Browsers.screenshot(phone, "phone-vote-results");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "ratings: scores 1 to 5 per criterion with the labels in the page language, and a comment")
  void ratings() {
    List<String> errors = new ArrayList<>();
    try (VoteBoard vote =
            new VoteBoard("Ratings", null, "A housing fund at 18", "One contact person");
        BrowserContext mobile = Browsers.phone()) {
      Page phone = phone(mobile, vote, errors);
      String round =
          vote.open(
              new JsonObject().put("kind", "rating").put("comments", true).put("anonymous", false));
      Locator first = phone.locator("[data-item-id='" + vote.items.get(0) + "']");
      assertThat(first.locator("legend")).hasText(new String[] {"Feasibility", "Sustainability"});
      first.getByLabel("4 for Feasibility: A housing fund at 18").check();
      first.getByLabel("2 for Sustainability: A housing fund at 18").check();
      first.getByLabel("Comment (optional)").fill("Needs a regional law");
      button(phone, "Save comment: A housing fund at 18").click();
      assertThat(first.locator(".send-state")).hasText("Saved");
      first.getByLabel("3 for Sustainability: A housing fund at 18").check();
      assertThat(first.getByLabel("3 for Sustainability: A housing fund at 18")).isChecked();
      assertThat(first.locator(".send-state")).hasText("Saved");
      Axe.assertNoSeriousViolations(phone);
      Browsers.screenshot(phone, "phone-ballot-rating");

      // "Saved" was already shown for the earlier scores: wait until the server holds the last
      // cast, then compare
      JsonObject expected = new JsonObject().put("feasibility", 4).put("sustainability", 3);
      JsonObject ballot = vote.round(round).getJsonArray("ballots").getJsonObject(0);
      for (int tries = 0; tries < 50 && !expected.equals(ballot.getJsonObject("scores")); tries++) {
        phone.waitForTimeout(100);
        ballot = vote.round(round).getJsonArray("ballots").getJsonObject(0);
      }
      assertEquals(expected, ballot.getJsonObject("scores"));
      assertEquals("Needs a regional law", ballot.getString("comment"));

      phone.navigate(vote.joinUrl() + "?lang=it");
      Locator primo = phone.locator("[data-item-id='" + vote.items.get(0) + "']");
      assertThat(primo.locator("legend")).hasText(new String[] {"Fattibilità", "Sostenibilità"});
      assertThat(primo.getByLabel("4 per Fattibilità: A housing fund at 18")).isChecked();
      assertThat(primo.getByLabel("Commento (facoltativo)")).hasValue("Needs a regional law");
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
