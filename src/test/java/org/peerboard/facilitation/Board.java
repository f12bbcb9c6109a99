package org.peerboard.facilitation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A fresh board with a moderator, a projector and two participants connected, for facilitation
 * tests.
 */
final class Board implements AutoCloseable {
  final Api api = TestApp.api();
  final int port = TestApp.shared().port();
  final Api.Workshop workshop = api.workshop("Facilitation", "A");
  final String id = workshop.board(0).getString("id");
  final String moderatorKey = workshop.board(0).getString("moderatorKey");
  final String projectorKey = workshop.board(0).getString("projectorKey");
  final Api.Participant alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
  final Api.Participant bruno = api.join(workshop.board(0).getString("joinCode"), "Bruno");
  final WsClient moderator = connect(moderatorKey, "moderator-1");
  final WsClient projector = connect(projectorKey, null);
  final WsClient a = connect(alice.token(), null);
  final WsClient b = connect(bruno.token(), null);

  WsClient connect(String key, String clientId) {
    WsClient ws = WsClient.connect(port);
    JsonObject hello = new JsonObject().put("type", "hello").put("boardId", id).put("token", key);
    if (clientId != null) {
      hello.put("clientId", clientId);
    }
    ws.sendText(hello.encode());
    ws.nextOfType("welcome");
    return ws;
  }

  /** Runs an op and returns its answer (ack or error). */
  static JsonObject run(WsClient ws, String op, JsonObject data) {
    return ws.answer(ws.op(op, data));
  }

  static JsonObject ok(WsClient ws, String op, JsonObject data) {
    JsonObject answer = run(ws, op, data);
    if (!"ack".equals(answer.getString("type"))) {
      throw new AssertionError(op + " " + data.encode() + " was refused: " + answer.encode());
    }
    return answer;
  }

  String note(WsClient ws, String lane, String text) {
    return ok(ws, "note.add", new JsonObject().put("lane", lane).put("text", text))
        .getJsonObject("result")
        .getString("noteId");
  }

  JsonObject snapshot(String key) {
    return api.get("/api/boards/" + id, key).json();
  }

  long seq() {
    return snapshot(moderatorKey).getLong("seq");
  }

  static JsonArray ids(String... ids) {
    return new JsonArray(List.of((Object[]) ids));
  }

  @Override
  public void close() {
    for (WsClient ws : List.of(moderator, projector, a, b)) {
      ws.close();
    }
  }
}
