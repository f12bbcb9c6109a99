package org.peerboard.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.db.EmbeddedDatabase;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("When PostgreSQL goes away and comes back")
class DatabaseOutageTest {

  @Test
  @DisplayName(
      "the servers stay up, health says DOWN then UP, ops get unavailable, pending notes and live updates resume")
  void outageAndRecovery() throws Exception {
    Path pgDir = Files.createTempDirectory("peerboard-outage-db");
    int pgPort = TestApp.freePort();
    EmbeddedDatabase db = EmbeddedDatabase.start(pgDir, pgPort);
    DbSettings settings = db.settings();
    String url =
        "postgres://"
            + settings.user()
            + ":@"
            + settings.host()
            + ":"
            + pgPort
            + "/"
            + settings.database();
    int port1 = TestApp.freePort();
    int port2 = TestApp.freePort();
    try (PeerBoard one =
            PeerBoard.start(
                TestApp.config(Files.createTempDirectory("o1"), port1, 0).withDatabaseUrl(url));
        PeerBoard two =
            PeerBoard.start(
                TestApp.config(Files.createTempDirectory("o2"), port2, 0).withDatabaseUrl(url))) {
      Api api = new Api("http://127.0.0.1:" + port1);
      Api.Workshop workshop = api.workshop("Outage", "A");
      Api.Participant alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
      Api.Participant bruno = api.join(workshop.board(0).getString("joinCode"), "Bruno");
      try (WsClient a = WsClient.hello(port1, alice.boardId(), alice.token(), null);
          WsClient b = WsClient.hello(port2, bruno.boardId(), bruno.token(), null)) {
        a.answer(a.op("note.add", note("before the outage")));
        assertEquals("note.added", b.nextEvent().getString("event"));

        db.close();
        assertEquals(503, api.get("/health", null).status());
        assertEquals("DOWN", api.get("/health", null).json().getString("database"));
        String pendingOp = a.op("note.add", note("typed during the outage"));
        JsonObject answer = a.answer(pendingOp);
        assertEquals("unavailable", answer.getString("code"), answer.encode());

        db = EmbeddedDatabase.start(pgDir, pgPort);
        awaitHealthy(api);
        awaitHealthy(new Api("http://127.0.0.1:" + port2));
        JsonObject ack = resendUntilAcked(a, pendingOp);
        JsonObject atB = b.nextEvent();
        assertEquals(
            ack.getLong("seq"), atB.getLong("seq"), "B, on the other process, gets the note live");
        assertEquals(
            "typed during the outage",
            atB.getJsonObject("data").getJsonObject("note").getString("text"));
        a.op(pendingOp, "note.add", note("typed during the outage"));
        a.answer(pendingOp);
        List<Object> notes =
            api.get("/api/boards/" + alice.boardId(), alice.token())
                .json()
                .getJsonArray("notes")
                .getList();
        assertEquals(2, notes.size(), "nothing lost, nothing doubled");
      }
    } finally {
      db.close();
    }
  }

  private static JsonObject note(String text) {
    return new JsonObject().put("lane", "custody:issues").put("text", text);
  }

  /** What a phone does: resend its pending op (same opId) until the server acks it. */
  private static JsonObject resendUntilAcked(WsClient ws, String opId) throws InterruptedException {
    for (int attempt = 0; attempt < 30; attempt++) {
      ws.op(opId, "note.add", note("typed during the outage"));
      JsonObject answer = ws.answer(opId);
      if ("ack".equals(answer.getString("type"))) {
        return answer;
      }
      assertEquals("unavailable", answer.getString("code"));
      Thread.sleep(500);
    }
    throw new AssertionError("the pending note was never acknowledged");
  }

  private static void awaitHealthy(Api api) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (api.get("/health", null).status() == 200) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("health never came back UP");
  }
}
