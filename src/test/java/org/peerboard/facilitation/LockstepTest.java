package org.peerboard.facilitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerboard.facilitation.Board.ok;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("Several groups follow one run-sheet in lockstep")
class LockstepTest {
  private final Api api = TestApp.api();
  private final int port = TestApp.shared().port();

  private WsClient moderator(Api.Workshop workshop, int i) {
    JsonObject board = workshop.board(i);
    WsClient ws =
        WsClient.hello(port, board.getString("id"), board.getString("moderatorKey"), null);
    return ws;
  }

  private JsonObject snapshot(Api.Workshop workshop, int i) {
    JsonObject board = workshop.board(i);
    return api.get("/api/boards/" + board.getString("id"), board.getString("moderatorKey")).json();
  }

  @Test
  @DisplayName(
      "the organiser sets the agenda and starts a step on both boards, each on its own event stream")
  void twoBoards() {
    Api.Workshop workshop = api.workshop("Lockstep", "A", "B");
    try (WsClient a = moderator(workshop, 0);
        WsClient b = moderator(workshop, 1)) {
      String key = workshop.organiserKey();
      Api.Response set =
          api.post(
              "/api/workshops/" + workshop.id() + "/agenda",
              RunSheetTest.threeSteps().encode(),
              key);
      assertEquals(200, set.status(), set.body());
      assertEquals(2, set.json().getJsonArray("boards").size());
      assertEquals(0, set.json().getJsonArray("skipped").size());
      for (WsClient ws : List.of(a, b)) {
        assertEquals(
            3, ws.nextEvent("board.agendaSet").getJsonObject("data").getJsonArray("steps").size());
      }

      Api.Response step =
          api.post("/api/workshops/" + workshop.id() + "/step", "{\"index\":1}", key);
      assertEquals(200, step.status(), step.body());
      JsonArray stepped = step.json().getJsonArray("boards");
      assertEquals(
          List.of(workshop.board(0).getString("id"), workshop.board(1).getString("id")),
          stepped.stream().map(o -> ((JsonObject) o).getString("id")).toList());
      for (int i = 0; i < 2; i++) {
        WsClient ws = i == 0 ? a : b;
        JsonObject event = ws.nextEvent("board.stepped");
        assertEquals(1, event.getJsonObject("data").getInteger("index"));
        assertEquals(stepped.getJsonObject(i).getLong("seq"), event.getLong("seq"));
        assertEquals(
            stepped.getJsonObject(i).getString("startedAt"),
            event.getJsonObject("data").getString("startedAt"));
        JsonObject board = snapshot(workshop, i);
        assertEquals("clustering", board.getString("stage"));
        assertEquals(1, board.getJsonObject("agenda").getInteger("current"));
        assertEquals(12 * 60, board.getJsonObject("timer").getInteger("remaining"), 2);
      }

      ok(a, "board.stage", new JsonObject().put("stage", "closed"));
      Api.Response next =
          api.post("/api/workshops/" + workshop.id() + "/step", "{\"index\":2}", key);
      assertEquals(200, next.status(), next.body());
      assertEquals(1, next.json().getJsonArray("boards").size());
      JsonObject skipped = next.json().getJsonArray("skipped").getJsonObject(0);
      assertEquals(workshop.board(0).getString("id"), skipped.getString("id"));
      assertEquals("A", skipped.getString("name"));
      assertEquals("closed", skipped.getString("reason"));
      assertEquals("custody", snapshot(workshop, 1).getString("focus"));
      assertEquals(
          "closed", snapshot(workshop, 0).getString("stage"), "the closed board stays closed");
      assertEquals(1, snapshot(workshop, 0).getJsonObject("agenda").getInteger("current"));

      Api.Response panel = api.get("/api/workshops/" + workshop.id() + "/agenda", key);
      assertEquals(200, panel.status());
      assertEquals(
          List.of(1, 2),
          panel.json().getJsonArray("boards").stream()
              .map(o -> ((JsonObject) o).getJsonObject("agenda").getInteger("current"))
              .toList());
    }
  }

  @Test
  @DisplayName("a retried lockstep request with its opId starts nothing more")
  void retries() {
    Api.Workshop workshop = api.workshop("Lockstep retry", "A", "B");
    String key = workshop.organiserKey();
    String body =
        new JsonObject().put("index", 0).put("opId", UUID.randomUUID().toString()).encode();
    Api.Response first = api.post("/api/workshops/" + workshop.id() + "/step", body, key);
    Api.Response again = api.post("/api/workshops/" + workshop.id() + "/step", body, key);
    assertEquals(200, again.status(), again.body());
    assertEquals(
        first.json().getJsonArray("boards").getJsonObject(0).getLong("seq"),
        again.json().getJsonArray("boards").getJsonObject(0).getLong("seq"));
    assertEquals(1, snapshot(workshop, 0).getJsonObject("agenda").getJsonArray("started").size());
  }

  @Test
  @DisplayName("only the organiser key, with a good body, and nothing changes when refused")
  void refusals() {
    Api.Workshop workshop = api.workshop("Lockstep refusals", "A", "B");
    String id = workshop.id();
    String good = RunSheetTest.threeSteps().encode();
    String moderatorKey = workshop.board(0).getString("moderatorKey");
    String participant = api.join(workshop.board(0).getString("joinCode"), "Ada").token();
    long seq = snapshot(workshop, 0).getLong("seq");
    for (String path : List.of("/agenda", "/step")) {
      String body = path.equals("/agenda") ? good : "{\"index\":0}";
      assertEquals(403, api.post("/api/workshops/" + id + path, body, moderatorKey).status());
      assertEquals(401, api.post("/api/workshops/" + id + path, body, participant).status());
      assertEquals(401, api.post("/api/workshops/" + id + path, body, null).status());
      assertEquals(
          404,
          api.post("/api/workshops/" + UUID.randomUUID() + path, body, workshop.organiserKey())
              .status());
      assertEquals(
          404, api.post("/api/workshops/nope" + path, body, workshop.organiserKey()).status());
      assertEquals(
          400, api.post("/api/workshops/" + id + path, "[1]", workshop.organiserKey()).status());
    }
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 41; i++) {
      tooMany.add(RunSheetTest.step(null, null, "voting", 5));
    }
    for (String body :
        List.of(
            new JsonObject().put("steps", tooMany).encode(),
            "{\"steps\":[{\"stage\":\"collecting\",\"minutes\":0}]}",
            "{\"steps\":[{\"stage\":\"collecting\",\"minutes\":241}]}",
            "{\"steps\":[{\"stage\":\"collecting\",\"minutes\":5,\"phase\":\"holidays\"}]}",
            "{\"steps\":[{\"stage\":\"collecting\",\"minutes\":5,\"title\":\""
                + "t".repeat(81)
                + "\"}]}")) {
      Api.Response r = api.post("/api/workshops/" + id + "/agenda", body, workshop.organiserKey());
      assertEquals(400, r.status(), body);
      assertEquals("invalid", r.errorCode());
    }
    Api.Response outside =
        api.post("/api/workshops/" + id + "/step", "{\"index\":8}", workshop.organiserKey());
    assertEquals(400, outside.status(), "the proposed agenda has 8 steps, 0 to 7");
    assertEquals(seq, snapshot(workshop, 0).getLong("seq"), "nothing changed");
    assertTrue(snapshot(workshop, 1).getJsonObject("agenda").getBoolean("proposed"));
  }
}
