package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * One participant floods the server with ops that are not notes (moves), thousands of them without
 * waiting, while a participant of another workshop posts notes one after another. The defaults
 * apply (docs/reliability.md).
 */
@DisplayName("One participant's flood of ops is cut down to their budget; another board carries on")
class FloodTest {
  private static final int FLOOD = 3_000;
  private static PeerBoard app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    app =
        PeerBoard.start(
            TestApp.onSharedDatabase("flood")
                // the bystander posts 90 notes in a row: the note rate is out of its way, the op
                // budgets are the defaults
                .withLimits(new Config.Limits(10_000, 2_000, 20))
                .withDefences(
                    new Config.Defences(20, 60, 10, 100_000, 120, 1_200, 16, 30, 7, 1_000, 5)));
    api = new Api("http://127.0.0.1:" + app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject note(String lane, String text) {
    return new JsonObject().put("lane", lane).put("text", text);
  }

  /** Round trips of {@code n} notes posted one after the other, in milliseconds. */
  private static List<Double> roundTrips(WsClient ws, int n, String label) {
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long started = System.nanoTime();
      JsonObject answer = ws.answer(ws.op("note.add", note("custody:issues", label + " " + i)));
      millis.add((System.nanoTime() - started) / 1e6);
      assertEquals("ack", answer.getString("type"), "the bystander's note is acked: " + answer);
    }
    return millis;
  }

  @Test
  @DisplayName(
      "the flooder gets rate_limited, then cut off, reconnects only as fast as hellos allow; the bystander's ops are all acked")
  void flood() throws Exception {
    Api.Workshop floodWorkshop = api.workshop("Flood", "A");
    Api.Workshop calmWorkshop = api.workshop("Calm", "B");
    Api.Participant flooder = api.join(floodWorkshop.board(0).getString("joinCode"), "Flooder");
    Api.Participant bystander = api.join(calmWorkshop.board(0).getString("joinCode"), "Bystander");
    try (WsClient calm = WsClient.hello(app.port(), bystander.boardId(), bystander.token(), null)) {
      roundTrips(calm, 5, "warm-up");
      List<Double> before = roundTrips(calm, 40, "before");
      String noteId;
      try (WsClient first = WsClient.hello(app.port(), flooder.boardId(), flooder.token(), null)) {
        noteId =
            first
                .answer(first.op("note.add", note("custody:issues", "mine")))
                .getJsonObject("result")
                .getString("noteId");
      }

      AtomicBoolean bystanderDone = new AtomicBoolean();
      CompletableFuture<Flooder> flooding =
          CompletableFuture.supplyAsync(
              () -> {
                Flooder f = new Flooder();
                // never waits for an answer; when cut off it connects again at once, on until the
                // bystander has finished
                while (f.sent < FLOOD || !bystanderDone.get()) {
                  WsClient ws;
                  try {
                    ws = WsClient.hello(app.port(), flooder.boardId(), flooder.token(), null);
                    f.connections++;
                  } catch (IllegalStateException refused) {
                    f.hellosRefused++;
                    LockSupport.parkNanos(20_000_000);
                    continue;
                  }
                  try (ws) {
                    for (int i = 0;
                        !ws.isClosed() && (f.sent < FLOOD || !bystanderDone.get());
                        i++) {
                      String lane = i % 2 == 0 ? "custody:actors" : "custody:issues";
                      try {
                        ws.op(
                            "note.move", new JsonObject().put("noteId", noteId).put("lane", lane));
                      } catch (RuntimeException closedMeanwhile) {
                        break;
                      }
                      f.sent++;
                      if (i % 50 == 49) {
                        LockSupport.parkNanos(1_000_000);
                      }
                    }
                    JsonObject frame;
                    while ((frame = ws.poll(Duration.ofMillis(200))) != null) {
                      f.acked += "ack".equals(frame.getString("type")) ? 1 : 0;
                      f.limited += "rate_limited".equals(frame.getString("code")) ? 1 : 0;
                    }
                    f.cutOff +=
                        ws.isClosed() && Short.valueOf((short) 1008).equals(ws.awaitClose())
                            ? 1
                            : 0;
                  }
                }
                return f;
              });
      List<Double> during = roundTrips(calm, 40, "during");
      bystanderDone.set(true);
      Flooder f = flooding.join();

      System.out.printf(
          "flood: %d note.move sent without waiting over %d connections (%d hellos refused); %d acked, "
              + "%d rate_limited, cut off %d times; bystander note round trip before: median %.1f ms, p90 %.1f ms; "
              + "during: median %.1f ms, p90 %.1f ms%n",
          f.sent,
          f.connections,
          f.hellosRefused,
          f.acked,
          f.limited,
          f.cutOff,
          percentile(before, 50),
          percentile(before, 90),
          percentile(during, 50),
          percentile(during, 90));
      assertTrue(f.cutOff >= 1, "a socket that sends on through its refusals is closed with 1008");
      assertTrue(
          f.acked <= 120 + 16 + 60,
          "the flooder got no more than the budget (and its refill): " + f.acked);
      assertTrue(f.limited > 0);
      assertEquals(200, api.get("/health", null).status());
      assertEquals(
          "ack",
          calm.answer(calm.op("note.add", note("custody:issues", "after"))).getString("type"));
    }
  }

  /** What the flooder saw. */
  private static final class Flooder {
    int sent;
    int connections;
    int hellosRefused;
    int acked;
    int limited;
    int cutOff;
  }

  @Test
  @DisplayName("hellos with one token past the per-token limit are refused rate_limited")
  void hellos() {
    Api.Workshop workshop = api.workshop("Hellos", "A");
    Api.Participant p = api.join(workshop.board(0).getString("joinCode"), "Reconnecting");
    int refused = 0;
    for (int i = 0; i < 40; i++) {
      try (WsClient ws = WsClient.connect(app.port())) {
        ws.sendText(
            new JsonObject()
                .put("type", "hello")
                .put("boardId", p.boardId())
                .put("token", p.token())
                .encode());
        JsonObject answer = ws.next();
        refused += "rate_limited".equals(answer.getString("code")) ? 1 : 0;
      }
    }
    // 30 at once, then one every 2 s: of 40 in a row, some are refused (how many depends on how
    // fast they come)
    assertTrue(
        refused > 0 && refused <= 10, "past 30 hellos a minute the token is refused: " + refused);
  }

  static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
