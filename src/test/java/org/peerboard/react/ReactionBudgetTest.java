package org.peerboard.react;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/** A server of its own whose participants may send ten ops a minute. */
@DisplayName("\"Me too\" is spent from the participant's op budget")
class ReactionBudgetTest {
  private static final int OPS_PER_MINUTE = 10;
  private static PeerBoard app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    app =
        PeerBoard.start(
            TestApp.onSharedDatabase("reaction-budget")
                .withDefences(
                    new Config.Defences(
                        20, 60, 10, 1_000, OPS_PER_MINUTE, 1_200, 16, 30, 7, 1_000, 5)));
    api = new Api("http://127.0.0.1:" + app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("toggling agreement past the budget is rate_limited, and the count stays as it was")
  void budget() {
    Api.Workshop workshop = api.workshop("Budget", "A");
    String code = workshop.board(0).getString("joinCode");
    Api.Participant author = api.join(code, "Author");
    Api.Participant toggler = api.join(code, "Toggler");
    try (WsClient writer = WsClient.hello(app.port(), author.boardId(), author.token(), null);
        WsClient phone = WsClient.hello(app.port(), toggler.boardId(), toggler.token(), null)) {
      String noteId =
          ReactionTest.ack(
                  writer,
                  "note.add",
                  new JsonObject().put("lane", "custody:issues").put("text", "Agree with me"))
              .getJsonObject("result")
              .getString("noteId");
      int acked = 0;
      String refusal = null;
      for (int i = 0; i < OPS_PER_MINUTE + 5 && refusal == null; i++) {
        JsonObject answer =
            phone.answer(phone.op("note.react", ReactionTest.react(noteId, i % 2 == 0)));
        if ("ack".equals(answer.getString("type"))) {
          acked++;
        } else {
          refusal = answer.getString("code");
        }
      }
      assertEquals("rate_limited", refusal);
      assertEquals(OPS_PER_MINUTE, acked, "a burst of the budget, then refused");
      JsonObject snapshot =
          api.get("/api/boards/" + author.boardId(), workshop.board(0).getString("moderatorKey"))
              .json();
      // ten toggles: on, off, ... the tenth was off
      assertEquals(0L, snapshot.getJsonArray("notes").getJsonObject(0).getLong("reactions"));
    }
  }
}
