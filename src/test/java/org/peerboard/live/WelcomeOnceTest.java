package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A hello storm on a large board once encoded the whole board per hello (issue 27): a projector's
 * or moderator's board is now encoded once per board version and role.
 */
@DisplayName("A welcome with the whole board is encoded once per board version and role")
class WelcomeOnceTest {
  @Test
  @DisplayName(
      "ten projector hellos at one version share one encoding; a new note makes one more; the board is the one the API shows")
  void projectorHellos() {
    Api api = TestApp.api();
    int port = TestApp.shared().port();
    Api.Workshop workshop = api.workshop("Welcome once", "A");
    JsonObject board = workshop.board(0);
    String boardId = board.getString("id");
    String projector = board.getString("projectorKey");
    try (WsClient moderator =
        WsClient.hello(port, boardId, board.getString("moderatorKey"), null)) {
      for (int i = 0; i < 20; i++) {
        JsonObject answer =
            moderator.answer(
                moderator.op(
                    "note.add",
                    new JsonObject()
                        .put("lane", "custody:issues")
                        .put("text", "A note of the board, number " + i)));
        assertEquals("ack", answer.getString("type"));
      }
      long before = Welcomes.sharedEncodings();
      List<JsonObject> welcomes = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        try (WsClient viewer = WsClient.hello(port, boardId, projector, null)) {
          welcomes.add(viewer.welcome());
        }
      }
      assertEquals(1, Welcomes.sharedEncodings() - before, "one encoding for ten hellos");
      JsonObject fromApi = api.get("/api/boards/" + boardId, projector).json();
      for (JsonObject welcome : welcomes) {
        assertEquals("viewer", welcome.getString("role"));
        JsonObject sent = welcome.getJsonObject("board");
        assertEquals(fromApi.getLong("seq"), welcome.getLong("seq"));
        assertEquals(withoutTimer(fromApi), withoutTimer(sent), "the board as the API shows it");
      }
      moderator.answer(
          moderator.op(
              "note.add", new JsonObject().put("lane", "custody:issues").put("text", "One more")));
      try (WsClient viewer = WsClient.hello(port, boardId, projector, null)) {
        assertEquals(21, viewer.welcome().getJsonObject("board").getJsonArray("notes").size());
      }
      assertEquals(2, Welcomes.sharedEncodings() - before, "the new version is encoded once");
    }
  }

  private static JsonObject withoutTimer(JsonObject board) {
    JsonObject copy = board.copy();
    copy.remove("timer");
    return copy;
  }
}
