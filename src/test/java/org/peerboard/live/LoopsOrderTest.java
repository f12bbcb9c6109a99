package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Boards spread over the server's live loops (the tests run on {@link TestApp#LOOPS}): sockets land
 * on whichever loop accepted them, their boards' hubs on others. Under load on every board at once,
 * each socket must still get every seq of its board once and in order, and a phone that comes back
 * with {@code since} must catch up.
 */
@DisplayName("Twenty boards under load, spread over the live loops")
class LoopsOrderTest {
  private static final int WORKSHOPS = 4;
  private static final int BOARDS_EACH = 5;
  private static final int PHONES = 6;
  private static final int NOTES_EACH = 8;

  private final int port = TestApp.shared().port();
  private final Api api = TestApp.api();

  private record Board(
      String id, String token, List<WsClient> phones, List<String> opIds, List<WsClient> senders) {}

  @Test
  @DisplayName("every socket sees every seq of its board in order, with no gap and no duplicate")
  void orderOnEveryLoop() {
    assertTrue(TestApp.LOOPS >= 4, "this test is about several loops");
    List<Board> boards = new ArrayList<>();
    List<WsClient> all = new ArrayList<>();
    try {
      for (int w = 0; w < WORKSHOPS; w++) {
        Api.Workshop workshop = api.workshop("Loops " + w, "A", "B", "C", "D", "E");
        for (int b = 0; b < BOARDS_EACH; b++) {
          String boardId = workshop.board(b).getString("id");
          String code = workshop.board(b).getString("joinCode");
          List<WsClient> phones = new ArrayList<>();
          String token = null;
          for (int p = 0; p < PHONES; p++) {
            token = api.join(code, "P" + w + b + p).token();
            WsClient phone = WsClient.hello(port, boardId, token, null);
            phones.add(phone);
            all.add(phone);
          }
          boards.add(new Board(boardId, token, phones, new ArrayList<>(), new ArrayList<>()));
        }
      }
      // every board posts at once, from several phones each, without waiting for answers
      for (int n = 0; n < NOTES_EACH; n++) {
        for (Board board : boards) {
          for (int s = 0; s < 3; s++) {
            WsClient sender = board.phones().get(s);
            board
                .opIds()
                .add(
                    sender.op(
                        "note.add",
                        new JsonObject()
                            .put("lane", "custody:issues")
                            .put("tags", new JsonArray())
                            .put("text", "note " + n + " from phone " + s)));
            board.senders().add(sender);
          }
        }
      }
      for (Board board : boards) {
        long head = 0;
        for (int i = 0; i < board.opIds().size(); i++) {
          JsonObject ack = board.senders().get(i).answer(board.opIds().get(i));
          assertEquals("ack", ack.getString("type"), ack.encode());
          head = Math.max(head, ack.getLong("seq"));
        }
        assertEquals(board.opIds().size(), head, "one seq per note on a new board");
        for (WsClient phone : board.phones()) {
          assertInOrder(phone, phone.welcome().getLong("seq"), head);
        }
        // a phone that was away catches up from seq 0, on whichever loop it lands
        try (WsClient late = WsClient.hello(port, board.id(), board.token(), 0L)) {
          assertEquals(head, late.welcome().getLong("seq"));
          assertInOrder(late, 0, head);
        }
      }
    } finally {
      all.forEach(WsClient::close);
    }
  }

  private static void assertInOrder(WsClient phone, long from, long head) {
    Set<Long> seen = new HashSet<>();
    long last = from;
    while (last < head) {
      JsonObject event = phone.nextEvent();
      long seq = event.getLong("seq");
      assertTrue(seen.add(seq), "a duplicate of seq " + seq);
      assertEquals(last + 1, seq, "a gap or a reordering after seq " + last);
      last = seq;
    }
  }
}
