package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A plenary: one note to a thousand phones. Its event frame is encoded once for the phones that see
 * it alike and once for its author (whose copy says the note is theirs), and that one buffer is
 * written to every socket.
 */
@DisplayName("A frame for a thousand sockets")
class EncodeOnceTest {
  private static final int PHONES = 1_000;

  private final int port = TestApp.shared().port();
  private final Api api = TestApp.api();

  @Test
  @DisplayName("is encoded once per kind of viewer, not once per socket")
  void encodedOnce() {
    Api.Workshop workshop = api.workshop("Plenary", "All");
    String boardId = workshop.board(0).getString("id");
    String code = workshop.board(0).getString("joinCode");
    List<WsClient> phones = new ArrayList<>();
    try {
      for (int p = 0; p < PHONES; p++) {
        phones.add(WsClient.hello(port, boardId, api.join(code, "Phone " + p).token(), null));
      }
      WsClient author = phones.get(0);
      long before = OutFrame.EVENT_ENCODINGS.sum();
      JsonObject ack =
          author.answer(
              author.op(
                  "note.add",
                  new JsonObject()
                      .put("lane", "custody:issues")
                      .put("tags", new JsonArray())
                      .put("text", "Nessuno ha richiamato la famiglia per tre settimane.")));
      assertEquals("ack", ack.getString("type"), ack.encode());
      for (WsClient phone : phones) {
        JsonObject event = phone.nextEvent("note.added");
        assertEquals(ack.getLong("seq"), event.getLong("seq"));
        assertEquals(
            "Nessuno ha richiamato la famiglia per tre settimane.",
            event.getJsonObject("data").getJsonObject("note").getString("text"));
        assertEquals(
            phone == author,
            event.getJsonObject("data").getJsonObject("note").getBoolean("mine"),
            "only the author's copy says the note is theirs");
      }
      long encodings = OutFrame.EVENT_ENCODINGS.sum() - before;
      assertTrue(
          encodings >= 1 && encodings <= 2,
          "the event was encoded "
              + encodings
              + " times for "
              + PHONES
              + " sockets; expected the others' view and "
              + "the author's");
    } finally {
      phones.forEach(WsClient::close);
    }
  }
}
