package org.peerboard.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("A restart of the server keeps every note")
class RestartTest {

  @Test
  @DisplayName("notes posted before a clean restart are all there afterwards, with the same seq")
  void restartKeepsNotes() throws Exception {
    Path data = Files.createTempDirectory("peerboard-restart");
    int port = TestApp.freePort();
    int dbPort = TestApp.freePort();
    List<String> acked = new ArrayList<>();
    String boardId;
    String token;
    try (PeerBoard app = TestApp.start(data, port, dbPort)) {
      Api api = new Api("http://127.0.0.1:" + port);
      Api.Workshop workshop = api.workshop("Prato", "A");
      Api.Participant alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
      boardId = alice.boardId();
      token = alice.token();
      try (WsClient ws = WsClient.hello(port, boardId, token, null)) {
        for (int i = 0; i < 20; i++) {
          JsonObject ack =
              ws.answer(
                  ws.op(
                      "note.add",
                      new JsonObject().put("lane", "leaving:issues").put("text", "note " + i)));
          acked.add(ack.getJsonObject("result").getString("noteId"));
        }
      }
    }
    try (PeerBoard app = TestApp.start(data, port, dbPort)) {
      JsonObject board =
          new Api("http://127.0.0.1:" + port).get("/api/boards/" + boardId, token).json();
      List<String> kept =
          board.getJsonArray("notes").stream().map(n -> ((JsonObject) n).getString("id")).toList();
      assertEquals(acked, kept);
      assertEquals(20L, board.getLong("seq"));
    }
  }
}
