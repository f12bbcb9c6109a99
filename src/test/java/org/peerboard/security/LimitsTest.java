package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
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

@DisplayName("Limits against abuse, and WebSocket origins")
class LimitsTest {
  private static PeerBoard strict;
  private static Api api;

  /** A second process on the shared database, with small limits so tests can reach them. */
  @BeforeAll
  static void start() throws Exception {
    strict =
        PeerBoard.start(TestApp.onSharedDatabase("strict").withLimits(new Config.Limits(5, 3, 4)));
    api = new Api("http://127.0.0.1:" + strict.port());
  }

  @AfterAll
  static void stop() {
    strict.close();
  }

  @Test
  @DisplayName(
      "a participant over the note rate gets rate_limited and nothing is stored; others carry on")
  void noteRate() {
    Api.Workshop workshop = api.workshop("Rates", "A");
    String code = workshop.board(0).getString("joinCode");
    Api.Participant alice = api.join(code, "Alice");
    Api.Participant bruno = api.join(code, "Bruno");
    try (WsClient a = WsClient.hello(strict.port(), alice.boardId(), alice.token(), null);
        WsClient b = WsClient.hello(strict.port(), bruno.boardId(), bruno.token(), null)) {
      for (int i = 0; i < 5; i++) {
        assertEquals("ack", a.answer(a.op("note.add", note(i))).getString("type"));
      }
      assertEquals("rate_limited", a.answer(a.op("note.add", note(99))).getString("code"));
      assertEquals(
          "ack",
          b.answer(b.op("note.add", note(1))).getString("type"),
          "the limit is per participant");
    }
    assertEquals(
        6,
        api.get("/api/boards/" + alice.boardId(), alice.token())
            .json()
            .getJsonArray("notes")
            .size());
  }

  @Test
  @DisplayName("a full board turns new participants away with conflict")
  void participantsPerBoard() {
    Api.Workshop workshop = api.workshop("Full", "A");
    String code = workshop.board(0).getString("joinCode");
    for (int i = 0; i < 3; i++) {
      api.join(code, "P" + i);
    }
    Api.Response fourth =
        api.post("/api/join", new JsonObject().put("consent", true).put("code", code));
    assertEquals(409, fourth.status());
    assertEquals("conflict", fourth.errorCode());
  }

  @Test
  @DisplayName(
      "guessed codes from one address are slowed down; while it is limited even a valid code from it is refused")
  void failedJoins() throws Exception {
    Api.Workshop workshop = api.workshop("Guess", "A");
    String guesser =
        "127.0.0.90"; // its own address, so the other tests' joins from 127.0.0.1 are not limited
    int limited = 0;
    for (int i = 0; i < 6; i++) {
      int status =
          RawClient.status(
              RawClient.request(
                  guesser,
                  strict.port(),
                  "POST",
                  "/api/join",
                  new JsonObject()
                      .put("consent", true)
                      .put("code", "ZZZZZ" + "ACDEFG".charAt(i))
                      .encode()));
      assertTrue(status == 404 || status == 429, "status " + status);
      limited += status == 429 ? 1 : 0;
    }
    assertTrue(limited >= 1, "guessing is slowed down");
    assertEquals(
        429,
        RawClient.status(RawClient.request(guesser, strict.port(), "GET", "/j/ZZZZZA", null)),
        "guessing through the join page counts too");
    assertEquals(
        429,
        RawClient.status(
            RawClient.request(guesser, strict.port(), "GET", "/j/ZZZZZA/qr.svg", null)),
        "and through the QR code");
    assertEquals(
        429,
        RawClient.status(
            RawClient.request(
                guesser,
                strict.port(),
                "POST",
                "/api/join",
                new JsonObject()
                    .put("consent", true)
                    .put("code", workshop.board(0).getString("joinCode"))
                    .encode())),
        "a valid code from the limited address is refused too");
    assertEquals(
        200,
        api.post(
                "/api/join",
                new JsonObject()
                    .put("consent", true)
                    .put("code", workshop.board(0).getString("joinCode")))
            .status(),
        "from another address it gets in");
  }

  @Test
  @DisplayName("a WebSocket opened from another site's page is refused; our own origin is accepted")
  void origins() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      WebSocketClient client = vertx.createWebSocketClient();
      WebSocketConnectOptions evil =
          new WebSocketConnectOptions()
              .setHost("127.0.0.1")
              .setPort(strict.port())
              .setURI("/ws")
              .addHeader("Origin", "http://evil.example");
      boolean refused;
      try {
        client.connect(evil).await(5, TimeUnit.SECONDS);
        refused = false;
      } catch (Exception e) {
        refused = true;
      }
      assertTrue(refused, "another site's origin is refused");
      WebSocketConnectOptions ours =
          new WebSocketConnectOptions()
              .setHost("127.0.0.1")
              .setPort(strict.port())
              .setURI("/ws")
              .addHeader("Origin", "http://127.0.0.1:" + strict.port());
      client.connect(ours).await(5, TimeUnit.SECONDS).close();
    } finally {
      vertx.close();
    }
  }

  private static JsonObject note(int i) {
    return new JsonObject().put("lane", "custody:issues").put("text", "note " + i);
  }
}
