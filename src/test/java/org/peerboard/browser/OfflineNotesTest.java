package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

@DisplayName("On venue Wi-Fi that drops, a participant")
class OfflineNotesTest {
  /**
   * Reconnection backs off up to about 8 s; this bounds the wait for it, it does not measure speed.
   */
  private static final LocatorAssertions.HasTextOptions RECONNECTED =
      new LocatorAssertions.HasTextOptions().setTimeout(30_000);

  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  @Test
  @DisplayName(
      "keeps a note written offline (and the draft) when the page is closed, and it is sent exactly once "
          + "when the connection is back")
  void noteWrittenOfflineIsSentOnce() {
    Api.Workshop workshop = api.workshop("Flaky Wi-Fi", "Group A");
    JsonObject board = workshop.board(0);
    try (BrowserContext context = Browsers.phone()) {
      Page phone = context.newPage();
      phone.navigate(api.base() + "/j/" + board.getString("joinCode"));
      Pages.acceptAndJoin(phone, null);

      context.setOffline(true);
      assertThat(phone.locator("#conn")).hasAttribute("data-state", "offline");
      Locator note =
          Pages.postNote(
              phone, "leaving", "participation", "Care leavers need a mentor", "Foster family");
      assertThat(note.locator("[data-send-state]")).hasText("Waiting to send");
      assertThat(phone.locator("#composer-status"))
          .containsText("it will be sent when the connection is back");
      phone.getByLabel("Write a note").fill("A half-written thought");
      phone.close();

      context.setOffline(false);
      Page again = context.newPage();
      again.navigate(api.base() + "/j/" + board.getString("joinCode"));
      assertThat(again.getByLabel("Write a note")).hasValue("A half-written thought");
      Locator kept = again.locator("#lane-notes .note");
      assertThat(kept).containsText("Care leavers need a mentor");
      assertThat(kept.locator("[data-send-state]")).hasText("Sent", RECONNECTED);
      assertThat(kept).containsText("Yours");

      JsonObject seen =
          api.get("/api/boards/" + board.getString("id"), board.getString("moderatorKey")).json();
      assertEquals(
          1,
          seen.getJsonArray("notes").size(),
          "the note is on the board once: " + seen.getJsonArray("notes"));
      assertEquals(
          "Care leavers need a mentor",
          seen.getJsonArray("notes").getJsonObject(0).getString("text"));
    }
  }
}
