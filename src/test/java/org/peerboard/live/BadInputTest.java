package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName(
    "Bad input on the socket gets a clear error, changes nothing, and the socket keeps working")
class BadInputTest {
  private int port;
  private Api api;
  private String boardId;
  private String otherBoardNoteId;
  private Api.Participant alice;

  @BeforeEach
  void setUp() {
    port = TestApp.shared().port();
    api = TestApp.api();
    Api.Workshop workshop = api.workshop("Florence", "A", "B");
    boardId = workshop.board(0).getString("id");
    alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
    Api.Participant elsewhere = api.join(workshop.board(1).getString("joinCode"), "Dario");
    try (WsClient other = WsClient.hello(port, elsewhere.boardId(), elsewhere.token(), null)) {
      otherBoardNoteId =
          other.answer(other.op("note.add", valid())).getJsonObject("result").getString("noteId");
    }
  }

  private static JsonObject valid() {
    return new JsonObject().put("lane", "custody:issues").put("text", "Waiting lists");
  }

  /** After a bad frame the same socket still posts a note, and the board holds only that note. */
  private void stillWorksAndNothingChanged(WsClient ws) {
    JsonObject ack = ws.answer(ws.op("note.add", valid()));
    assertEquals("ack", ack.getString("type"), ack.encode());
    JsonObject board = api.get("/api/boards/" + boardId, alice.token()).json();
    assertEquals(1, board.getJsonArray("notes").size(), "only the valid note was stored");
    assertEquals(1L, board.getLong("seq"));
  }

  private WsClient alice() {
    return WsClient.hello(port, boardId, alice.token(), null);
  }

  @Test
  @DisplayName("malformed JSON gets invalid with a null opId")
  void malformedJson() {
    try (WsClient ws = alice()) {
      ws.sendText("{\"type\":\"op\",");
      JsonObject error = ws.nextOfType("error");
      assertEquals("invalid", error.getString("code"));
      assertNull(error.getString("opId"));
      assertNotNull(error.getString("message"));
      stillWorksAndNothingChanged(ws);
    }
  }

  @Test
  @DisplayName("an unknown op gets invalid with its opId")
  void unknownOp() {
    try (WsClient ws = alice()) {
      String opId = ws.op("note.explode", valid());
      assertEquals("invalid", ws.answer(opId).getString("code"));
      stillWorksAndNothingChanged(ws);
    }
  }

  @Test
  @DisplayName("501 characters of text get invalid; 500 are accepted")
  void textTooLong() {
    try (WsClient ws = alice()) {
      String opId = ws.op("note.add", valid().put("text", "é".repeat(501)));
      assertEquals("invalid", ws.answer(opId).getString("code"));
      stillWorksAndNothingChanged(ws);
      assertEquals(
          "ack",
          ws.answer(ws.op("note.add", valid().put("text", "é".repeat(500)))).getString("type"));
    }
  }

  @Test
  @DisplayName("an unknown lane or tag gets invalid")
  void unknownLane() {
    try (WsClient ws = alice()) {
      assertEquals(
          "invalid",
          ws.answer(ws.op("note.add", valid().put("lane", "custody:weather"))).getString("code"));
      assertEquals(
          "invalid",
          ws.answer(ws.op("note.add", valid().put("tags", new JsonArray().add("orphanage"))))
              .getString("code"));
      stillWorksAndNothingChanged(ws);
    }
  }

  @Test
  @DisplayName("a note id of another board gets not_found and that note is untouched")
  void noteOfAnotherBoard() {
    try (WsClient ws = alice()) {
      JsonObject ref = new JsonObject().put("noteId", otherBoardNoteId);
      assertEquals(
          "not_found",
          ws.answer(ws.op("note.edit", ref.copy().put("text", "hijack"))).getString("code"));
      assertEquals("not_found", ws.answer(ws.op("note.delete", ref)).getString("code"));
      stillWorksAndNothingChanged(ws);
    }
  }

  @Test
  @DisplayName("an op before hello gets unauthorized, and hello still works afterwards")
  void opBeforeHello() {
    try (WsClient ws = WsClient.connect(port)) {
      String opId = ws.op("note.add", valid());
      assertEquals("unauthorized", ws.answer(opId).getString("code"));
      ws.sendText(
          new JsonObject()
              .put("type", "hello")
              .put("boardId", boardId)
              .put("token", alice.token())
              .encode());
      assertEquals("welcome", ws.nextOfType("welcome").getString("type"));
      stillWorksAndNothingChanged(ws);
    }
  }

  @Test
  @DisplayName(
      "a wrong key gets unauthorized and the socket is closed; an unknown board gets not_found")
  void wrongKey() {
    try (WsClient ws = WsClient.connect(port)) {
      ws.sendText(
          new JsonObject()
              .put("type", "hello")
              .put("boardId", boardId)
              .put("token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
              .encode());
      assertEquals("unauthorized", ws.nextOfType("error").getString("code"));
      assertNotNull(ws.awaitClose());
    }
    try (WsClient ws = WsClient.connect(port)) {
      ws.sendText(
          new JsonObject()
              .put("type", "hello")
              .put("boardId", UUID.randomUUID().toString())
              .put("token", alice.token())
              .encode());
      assertEquals("not_found", ws.nextOfType("error").getString("code"));
    }
    try (WsClient ws = alice()) {
      stillWorksAndNothingChanged(ws);
    }
  }

  @Test
  @DisplayName(
      "wrong types and a binary frame get invalid; a message past the size limit closes the socket with 1009")
  void wrongTypesAndSizes() {
    try (WsClient ws = alice()) {
      ws.sendText("[1,2,3]");
      assertEquals("invalid", ws.nextOfType("error").getString("code"));
      ws.sendText("{\"type\":\"op\",\"opId\":42,\"op\":\"note.add\",\"data\":{}}");
      assertEquals("invalid", ws.nextOfType("error").getString("code"));
      String opId = ws.op("note.add", valid().put("text", 12345));
      assertEquals("invalid", ws.answer(opId).getString("code"));
      ws.sendBinary(new byte[] {1, 2, 3});
      assertEquals("invalid", ws.nextOfType("error").getString("code"));
      assertFalse(ws.isClosed());
      stillWorksAndNothingChanged(ws);
      ws.sendText("{\"type\":\"op\",\"pad\":\"" + "x".repeat(30_000) + "\"}");
      assertEquals(
          Short.valueOf((short) 1009),
          ws.awaitClose(),
          "past PEERBOARD_MAX_FRAME_BYTES: message too big");
    }
    try (WsClient ws = alice()) {
      assertEquals(
          "welcome", ws.welcome().getString("type"), "the participant connects again at once");
    }
  }
}
