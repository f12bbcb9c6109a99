package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A board with proposals in the improvements lane (a cluster of two notes, then single notes), and
 * the moderator's own socket to open, close and reveal rounds as a test needs.
 */
final class VoteBoard implements AutoCloseable {
  final Api api = TestApp.api();
  final Api.Workshop workshop;
  final JsonObject board;
  final String id;
  final WsClient moderator;
  final List<String> items = new ArrayList<>();

  VoteBoard(String title, String clusterName, String... notes) {
    workshop = api.workshop(title, "Group A");
    board = workshop.board(0);
    id = board.getString("id");
    moderator = WsClient.hello(TestApp.shared().port(), id, board.getString("moderatorKey"), null);
    if (clusterName != null) {
      String a = note("A peer mentor for every care leaver");
      String b = note("Mentoring by former care leavers");
      items.add(
          ack(
                  "cluster.create",
                  new JsonObject()
                      .put("lane", "improvements")
                      .put("name", clusterName)
                      .put("noteIds", new JsonArray().add(a).add(b)))
              .getString("clusterId"));
    }
    for (String text : notes) {
      items.add(note(text));
    }
  }

  String note(String text) {
    return ack("note.add", new JsonObject().put("lane", "improvements").put("text", text))
        .getString("noteId");
  }

  /** Sends an op as the moderator and returns the ack's result. */
  JsonObject ack(String op, JsonObject data) {
    JsonObject answer = moderator.answer(moderator.op(op, data));
    assertEquals(
        "ack", answer.getString("type"), op + " " + data.encode() + " -> " + answer.encode());
    return answer.getJsonObject("result");
  }

  String open(JsonObject data) {
    return ack("vote.open", data).getString("roundId");
  }

  /**
   * The round as the moderator sees it over HTTP (with ballots when the round is not anonymous).
   */
  JsonObject round(String roundId) {
    return api.get("/api/boards/" + id + "/votes/" + roundId, board.getString("moderatorKey"))
        .json();
  }

  /** Casts as a participant joined through the API. */
  void cast(Api.Participant who, JsonObject data) {
    try (WsClient ws = WsClient.hello(TestApp.shared().port(), id, who.token(), null)) {
      JsonObject answer = ws.answer(ws.op("vote.cast", data));
      assertEquals("ack", answer.getString("type"), data.encode() + " -> " + answer.encode());
    }
  }

  String joinUrl() {
    return api.base() + "/j/" + board.getString("joinCode");
  }

  @Override
  public void close() {
    moderator.close();
  }
}
