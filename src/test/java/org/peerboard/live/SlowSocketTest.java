package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("A phone that stopped reading")
class SlowSocketTest {

  @Test
  @DisplayName(
      "is cut off once its queue is full, the others keep getting every event, and it catches up after")
  void slowConsumerIsCutOff() throws Exception {
    int port = TestApp.shared().port();
    Api api = TestApp.api();
    Api.Workshop workshop = api.workshop("Slow", "A");
    String boardId = workshop.board(0).getString("id");
    Api.Participant sleepy = api.join(workshop.board(0).getString("joinCode"), "Sleepy");
    Api.Participant awake = api.join(workshop.board(0).getString("joinCode"), "Awake");
    Vertx vertx = Vertx.vertx();
    try (WsClient moderator =
            WsClient.hello(port, boardId, workshop.board(0).getString("moderatorKey"), null);
        WsClient reader = WsClient.hello(port, boardId, awake.token(), null)) {
      WebSocket stalled =
          vertx
              .createWebSocketClient()
              .connect(
                  new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
              .await(10, TimeUnit.SECONDS);
      stalled
          .writeTextMessage(
              new JsonObject()
                  .put("type", "hello")
                  .put("boardId", boardId)
                  .put("token", sleepy.token())
                  .encode())
          .await();
      Thread.sleep(300);
      stalled.pause();

      String text = "x".repeat(500);
      List<String> opIds = new ArrayList<>();
      int sent = 0;
      long last = 0;
      boolean dropped = false;
      while (!dropped && sent < 20_000) {
        for (int i = 0; i < 200; i++, sent++) {
          opIds.add(
              moderator.op(
                  "note.add", new JsonObject().put("lane", "improvements").put("text", text)));
        }
        opIds.forEach(moderator::answer);
        opIds.clear();
        JsonObject frame;
        while ((frame = reader.poll(Duration.ofMillis(50))) != null) {
          if ("event".equals(frame.getString("type"))) {
            assertEquals(
                last + 1, frame.getLong("seq"), "the reading socket misses nothing meanwhile");
            last = frame.getLong("seq");
          } else if ("presence".equals(frame.getString("type"))
              && frame.getInteger("online") == 2) {
            dropped = true;
          }
        }
      }
      // the cut-off socket leaves the board when its TCP connection ends, which the server forces
      // some seconds after
      // its close frame (queued behind data the phone never read); nothing more needs to be sent
      // meanwhile
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!dropped && System.nanoTime() < deadline) {
        JsonObject frame = reader.poll(Duration.ofMillis(200));
        if (frame != null && "event".equals(frame.getString("type"))) {
          assertEquals(
              last + 1, frame.getLong("seq"), "the reading socket misses nothing meanwhile");
          last = frame.getLong("seq");
        }
        dropped =
            frame != null
                && "presence".equals(frame.getString("type"))
                && frame.getInteger("online") == 2;
      }
      assertTrue(dropped, "the stalled socket was dropped from the board after " + sent + " notes");
      System.out.printf("slow socket cut off; %d notes of 500 characters sent%n", sent);
      // the server sent close 4008 behind the data the phone never read; a phone that wakes up
      // reconnects
      stalled.close();
      long head = api.get("/api/boards/" + boardId, awake.token()).json().getLong("seq");
      try (WsClient back = WsClient.hello(port, boardId, sleepy.token(), 1L)) {
        assertEquals(
            head, back.welcome().getLong("seq"), "the sleepy phone catches up on reconnect");
      }
    } finally {
      vertx.close();
    }
  }
}
