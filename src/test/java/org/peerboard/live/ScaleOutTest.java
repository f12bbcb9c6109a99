package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
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

@DisplayName("Two PeerBoard processes on one database")
class ScaleOutTest {
  private static PeerBoard first;
  private static PeerBoard second;

  @BeforeAll
  static void startTwo() throws Exception {
    first = TestApp.start(Files.createTempDirectory("peerboard-scale"), TestApp.freePort(), TestApp.freePort());
    DbSettings db = first.database();
    int port = TestApp.freePort();
    second = PeerBoard.start(TestApp.config(Files.createTempDirectory("peerboard-scale2"), port, 0)
        .withDatabaseUrl("postgres://" + db.user() + ":@" + db.host() + ":" + db.port() + "/" + db.database()));
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  @Test
  @DisplayName("every socket gets every event in order, without gaps or duplicates, whichever process it reached")
  void everyEventToEverySocket() throws Exception {
    Api api = new Api("http://127.0.0.1:" + first.port());
    Api.Workshop workshop = api.workshop("Prato", "A");
    String code = workshop.board(0).getString("joinCode");
    List<Api.Participant> people = new ArrayList<>();
    List<WsClient> sockets = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Api.Participant p = api.join(code, "P" + i);
      people.add(p);
      sockets.add(WsClient.hello(i % 2 == 0 ? first.port() : second.port(), p.boardId(), p.token(), null));
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
          opIds.add(ws.op("note.add", new JsonObject().put("lane", "path:issues")
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
      assertEquals(List.of(), ws.eventsWithin(java.time.Duration.ofMillis(300)), "no duplicate after the last");
    }
    sockets.forEach(WsClient::close);
  }

  /** What an operator or a network fault does to the LISTEN connections of both processes. */
  private static void killListenConnections(DbSettings db) throws Exception {
    try (Connection conn = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         ResultSet rs = conn.createStatement().executeQuery(
             "select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN%'")) {
      int killed = 0;
      while (rs.next()) {
        killed++;
      }
      assertEquals(2, killed, "one LISTEN connection per process");
    }
  }
}
