package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * The second pass's budgets (issue 27), attacked as the attacker did: parallel joins from one
 * address with the projector's code, hello storms, many tokens posting to one board, malformed
 * frames, an unfinished message after hello. A server of its own with small budgets.
 */
@DisplayName("Joins, hellos, a board's notes and malformed frames are budgeted")
class BudgetsTest {
  private static final int JOINS_PER_ADDRESS = 10;
  private static final int JOINS_PER_BOARD = 15;
  private static final int BOARD_NOTES = 8;
  private static final int HELLOS_PER_ADDRESS = 6;
  private static final int BAD_FRAMES = 5;
  private static PeerBoard app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    app =
        PeerBoard.start(
            TestApp.onSharedDatabase("budgets")
                .withDefences(
                    new Config.Defences(
                        20, 60, 2, 100_000, 1_000_000, 1_000_000, 100_000, 100_000, 7, 1_000_000,
                        1_000_000))
                .withBudgets(
                    new Config.Budgets(
                        JOINS_PER_ADDRESS,
                        JOINS_PER_BOARD,
                        BOARD_NOTES,
                        HELLOS_PER_ADDRESS,
                        BAD_FRAMES,
                        64,
                        0)));
    api = new Api("http://127.0.0.1:" + app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String join(String from, String code) throws Exception {
    return RawClient.request(
        from,
        app.port(),
        "POST",
        "/api/join",
        new JsonObject().put("code", code).put("consent", true).encode());
  }

  @Test
  @DisplayName(
      "one address joins a board a burst of times, then 429 with Retry-After; the board takes so many a minute in all")
  void joins() throws Exception {
    Api.Workshop workshop = api.workshop("Joins", "A", "B");
    String code = workshop.board(0).getString("joinCode");
    String other = workshop.board(1).getString("joinCode");
    for (int i = 0; i < JOINS_PER_ADDRESS; i++) {
      assertEquals(200, RawClient.status(join("127.0.0.31", code)), "join " + (i + 1));
    }
    String refused = join("127.0.0.31", code);
    assertEquals(429, RawClient.status(refused), "past the address's burst: " + refused);
    assertTrue(refused.contains("Retry-After: "), refused);
    assertEquals(
        200, RawClient.status(join("127.0.0.31", other)), "the same address, another board");
    for (int i = JOINS_PER_ADDRESS; i < JOINS_PER_BOARD; i++) {
      assertEquals(200, RawClient.status(join("127.0.0.32", code)), "another address");
    }
    assertEquals(
        429,
        RawClient.status(join("127.0.0.33", code)),
        "a fresh address: the board's participants of this minute are used up");
    int participants =
        api.get("/api/boards/" + workshop.board(0).getString("id"), workshop.organiserKey())
            .json()
            .getJsonArray("participants")
            .size();
    assertEquals(JOINS_PER_BOARD, participants, "refused joins stored nobody");
  }

  @Test
  @DisplayName(
      "hellos from one address are budgeted: past it rate_limited and closed 1008; another address carries on")
  void helloStorm() throws Exception {
    Api.Workshop workshop = api.workshop("Hellos", "A");
    String code = workshop.board(0).getString("joinCode");
    Api.Participant p = api.join(code, "Storm");
    String hello =
        new JsonObject()
            .put("type", "hello")
            .put("boardId", p.boardId())
            .put("token", p.token())
            .encode();
    int welcomed = 0;
    for (int i = 0; i < HELLOS_PER_ADDRESS + 1; i++) {
      try (RawClient client = new RawClient("127.0.0.40", app.port())) {
        client.upgrade(app.port());
        client.text(hello);
        JsonObject answer = new JsonObject(client.nextText());
        if (i < HELLOS_PER_ADDRESS) {
          assertEquals("welcome", answer.getString("type"), "hello " + (i + 1));
          welcomed++;
        } else {
          assertEquals("rate_limited", answer.getString("code"), "past the budget: " + answer);
          assertNull(client.nextText());
          assertEquals(1008, client.closedWith());
        }
      }
    }
    assertEquals(HELLOS_PER_ADDRESS, welcomed);
    try (RawClient client = new RawClient("127.0.0.41", app.port())) {
      client.upgrade(app.port());
      client.text(hello);
      assertEquals("welcome", new JsonObject(client.nextText()).getString("type"));
    }
  }

  @Test
  @DisplayName(
      "a board takes so many notes a minute from all its participants together; another board carries on")
  void boardNotes() {
    Api.Workshop workshop = api.workshop("Board notes", "A", "B");
    List<WsClient> phones = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Api.Participant p = api.join(workshop.board(0).getString("joinCode"), "P" + i);
        phones.add(WsClient.hello(app.port(), p.boardId(), p.token(), null));
      }
      int acked = 0;
      int limited = 0;
      for (int round = 0; round < 4; round++) {
        for (WsClient phone : phones) {
          JsonObject answer = phone.answer(phone.op("note.add", note("round " + round)));
          if ("ack".equals(answer.getString("type"))) {
            acked++;
          } else {
            assertEquals("rate_limited", answer.getString("code"));
            limited++;
          }
        }
      }
      assertEquals(BOARD_NOTES, acked, "the board's notes of this minute");
      assertEquals(12 - BOARD_NOTES, limited);
      Api.Participant bystander = api.join(workshop.board(1).getString("joinCode"), "Other");
      try (WsClient other =
          WsClient.hello(app.port(), bystander.boardId(), bystander.token(), null)) {
        assertEquals("ack", other.answer(other.op("note.add", note("mine"))).getString("type"));
      }
    } finally {
      phones.forEach(WsClient::close);
    }
  }

  @Test
  @DisplayName(
      "malformed frames count against the socket's budget: each answered invalid, then the socket is closed 1008")
  void malformedFrames() throws Exception {
    Api.Workshop workshop = api.workshop("Bad frames", "A");
    Api.Participant p = api.join(workshop.board(0).getString("joinCode"), "Fuzzer");
    try (WsClient ws = WsClient.hello(app.port(), p.boardId(), p.token(), null)) {
      String deep = "[".repeat(3_000) + "]".repeat(3_000);
      for (int i = 0; i < BAD_FRAMES; i++) {
        ws.sendText(i % 2 == 0 ? deep : "{not json");
        JsonObject error = ws.nextOfType("error");
        assertEquals("invalid", error.getString("code"), "frame " + (i + 1));
      }
      ws.sendText("{not json");
      assertEquals((short) 1008, ws.awaitClose(), "past the budget the socket is closed");
    }
  }

  @Test
  @DisplayName("an unfinished fragmented message after hello is timed out (1008)")
  void unfinishedAfterHello() throws Exception {
    Api.Workshop workshop = api.workshop("Fragments", "A");
    Api.Participant p = api.join(workshop.board(0).getString("joinCode"), "Half");
    try (RawClient client = new RawClient("127.0.0.42", app.port())) {
      client.upgrade(app.port());
      client.text(
          new JsonObject()
              .put("type", "hello")
              .put("boardId", p.boardId())
              .put("token", p.token())
              .encode());
      assertNotNull(client.nextText());
      client.frame(1, false, "{\"type\":\"op\",".getBytes());
      String more;
      do {
        more = client.nextText();
      } while (more != null);
      assertEquals(1008, client.closedWith(), "closed after the hello timeout (2 s here)");
    }
  }

  private static JsonObject note(String text) {
    return new JsonObject()
        .put("noteId", UUID.randomUUID().toString())
        .put("lane", "custody:issues")
        .put("tags", new JsonArray())
        .put("text", text);
  }
}
