package org.peerboard.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.workshop.model.JoinCodes;

@DisplayName("Workshops, boards and joining over HTTP")
class WorkshopApiTest {
  private final Api api = TestApp.api();

  @Test
  @DisplayName("health says UP with the database UP")
  void health() {
    Api.Response health = api.get("/health", null);
    assertEquals(200, health.status());
    assertEquals(new JsonObject().put("status", "UP").put("database", "UP"), health.json());
  }

  @Test
  @DisplayName(
      "a new workshop has an organiser link, and one board per group with keys, links and a join code")
  void createWorkshop() {
    Api.Workshop workshop = api.workshop("Prato", "Gruppo A", "Gruppo B", "Gruppo C");
    assertTrue(
        workshop
            .json()
            .getString("organiserUrl")
            .startsWith(api.base() + "/w/" + workshop.id() + "?k="));
    Set<String> keys = new HashSet<>();
    keys.add(workshop.organiserKey());
    for (int i = 0; i < 3; i++) {
      JsonObject board = workshop.board(i);
      assertTrue(JoinCodes.normalise(board.getString("joinCode")).isPresent(), board.encode());
      assertEquals(api.base() + "/j/" + board.getString("joinCode"), board.getString("joinUrl"));
      assertTrue(
          board
              .getString("moderatorUrl")
              .endsWith("/m/" + board.getString("id") + "?k=" + board.getString("moderatorKey")));
      assertTrue(board.getString("projectorUrl").endsWith("?k=" + board.getString("projectorKey")));
      keys.add(board.getString("moderatorKey"));
      keys.add(board.getString("projectorKey"));
      assertTrue(board.getString("moderatorKey").length() >= 22, "at least 128 bits");
    }
    assertEquals(7, keys.size(), "every key is different");
    assertEquals("Gruppo B", workshop.board(1).getString("name"));
  }

  @Test
  @DisplayName("bad workshop requests get invalid and create nothing")
  void badWorkshopRequests() {
    assertEquals("invalid", api.post("/api/workshops", "{\"title\":", null).errorCode());
    assertEquals("invalid", api.post("/api/workshops", "{\"title\":\"\"}", null).errorCode());
    assertEquals(
        "invalid",
        api.post("/api/workshops", "{\"title\":\"x\",\"language\":\"fr\"}", null).errorCode());
    assertEquals(
        "invalid",
        api.post("/api/workshops", "{\"title\":\"x\",\"date\":\"18/07/2022\"}", null).errorCode());
    assertEquals(
        "invalid", api.post("/api/workshops", "{\"title\":\"x\",\"groups\":[]}", null).errorCode());
    assertEquals(
        "invalid",
        api.post("/api/workshops", "{\"title\":\"x\",\"template\":\"nope\"}", null).errorCode());
    assertEquals(400, api.post("/api/workshops", "[1]", null).status());
  }

  @Test
  @DisplayName(
      "the organiser adds a board; another workshop's key or none is unauthorized, a board's key forbidden")
  void addBoard() {
    Api.Workshop workshop = api.workshop("Prato", "A");
    Api.Workshop other = api.workshop("Florence", "A");
    String body = "{\"name\":\"Late group\"}";
    Api.Response added =
        api.post("/api/workshops/" + workshop.id() + "/boards", body, workshop.organiserKey());
    assertEquals(201, added.status(), added.body());
    assertEquals("Late group", added.json().getString("name"));
    assertEquals(
        401,
        api.post("/api/workshops/" + workshop.id() + "/boards", body, other.organiserKey())
            .status());
    assertEquals(401, api.post("/api/workshops/" + workshop.id() + "/boards", body, null).status());
    assertEquals(
        403,
        api.post(
                "/api/workshops/" + workshop.id() + "/boards",
                body,
                workshop.board(0).getString("moderatorKey"))
            .status());
    assertEquals(
        404,
        api.post(
                "/api/workshops/00000000-0000-0000-0000-000000000000/boards",
                body,
                workshop.organiserKey())
            .status());
  }

  @Test
  @DisplayName(
      "joining takes a code typed loosely (lower case, spaces), and a wrong code gets not_found")
  void join() {
    Api.Workshop workshop = api.workshop("Prato", "A");
    String code = workshop.board(0).getString("joinCode");
    String typed = " " + code.substring(0, 3).toLowerCase() + " " + code.substring(3) + " ";
    Api.Response joined =
        api.post(
            "/api/join",
            new JsonObject()
                .put("consent", true)
                .put("code", typed)
                .put("name", "Alice")
                .put("profession", "social worker"));
    assertEquals(200, joined.status(), joined.body());
    assertEquals(workshop.board(0).getString("id"), joined.json().getString("boardId"));
    Api.Response wrong =
        api.post("/api/join", new JsonObject().put("consent", true).put("code", "ZZZZZZ"));
    assertEquals(404, wrong.status());
    assertEquals("not_found", wrong.errorCode());
    assertEquals(
        "invalid",
        api.post(
                "/api/join",
                new JsonObject()
                    .put("consent", true)
                    .put("code", code)
                    .put("name", "x".repeat(500)))
            .errorCode());
  }

  @Test
  @DisplayName("every role reads the board with its key; a key of another board is unauthorized")
  void readBoard() {
    Api.Workshop workshop = api.workshop("Prato", "A", "B");
    String boardId = workshop.board(0).getString("id");
    Api.Participant alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
    for (String key :
        new String[] {
          workshop.organiserKey(),
          workshop.board(0).getString("moderatorKey"),
          workshop.board(0).getString("projectorKey"),
          alice.token()
        }) {
      assertEquals(200, api.get("/api/boards/" + boardId, key).status());
    }
    assertEquals(
        401,
        api.get("/api/boards/" + boardId, workshop.board(1).getString("moderatorKey")).status());
    assertEquals(401, api.get("/api/boards/" + boardId, null).status());
    assertEquals(404, api.get("/api/boards/not-a-board", alice.token()).status());
  }

  @Test
  @DisplayName("the QR code of a join link is an SVG; an unknown code has none")
  void qrCode() {
    Api.Workshop workshop = api.workshop("Prato", "A");
    Api.Response qr = api.get("/j/" + workshop.board(0).getString("joinCode") + "/qr.svg", null);
    assertEquals(200, qr.status());
    assertTrue(qr.body().startsWith("<svg"));
    assertEquals(404, api.get("/j/ZZZZZZ/qr.svg", null).status());
  }

  @Test
  @DisplayName("join codes use no look-alike characters and are unique among many boards")
  void joinCodes() {
    for (char c : "0O1IL5S2Z8B".toCharArray()) {
      assertFalse(JoinCodes.ALPHABET.indexOf(c) >= 0, "look-alike " + c);
    }
    Set<String> codes = new HashSet<>();
    Api.Workshop big = api.workshop("Plenary", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    big.boards().forEach(b -> codes.add(((JsonObject) b).getString("joinCode")));
    assertEquals(10, codes.size());
  }
}
