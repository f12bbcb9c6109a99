package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/** The lower items of issue 27, each as the attack found it. */
@DisplayName("Hardening, second pass: the lower items")
class LowerItemsTest {
  private static final int CAP = 30;
  private static PeerBoard capped;

  /** A server holding at most 30 connections in all, with a 2 s header timeout and 6 s idle. */
  @BeforeAll
  static void start() throws Exception {
    capped =
        PeerBoard.start(
            TestApp.onSharedDatabase("capped")
                .withDefences(
                    new Config.Defences(
                        2, 6, 10, 100_000, 1_000_000, 1_000_000, 100_000, 100_000, 7, 1_000_000,
                        1_000_000))
                .withBudgets(
                    new Config.Budgets(
                        1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 64, CAP)));
  }

  @AfterAll
  static void stop() {
    capped.close();
  }

  @Test
  @DisplayName(
      "past the process's connection cap new connections get /health only, other requests 503; served again once they close")
  void globalCap() throws Exception {
    List<RawClient> held = new ArrayList<>();
    try {
      for (int i = 0; i < CAP; i++) {
        held.add(new RawClient("127.0.0." + (60 + i % 10), capped.port()));
      }
      Thread.sleep(300);
      assertEquals(
          200,
          RawClient.status(RawClient.request("127.0.0.71", capped.port(), "GET", "/health", null)),
          "/health is answered past the cap");
      String page = RawClient.request("127.0.0.71", capped.port(), "GET", "/new", null);
      assertEquals(503, RawClient.status(page), "any other request is refused: " + page);
      assertTrue(page.contains("Retry-After"));
    } finally {
      held.forEach(RawClient::close);
    }
    Thread.sleep(300);
    assertEquals(
        200,
        RawClient.status(RawClient.request("127.0.0.71", capped.port(), "GET", "/new", null)),
        "served again once the connections are gone");
  }

  @Test
  @DisplayName(
      "after an answer, a keep-alive connection waits for the next request's headers for the header timeout, not the idle one")
  void keepAliveHeaderTimeout() throws Exception {
    try (RawClient client = new RawClient("127.0.0.72", capped.port())) {
      client.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      // header timeout 2 s, idle timeout 6 s: closed well before the idle timeout
      assertTrue(client.closedWithin(5_000), "closed after the header timeout");
    }
  }

  @Test
  @DisplayName("an expired join code answers POST /api/join like the pages: 404")
  void expiredCode() throws Exception {
    Api api = TestApp.api();
    Api.Workshop recent = api.workshop("Closed yesterday", "A");
    Api.Workshop old = api.workshop("Closed long ago", "A");
    DbSettings s = TestApp.shared().database();
    try (Connection db = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
        PreparedStatement close =
            db.prepareStatement("update board set stage = 'closed' where workshop_id = ?::uuid");
        PreparedStatement age =
            db.prepareStatement(
                "update board set closed_at = now() - make_interval(days => ?) "
                    + "where workshop_id = ?::uuid")) {
      for (Object[] w : new Object[][] {{recent, 1}, {old, 8}}) {
        close.setString(1, ((Api.Workshop) w[0]).id());
        close.executeUpdate();
        age.setInt(1, (Integer) w[1]);
        age.setString(2, ((Api.Workshop) w[0]).id());
        age.executeUpdate();
      }
    }
    JsonObject body = new JsonObject().put("consent", true);
    Api.Response yesterday =
        api.post("/api/join", body.copy().put("code", recent.board(0).getString("joinCode")));
    assertEquals(409, yesterday.status(), "closed yesterday: the board is closed");
    Api.Response expired =
        api.post("/api/join", body.copy().put("code", old.board(0).getString("joinCode")));
    assertEquals(404, expired.status(), "closed 8 days ago: the code is gone");
    assertEquals("not_found", expired.errorCode());
  }

  @Test
  @DisplayName(
      "a title of only combining marks and a name of only zero-width spaces are refused as invalid")
  void invisibleTexts() {
    Api api = TestApp.api();
    Api.Response title =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", "\u0301\u0302\u0303\u0308".repeat(20))
                .put("language", "en"));
    assertEquals(400, title.status(), title.body());
    assertEquals("invalid", title.errorCode());
    Api.Workshop workshop = api.workshop("Names", "A");
    Api.Response name =
        api.post(
            "/api/join",
            new JsonObject()
                .put("code", workshop.board(0).getString("joinCode"))
                .put("name", "\u200B\u200B\u200B")
                .put("consent", true));
    assertEquals(400, name.status(), name.body());
    assertEquals("invalid", name.errorCode());
    Api.Response group =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", "Groups")
                .put("groups", new JsonArray().add("\u200B\u200D")));
    assertEquals(400, group.status(), "a group name of nothing visible: " + group.body());
  }

  @Test
  @DisplayName(
      "a cluster op with 500 note ids, the documented maximum, fits the frame limit: answered, the socket stays open")
  void clusterOfFiveHundred() {
    Api api = TestApp.api();
    Api.Workshop workshop = api.workshop("Big cluster", "A");
    JsonObject board = workshop.board(0);
    try (WsClient moderator =
        WsClient.hello(
            TestApp.shared().port(),
            board.getString("id"),
            board.getString("moderatorKey"),
            null)) {
      JsonArray ids = new JsonArray();
      for (int i = 0; i < 500; i++) {
        ids.add(UUID.randomUUID().toString());
      }
      JsonObject data =
          new JsonObject()
              .put("lane", "custody:issues")
              .put("name", "è".repeat(120))
              .put("noteIds", ids);
      String opId = moderator.op("cluster.create", data);
      JsonObject answer = moderator.answer(opId);
      assertTrue(
          new JsonObject().put("data", data).encode().getBytes(StandardCharsets.UTF_8).length
              > 16 * 1024,
          "the op is larger than the old 16 KiB limit");
      assertEquals("not_found", answer.getString("code"), "answered (its notes do not exist)");
      assertFalse(moderator.isClosed(), "not closed with 1009");
      String note =
          moderator.op(
              "note.add", new JsonObject().put("lane", "custody:issues").put("text", "ok"));
      assertEquals("ack", moderator.answer(note).getString("type"));
    }
  }
}
