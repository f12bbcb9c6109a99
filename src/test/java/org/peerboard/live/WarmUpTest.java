package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.SharedDb;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Issue 28: at start the server runs a new note's own code on made-up notes, so that the first
 * notes of a session do not run it cold. It must go through the whole path a real note takes, and
 * leave no trace: nothing stored, nothing sent, no seq taken from any board.
 */
@DisplayName("The warm-up of a note's code at start")
class WarmUpTest {

  @Test
  @DisplayName("every made-up note goes the whole way, from its frame to every view's frame")
  void rehearsesTheWholePath() {
    WarmUp.Done done = WarmUp.run(2_000);
    assertEquals(2_000, done.notes());
    // an ack and four views' frames per note, each well over 100 bytes
    assertTrue(done.bytes() > 2_000 * 5 * 100, "frames made: " + done.bytes() + " bytes");
  }

  @Test
  @DisplayName("a server warms up after it is ready, stores nothing, and its boards work as before")
  void leavesNoTrace() throws Exception {
    Map<String, Long> before = counts();
    Config config = TestApp.onSharedDatabase("warm-up").withWarmUpNotes(20_000);
    try (PeerBoard app = PeerBoard.start(config)) {
      WarmUp.Done done = app.warmUp().get(60, TimeUnit.SECONDS);
      assertEquals(20_000, done.notes());
      assertEquals(before, counts(), "the warm-up wrote to the database");

      Api api = TestApp.api();
      Api.Workshop workshop = api.workshop("Warm-up check", "A");
      JsonObject board = workshop.board(0);
      Api.Participant alice = api.join(board.getString("joinCode"), "Alice");
      try (WsClient moderator =
              WsClient.hello(
                  app.port(), board.getString("id"), board.getString("moderatorKey"), null);
          WsClient phone = WsClient.hello(app.port(), alice.boardId(), alice.token(), null)) {
        long head = moderator.welcome().getLong("seq");
        String opId =
            phone.op(
                "note.add",
                new JsonObject()
                    .put("lane", "custody:issues")
                    .put("tags", new JsonArray().add("foster"))
                    .put("text", "Nessuno spiega la decisione al ragazzo"));
        JsonObject ack = phone.answer(opId);
        assertEquals("ack", ack.getString("type"), ack.encode());
        assertEquals(head + 1, ack.getLong("seq"), "the warm-up took seqs: " + ack.encode());
        JsonObject event = moderator.nextEvent("note.added");
        assertEquals(head + 1, event.getLong("seq"));
        assertEquals(
            "Nessuno spiega la decisione al ragazzo",
            event.getJsonObject("data").getJsonObject("note").getString("text"));
      }
    }
  }

  @Test
  @DisplayName("PEERBOARD_WARM_UP_NOTES: 20,000 by default, 0 switches it off, nonsense is refused")
  void setting() {
    assertEquals(WarmUp.DEFAULT_NOTES, Config.fromEnv(Map.of()).warmUpNotes());
    assertEquals(0, Config.fromEnv(Map.of("PEERBOARD_WARM_UP_NOTES", "0")).warmUpNotes());
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> Config.fromEnv(Map.of("PEERBOARD_WARM_UP_NOTES", "-5")));
    assertTrue(refused.getMessage().contains("PEERBOARD_WARM_UP_NOTES"), refused.getMessage());
    assertEquals(0, WarmUp.start(0).join().notes());
  }

  private static Map<String, Long> counts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection db = SharedDb.connect();
        Statement st = db.createStatement()) {
      for (String table : new String[] {"workshop", "board", "note", "board_event", "applied_op"}) {
        try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }
}
