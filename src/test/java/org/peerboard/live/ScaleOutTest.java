package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

@DisplayName("Two PeerBoard processes on one database")
class ScaleOutTest {
  private static PeerBoard first;
  private static PeerBoard second;

  @BeforeAll
  static void startTwo() throws Exception {
    first =
        TestApp.start(
            Files.createTempDirectory("peerboard-scale"), TestApp.freePort(), TestApp.freePort());
    second = PeerBoard.start(TestApp.onDatabaseOf(first, "peerboard-scale2"));
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  @Test
  @DisplayName(
      "every socket gets every event in order, without gaps or duplicates, whichever process it reached")
  void everyEventToEverySocket() throws Exception {
    Api api = new Api("http://127.0.0.1:" + first.port());
    Api.Workshop workshop = api.workshop("Prato", "A");
    String code = workshop.board(0).getString("joinCode");
    List<Api.Participant> people = new ArrayList<>();
    List<WsClient> sockets = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Api.Participant p = api.join(code, "P" + i);
      people.add(p);
      sockets.add(
          WsClient.hello(i % 2 == 0 ? first.port() : second.port(), p.boardId(), p.token(), null));
    }
    int total = 0;
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < sockets.size(); i++) {
        if (round == 2 && i % 2 == 1) {
          continue; // after the LISTEN connections died, only the first process takes posts
        }
        WsClient ws = sockets.get(i);
        List<String> opIds = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
          opIds.add(
              ws.op(
                  "note.add",
                  new JsonObject()
                      .put("lane", "path:issues")
                      .put("text", "round " + round + " note " + n)));
          total++;
        }
        if (round == 1) {
          opIds.forEach(opId -> assertEquals("ack", ws.answer(opId).getString("type")));
        }
      }
      if (round == 1) {
        killListenConnections(first.database());
      }
    }
    List<Long> expected = LongStream.rangeClosed(1, total).boxed().toList();
    for (WsClient ws : sockets) {
      List<Long> seqs = new ArrayList<>();
      while (seqs.size() < total) {
        seqs.add(ws.nextEvent().getLong("seq"));
      }
      assertEquals(expected, seqs);
      assertEquals(
          List.of(), ws.eventsWithin(Duration.ofMillis(300)), "no duplicate after the last");
    }
    sockets.forEach(WsClient::close);
  }

  @Test
  @DisplayName(
      "a process tells its own commits from memory, tagged with its origin; should one never reach its hub, it "
          + "reads the log after a second; a NOTIFY without origin (an older process) is read as before")
  void ownCommitsAndOlderProcesses() throws Exception {
    Api api = new Api("http://127.0.0.1:" + first.port());
    Api.Workshop workshop = api.workshop("Origine", "A");
    String boardId = workshop.board(0).getString("id");
    String key = workshop.board(0).getString("moderatorKey");
    DbSettings db = first.database();
    try (Connection listen = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Connection write = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        WsClient onFirst = WsClient.hello(first.port(), boardId, key, null);
        WsClient onSecond = WsClient.hello(second.port(), boardId, key, null)) {
      try (var st = listen.createStatement()) {
        st.execute("listen peerboard_events");
      }
      String opId = onFirst.op("board.focus", new JsonObject().put("phase", "custody"));
      assertEquals("ack", onFirst.answer(opId).getString("type"));
      String[] told = notification(listen, boardId).split(":");
      assertEquals(3, told.length, "board:head:origin");
      assertEquals("1", told[1]);
      String firstOrigin = told[2];
      assertEquals(1L, onFirst.nextEvent("board.focused").getLong("seq"));
      assertEquals(1L, onSecond.nextEvent("board.focused").getLong("seq"));

      // an event in the log, notified with the first process's origin, that its pipeline never
      // handed over: the second process reads it at once, the first after its grace
      commitBehindTheirBacks(write, boardId, 2, "removal", ":" + firstOrigin);
      JsonObject second2 = onSecond.nextEvent("board.focused");
      JsonObject first2 = onFirst.nextEvent("board.focused");
      assertEquals(2L, second2.getLong("seq"));
      assertEquals("removal", second2.getJsonObject("data").getString("focus"));
      assertEquals(2L, first2.getLong("seq"));

      // a process of the previous version notifies board:head
      commitBehindTheirBacks(write, boardId, 3, "path", "");
      assertEquals(3L, onFirst.nextEvent("board.focused").getLong("seq"));
      assertEquals(3L, onSecond.nextEvent("board.focused").getLong("seq"));

      // and the next ordinary op follows on both, without a gap or a duplicate
      opId = onSecond.op("board.focus", new JsonObject().put("phase", "leaving"));
      assertEquals("ack", onSecond.answer(opId).getString("type"));
      assertEquals(4L, onFirst.nextEvent("board.focused").getLong("seq"));
      assertEquals(4L, onSecond.nextEvent("board.focused").getLong("seq"));
      assertEquals(List.of(), onFirst.eventsWithin(Duration.ofMillis(300)));
      assertEquals(List.of(), onSecond.eventsWithin(Duration.ofMillis(300)));
    }
  }

  /** The next NOTIFY on peerboard_events about this board, as sent. */
  private static String notification(Connection listen, String boardId) throws Exception {
    long until = System.nanoTime() + WsClient.WAIT.toNanos();
    while (System.nanoTime() < until) {
      PGNotification[] got = listen.unwrap(PGConnection.class).getNotifications(200);
      for (PGNotification n : got == null ? new PGNotification[0] : got) {
        if (n.getParameter().startsWith(boardId + ":")) {
          return n.getParameter();
        }
      }
    }
    throw new AssertionError("no NOTIFY about board " + boardId);
  }

  /**
   * Commits a focus event at {@code seq} straight into the log and notifies it as {@code board:seq}
   * plus {@code suffix}, the way a process does that the others must read it from.
   */
  private static void commitBehindTheirBacks(
      Connection c, String boardId, long seq, String phase, String suffix) throws Exception {
    try (PreparedStatement insert =
            c.prepareStatement(
                "insert into board_event (board_id, seq, type, data, actor_role) "
                    + "values (?::uuid, ?, 'board.focused', ?::jsonb, 'moderator')");
        PreparedStatement head = c.prepareStatement("update board set seq = ? where id = ?::uuid");
        PreparedStatement notify = c.prepareStatement("select pg_notify('peerboard_events', ?)")) {
      insert.setString(1, boardId);
      insert.setLong(2, seq);
      insert.setString(3, new JsonObject().put("focus", phase).encode());
      insert.executeUpdate();
      head.setLong(1, seq);
      head.setString(2, boardId);
      head.executeUpdate();
      notify.setString(1, boardId + ":" + seq + suffix);
      notify.execute();
    }
  }

  @Test
  @DisplayName("a moderator counts the people on the board whichever process their phones reached")
  void presenceAcrossProcesses() throws Exception {
    Api api = new Api("http://127.0.0.1:" + first.port());
    Api.Workshop workshop = api.workshop("Prato", "B");
    JsonObject board = workshop.board(0);
    String code = board.getString("joinCode");
    WsClient moderator =
        WsClient.hello(first.port(), board.getString("id"), board.getString("moderatorKey"), null);
    List<WsClient> phones = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Api.Participant p = api.join(code, "Phone " + i);
      WsClient phone =
          WsClient.hello(i == 0 ? first.port() : second.port(), p.boardId(), p.token(), null);
      phone.sendText(
          new JsonObject()
              .put("type", "presence")
              .put("phase", i < 3 ? "custody" : "leaving")
              .encode());
      phones.add(phone);
    }
    // one participant with a second tab on the same process counts once
    Api.Participant twoTabs = api.join(code, "Two tabs");
    WsClient tab1 = WsClient.hello(second.port(), twoTabs.boardId(), twoTabs.token(), null);
    WsClient tab2 = WsClient.hello(second.port(), twoTabs.boardId(), twoTabs.token(), null);

    JsonObject seen = presenceUntil(moderator, p -> p.getInteger("online") == 7);
    assertEquals(5, seen.getInteger("participants"), "4 phones and one person with two tabs");
    seen =
        presenceUntil(
            moderator,
            p ->
                p.getJsonObject("phases")
                    .equals(new JsonObject().put("custody", 3).put("leaving", 1)));
    assertEquals(7, seen.getInteger("online"));

    phones.get(3).close();
    tab1.close();
    seen = presenceUntil(moderator, p -> p.getInteger("online") == 5);
    assertEquals(
        4, seen.getInteger("participants"), "the person with two tabs is still there on one");
    assertEquals(new JsonObject().put("custody", 3), seen.getJsonObject("phases"));

    // a phone on the second process sees the moderator and the phone on the first
    JsonObject onSecond = presenceUntil(phones.get(1), p -> p.getInteger("online") == 5);
    assertEquals(
        null, onSecond.getJsonObject("phases"), "only moderators and organisers see phases");
    tab2.close();
    phones.forEach(WsClient::close);
    presenceUntil(moderator, p -> p.getInteger("online") == 1 && p.getInteger("participants") == 0);
    moderator.close();
  }

  private static JsonObject presenceUntil(WsClient ws, Predicate<JsonObject> wanted) {
    long until = System.nanoTime() + WsClient.WAIT.toNanos();
    JsonObject last = null;
    while (System.nanoTime() < until) {
      JsonObject frame = ws.poll(Duration.ofMillis(200));
      if (frame != null && "presence".equals(frame.getString("type"))) {
        last = frame;
        if (wanted.test(frame)) {
          return frame;
        }
      }
    }
    throw new AssertionError("no such presence frame; the last was " + last);
  }

  /** What an operator or a network fault does to the LISTEN connections of both processes. */
  private static void killListenConnections(DbSettings db) throws Exception {
    try (Connection conn = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        ResultSet rs =
            conn.createStatement()
                .executeQuery(
                    "select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN%'")) {
      int killed = 0;
      while (rs.next()) {
        killed++;
      }
      assertEquals(2, killed, "one LISTEN connection per process");
    }
  }
}
