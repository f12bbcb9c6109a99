package org.peerboard.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.suggest.web.Suggestions;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Twenty concurrent requests on one lane once made twenty computations (issue 27: 48 CPU-s, RSS
 * +1.9 GB): one board computes once per version, and the others share its answer.
 */
@DisplayName("Suggestions: one computation per board and version")
class SuggestionsBoundTest {
  @Test
  @DisplayName(
      "twenty concurrent requests for one lane compute once; the same answer for all; a new note computes again")
  void concurrentRequestsShareOne() throws Exception {
    Api api = TestApp.api();
    int port = TestApp.shared().port();
    Api.Workshop workshop = api.workshop("Suggest bound", "A");
    JsonObject board = workshop.board(0);
    String boardId = board.getString("id");
    String key = board.getString("moderatorKey");
    try (WsClient moderator = WsClient.hello(port, boardId, key, null)) {
      for (int i = 0; i < 120; i++) {
        moderator.answer(
            moderator.op(
                "note.add",
                new JsonObject()
                    .put("lane", "improvements")
                    .put(
                        "text",
                        (i % 3 == 0 ? "More training for foster families " : "Shared case files ")
                            + "proposal "
                            + i)));
      }
      String path = "/api/boards/" + boardId + "/suggestions?lane=improvements";
      long before = Suggestions.computed();
      ExecutorService pool = Executors.newFixedThreadPool(20);
      try {
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          answers.add(pool.submit(() -> api.get(path, key)));
        }
        JsonObject first = null;
        for (Future<Api.Response> answer : answers) {
          Api.Response response = answer.get();
          assertEquals(200, response.status(), response.body());
          if (first == null) {
            first = response.json();
          }
          assertEquals(first, response.json(), "every request gets the same answer");
        }
      } finally {
        pool.shutdown();
      }
      assertEquals(1, Suggestions.computed() - before, "computed once for twenty requests");
      assertEquals(200, api.get(path, key).status());
      assertEquals(1, Suggestions.computed() - before, "kept while the board is unchanged");
      moderator.answer(
          moderator.op(
              "note.add",
              new JsonObject().put("lane", "improvements").put("text", "Another proposal")));
      assertEquals(200, api.get(path, key).status());
      assertEquals(2, Suggestions.computed() - before, "the board changed: computed again");
    }
  }
}
