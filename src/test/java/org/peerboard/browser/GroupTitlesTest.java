package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("The organiser sheet and the report name each group once")
class GroupTitlesTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  @Test
  @DisplayName(
      "a group named Gruppo Affido is never printed Gruppo Gruppo Affido; a bare name still gets the word")
  void noDoubledWord() {
    Api api = TestApp.api();
    Api.Response made =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", "Percorsi di tutela")
                .put("place", "Prato")
                .put("language", "it")
                .put("groups", new JsonArray().add("Gruppo Affido").add("Comunità")));
    assertEquals(201, made.status(), made.body());
    JsonObject workshop = made.json();
    for (Object b : workshop.getJsonArray("boards")) {
      JsonObject board = (JsonObject) b;
      try (WsClient ws =
          WsClient.hello(
              TestApp.shared().port(),
              board.getString("id"),
              board.getString("moderatorKey"),
              null)) {
        ws.answer(
            ws.op(
                "note.add",
                new JsonObject()
                    .put("lane", "custody:issues")
                    .put(
                        "text", "Il tutore arriva dopo mesi e nel frattempo nessuno firma nulla")));
      }
    }
    try (BrowserContext laptop = Browsers.screen()) {
      Page page = laptop.newPage();
      page.navigate(workshop.getString("organiserUrl"));
      assertThat(page.locator(".group-sheet .group-name"))
          .hasText(new String[] {"Gruppo Affido", "Gruppo Comunità"});
      Browsers.screenshot(page, "organiser-group-titles");
      page.navigate(api.base() + "/w/" + workshop.getString("id") + "/report");
      assertThat(page.locator(".group h4"))
          .hasText(new String[] {"Gruppo Affido", "Gruppo Comunità"});
      assertFalse(page.content().contains("Gruppo Gruppo"), "no doubled word in the report");
      Browsers.screenshot(page, "report-group-titles");
    }
  }
}
