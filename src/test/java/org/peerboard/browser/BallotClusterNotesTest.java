package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.peerboard.support.TestApp;

@DisplayName("A ballot shows what a cluster holds")
class BallotClusterNotesTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  @Test
  @DisplayName(
      "a cluster proposal opens to show its notes (not the hidden ones), and stays open while voting")
  void clusterOpens() {
    List<String> errors = new ArrayList<>();
    try (VoteBoard vote = new VoteBoard("Cluster notes", "Mentoring", "A housing fund at 18")) {
      String hidden = vote.note("Mentoring that the moderator hid");
      vote.ack(
          "cluster.add",
          new JsonObject()
              .put("clusterId", vote.items.get(0))
              .put("noteIds", new JsonArray().add(hidden)));
      vote.ack("note.hide", new JsonObject().put("noteId", hidden).put("hidden", true));
      vote.open(new JsonObject().put("kind", "dots").put("budget", 5).put("cap", 3));
      for (int[] size : new int[][] {{360, 640}, {1366, 768}}) {
        Browser.NewContextOptions options =
            new Browser.NewContextOptions().setViewportSize(size[0], size[1]).setLocale("en-GB");
        try (BrowserContext context =
            Browsers.chromium()
                .newContext(
                    size[0] < 500 ? options.setIsMobile(true).setHasTouch(true) : options)) {
          Page phone = PhoneOneHandTest.joined(context, vote.joinUrl(), errors);
          Locator cluster = phone.locator("#ballot .ballot-item").first();
          assertThat(cluster.locator(".item-label")).hasText("Mentoring");
          Locator notes = cluster.locator(".cluster-notes li");
          assertThat(notes.first()).isHidden();
          cluster.getByText("See the 2 notes in it").click();
          assertThat(notes)
              .hasText(
                  new String[] {
                    "A peer mentor for every care leaver", "Mentoring by former care leavers"
                  });
          assertFalse(
              phone.content().contains("Mentoring that the moderator hid"),
              "hidden notes stay hidden");
          phone
              .getByRole(
                  AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a dot to: Mentoring"))
              .click();
          assertThat(phone.locator("#vote-budget")).hasText("Dots left: 4 of 5");
          assertThat(notes.first()).isVisible();
          assertThat(phone.locator("#ballot .ballot-item").nth(1).locator(".cluster-notes"))
              .hasCount(0);
          if (size[0] == 360) {
            Locator add =
                phone.getByRole(
                    AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Add a dot to: A housing fund at 18"));
            for (int i = 1; i <= 3; i++) {
              add.click();
              assertThat(phone.locator("#vote-budget")).hasText("Dots left: " + (4 - i) + " of 5");
            }
            assertThat(phone.locator("#ballot .ballot-item").nth(1).locator("[data-send-state]"))
                .hasText("Saved");
            phone.evaluate("window.scrollTo(0, document.body.scrollHeight)");
            add.click(
                new Locator.ClickOptions()
                    .setForce(true)); // aria-disabled: a tap is answered, not ignored
            PhoneOneHandTest.assertAlertInView(
                phone, phone.locator("#vote-status"), "At most 3 dots on one proposal.");
          }
          Browsers.screenshot(phone, "phone-ballot-cluster-" + size[0] + "x" + size[1]);
          Axe.assertNoSeriousViolations(phone);
        }
      }
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
