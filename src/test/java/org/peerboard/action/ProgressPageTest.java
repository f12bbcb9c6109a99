package org.peerboard.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerboard.action.PlanBoard.ack;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.WsClient;

@DisplayName("The public progress page")
class ProgressPageTest {

  private static String link(PlanBoard b) {
    Http.Answer made =
        Http.post("/api/workshops/" + b.workshop.id() + "/progress-link", b.organiserKey());
    assertEquals(200, made.status(), made.text());
    String url = new JsonObject(made.text()).getString("url");
    assertTrue(url.matches("/o/[A-Za-z0-9_-]{43}"), url);
    return url;
  }

  @Test
  @DisplayName(
      "the organiser's link opens a read-only page in the workshop's language with each action and"
          + " its proposal, and no participant data in its HTML")
  void publicPage() {
    try (PlanBoard b = new PlanBoard("Progress of Prato")) {
      b.action(
          new JsonObject()
              .put("fromNoteId", b.housingNote)
              .put("owner", "Dr Anna Bianchi")
              .put("due", "2026-09-01")
              .put("status", "in_progress")
              .put("nextStep", "Budget request to the region"));
      String url = link(b);
      Http.Answer page = Http.page(url);
      assertEquals(200, page.status());
      String html = page.text();
      assertTrue(html.contains("<html lang=\"en\""));
      assertTrue(html.contains("Progress of Prato"));
      assertTrue(html.contains("A housing fund for every young person leaving care at 18"));
      assertTrue(html.contains("In progress"));
      assertTrue(html.contains("2026-09-01"));
      assertTrue(html.contains("Budget request to the region"));
      assertTrue(html.contains("rank 1 of 3 · 3 dots · 1 voter"));
      // nothing about the people: no name, no other note, no key, no join code, no owner
      for (String secret :
          List.of(
              "Maria Rossi",
              b.person.participantId(),
              b.person.token(),
              "One contact person across services",
              b.workshop.board(0).getString("joinCode"),
              b.moderatorKey,
              b.organiserKey(),
              "Dr Anna Bianchi",
              "<script")) {
        assertFalse(html.contains(secret), "the page leaks " + secret);
      }
      // an Italian workshop's page is in Italian; updates show on reload
      ack(
          b.moderator,
          "action.update",
          new JsonObject()
              .put("actionId", b.actions(b.moderatorKey).getJsonObject(0).getString("id"))
              .put("status", "done"));
      assertTrue(Http.page(url).text().contains("Done"));
      assertTrue(Http.page(url + "?lang=it").text().contains("Fatta"));
    }
  }

  @Test
  @DisplayName(
      "only the organiser key makes or withdraws the link; a withdrawn or replaced link is 404")
  void revocation() {
    try (PlanBoard b = new PlanBoard("Progress withdrawn")) {
      String path = "/api/workshops/" + b.workshop.id() + "/progress-link";
      assertEquals(401, Http.post(path, null).status());
      assertEquals(403, Http.post(path, b.moderatorKey).status());
      assertEquals(403, Http.post(path, b.person.token()).status());
      assertEquals(401, Http.post(path, new PlanBoard("Other").organiserKey()).status());
      assertEquals(403, Http.delete(path, b.moderatorKey).status());
      String first = link(b);
      String second = link(b);
      assertNotEquals(first, second);
      assertEquals(404, Http.page(first).status(), "a new link replaces the old one");
      assertEquals(200, Http.page(second).status());
      assertEquals(204, Http.delete(path, b.organiserKey()).status());
      Http.Answer gone = Http.page(second);
      assertEquals(404, gone.status());
      assertTrue(gone.text().contains("withdrawn"));
      assertEquals(404, Http.get(second, null).status());
      assertEquals(404, Http.page("/o/short").status());
      assertEquals(
          404, Http.post("/api/workshops/not-a-uuid/progress-link", b.organiserKey()).status());
    }
  }

  @Test
  @DisplayName("a progress page groups the actions by group and shows none of another workshop")
  void grouped() {
    try (PlanBoard b = new PlanBoard("Progress grouped", "North", "South");
        PlanBoard other = new PlanBoard("Progress elsewhere");
        WsClient south =
            WsClient.hello(
                b.port,
                b.workshop.board(1).getString("id"),
                b.workshop.board(1).getString("moderatorKey"),
                null)) {
      b.action(new JsonObject().put("title", "North action"));
      ack(south, "action.create", new JsonObject().put("title", "South action"));
      other.action(new JsonObject().put("title", "Elsewhere action"));
      String html = Http.page(link(b)).text();
      assertTrue(html.indexOf("Group North") < html.indexOf("North action"));
      assertTrue(html.indexOf("North action") < html.indexOf("Group South"));
      assertTrue(html.indexOf("Group South") < html.indexOf("South action"));
      assertFalse(html.contains("Elsewhere action"));
    }
  }
}
