package org.peerboard.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName(
    "The workshop day: one code for all groups, rotating leaked keys, organisers' own templates")
class WorkshopDayTest {
  private final Api api = TestApp.api();
  private final int port = TestApp.shared().port();

  @Test
  @DisplayName("one workshop code and QR code lead to a page where participants pick their group")
  void workshopCode() {
    Api.Workshop workshop = api.workshop("Prato", "A", "B");
    String code = workshop.json().getString("joinCode");
    assertEquals(api.base() + "/g/" + code, workshop.json().getString("joinUrl"));
    Api.Response page = api.get("/g/" + code, null);
    assertEquals(200, page.status());
    assertTrue(
        page.body().contains(workshop.board(1).getString("joinCode")),
        "the page lists every group");
    assertTrue(api.get("/g/" + code + "/qr.svg", null).body().startsWith("<svg"));
    assertEquals(404, api.get("/g/ZZZZZZ/qr.svg", null).status());
  }

  @Test
  @DisplayName(
      "the organiser rotates a leaked moderator key: the old one stops at once, its sockets are closed")
  void rotateModeratorKey() {
    Api.Workshop workshop = api.workshop("Prato", "A");
    JsonObject board = workshop.board(0);
    String id = board.getString("id");
    Api.Participant alice = api.join(board.getString("joinCode"), "Alice");
    try (WsClient oldModerator = WsClient.hello(port, id, board.getString("moderatorKey"), null);
        WsClient participant = WsClient.hello(port, id, alice.token(), null)) {
      assertEquals(
          403,
          api.post(
                  "/api/boards/" + id + "/rotate",
                  "{\"moderator\":true}",
                  board.getString("moderatorKey"))
              .status(),
          "a moderator cannot rotate keys");
      Api.Response rotated =
          api.post(
              "/api/boards/" + id + "/rotate", "{\"moderator\":true}", workshop.organiserKey());
      assertEquals(200, rotated.status(), rotated.body());
      String newKey = rotated.json().getString("moderatorKey");
      assertNotEquals(board.getString("moderatorKey"), newKey);
      assertEquals(Short.valueOf((short) 4001), oldModerator.awaitClose());
      assertEquals(401, api.get("/api/boards/" + id, board.getString("moderatorKey")).status());
      assertEquals(
          401,
          api.get("/api/boards/" + id, board.getString("projectorKey")).status(),
          "the projector key derives from the moderator key, so it changes too");
      assertEquals(200, api.get("/api/boards/" + id, newKey).status());
      assertEquals(
          200, api.get("/api/boards/" + id, rotated.json().getString("projectorKey")).status());
      assertEquals(
          "ack",
          participant
              .answer(
                  participant.op(
                      "note.add",
                      new JsonObject().put("lane", "custody:issues").put("text", "still here")))
              .getString("type"),
          "participants carry on");
      Api.Response page = api.get("/w/" + workshop.id() + "?k=" + workshop.organiserKey(), null);
      assertEquals(303, page.status());
    }
  }

  @Test
  @DisplayName("a rotated join code stops letting people in; those who joined carry on")
  void rotateJoinCode() {
    Api.Workshop workshop = api.workshop("Prato", "A");
    JsonObject board = workshop.board(0);
    String id = board.getString("id");
    Api.Participant alice = api.join(board.getString("joinCode"), "Alice");
    Api.Response rotated =
        api.post("/api/boards/" + id + "/rotate", "{\"joinCode\":true}", workshop.organiserKey());
    assertEquals(200, rotated.status(), rotated.body());
    String newCode = rotated.json().getString("joinCode");
    assertNotEquals(board.getString("joinCode"), newCode);
    assertEquals(
        404,
        api.post(
                "/api/join",
                new JsonObject().put("consent", true).put("code", board.getString("joinCode")))
            .status());
    assertEquals(
        200,
        api.post("/api/join", new JsonObject().put("consent", true).put("code", newCode)).status());
    assertEquals(200, api.get("/api/boards/" + id, alice.token()).status());
    assertEquals(
        200,
        api.get("/api/boards/" + id, board.getString("moderatorKey")).status(),
        "only the code changed");
    assertEquals(
        400, api.post("/api/boards/" + id + "/rotate", "{}", workshop.organiserKey()).status());
  }

  private static JsonObject item(String key, String it, String en) {
    return new JsonObject()
        .put("key", key)
        .put("labels", new JsonObject().put("it", it).put("en", en));
  }

  private static JsonObject ownTemplate() {
    return new JsonObject()
        .put("labels", new JsonObject().put("it", "Dimissioni").put("en", "Discharge"))
        .put(
            "phases",
            new JsonArray()
                .add(item("before", "Prima", "Before"))
                .add(item("after", "Dopo", "After")))
        .put("dimensions", new JsonArray().add(item("barriers", "Ostacoli", "Barriers")))
        .put("tags", new JsonArray().add(item("minor", "Minore", "Minor")))
        .put("extraLanes", new JsonArray().add(item("ideas", "Idee", "Ideas")));
  }

  @Test
  @DisplayName("an organiser's own template becomes the grid of every board of the workshop")
  void ownTemplateWorks() {
    Api.Response created = api.post("/api/templates", ownTemplate().encode(), null);
    assertEquals(201, created.status(), created.body());
    String templateId = created.json().getString("id");
    Api.Response workshop =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", "Custom")
                .put("template", templateId)
                .put("groups", new JsonArray().add("A")));
    assertEquals(201, workshop.status(), workshop.body());
    String key = workshop.json().getJsonArray("boards").getJsonObject(0).getString("moderatorKey");
    String id = workshop.json().getJsonArray("boards").getJsonObject(0).getString("id");
    JsonObject board = api.get("/api/boards/" + id, key).json();
    assertEquals(3, board.getJsonArray("lanes").size(), "2 phases x 1 dimension + ideas");
    assertEquals(
        "Discharge", board.getJsonObject("template").getJsonObject("labels").getString("en"));

    Api.Response inline =
        api.post(
            "/api/workshops",
            new JsonObject().put("title", "Inline").put("template", ownTemplate()));
    assertEquals(201, inline.status(), inline.body());
  }

  @Test
  @DisplayName("a broken template gets invalid with every problem named, and nothing is created")
  void brokenTemplate() {
    JsonObject broken = ownTemplate();
    broken.getJsonArray("phases").add(item("before", "Ancora", "Again"));
    broken.getJsonArray("dimensions").add(item("Bad Key", "x", ""));
    Api.Response answer = api.post("/api/templates", broken.encode(), null);
    assertEquals(400, answer.status());
    String message = answer.json().getJsonObject("error").getString("message");
    assertTrue(message.contains("phases[2].key"), message);
    assertTrue(message.contains("dimensions[1].key"), message);
    assertTrue(message.contains("dimensions[1].labels.en"), message);
    assertEquals(400, api.post("/api/templates", "{\"phases\":\"none\"}", null).status());
    assertEquals(
        400,
        api.post("/api/workshops", new JsonObject().put("title", "x").put("template", broken))
            .status());
  }
}
