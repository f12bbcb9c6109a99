package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;

/**
 * Fragmented WebSocket messages that never end, sent on raw sockets without a hello, as the attack
 * did.
 */
@DisplayName("A message's fragments together are bounded by PEERBOARD_MAX_FRAME_BYTES")
class FragmentsTest {
  private static final int LIMIT = 16 * 1024;
  private static PeerBoard app;

  @BeforeAll
  static void start() throws Exception {
    app = PeerBoard.start(TestApp.onSharedDatabase("fragments").withMaxFrameBytes(LIMIT));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static byte[] bytes(int n) {
    byte[] payload = new byte[n];
    Arrays.fill(payload, (byte) 'x');
    return payload;
  }

  @Test
  @DisplayName(
      "a text frame with FIN=0 and continuations of 8 KB is closed with 1009 once past the limit")
  void unfinishedMessage() throws Exception {
    try (RawClient client = new RawClient("127.0.0.20", app.port())) {
      client.upgrade(app.port());
      client.frame(1, false, bytes(8 * 1024));
      for (int i = 0; i < 30; i++) {
        try {
          client.frame(0, false, bytes(8 * 1024));
        } catch (IOException closedAlready) {
          break;
        }
      }
      assertEquals(1009, client.closeCode());
    }
  }

  @Test
  @DisplayName(
      "a continuation without a first frame ends the connection (Netty's decoder drops it as a protocol error)")
  void continuationFirst() throws Exception {
    try (RawClient client = new RawClient("127.0.0.21", app.port())) {
      client.upgrade(app.port());
      client.frame(0, true, bytes(10));
      int code = client.closeCode();
      assertTrue(code == 1002 || code == -1, "closed: " + code);
    }
  }

  @Test
  @DisplayName(
      "a message in fragments under the limit is read whole (an unknown hello gets an error, not a close 1009)")
  void fragmentedHello() throws Exception {
    try (RawClient client = new RawClient("127.0.0.22", app.port())) {
      client.upgrade(app.port());
      String hello =
          "{\"type\":\"hello\",\"boardId\":\""
              + UUID.randomUUID()
              + "\",\"token\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}";
      byte[] all = hello.getBytes(StandardCharsets.UTF_8);
      int half = all.length / 2;
      client.frame(1, false, Arrays.copyOfRange(all, 0, half));
      client.frame(0, true, Arrays.copyOfRange(all, half, all.length));
      assertEquals(
          1008,
          client.closeCode(),
          "the hello was parsed and refused, so the socket closes as for any " + "failed hello");
    }
  }

  /**
   * Not a pass/fail figure: how much memory sockets holding unfinished messages just under the
   * limit take.
   */
  @Test
  @DisplayName("sockets holding unfinished messages just under the limit keep their memory bounded")
  void memoryPerSocket() throws Exception {
    int sockets = 1_000;
    List<RawClient> held = new ArrayList<>();
    Runtime runtime = Runtime.getRuntime();
    try {
      System.gc();
      long before = runtime.totalMemory() - runtime.freeMemory();
      for (int i = 0; i < sockets; i++) {
        RawClient client = new RawClient("127.0.0." + (30 + i % 10), app.port());
        client.upgrade(app.port());
        client.frame(1, false, bytes(8 * 1024));
        client.frame(0, false, bytes(8 * 1024 - 64));
        held.add(client);
      }
      Thread.sleep(500);
      System.gc();
      long after = runtime.totalMemory() - runtime.freeMemory();
      long perSocket = Math.max(0, after - before) / sockets;
      System.out.printf(
          "fragments: %d sockets each holding %d bytes of an unfinished message: heap +%d MB, "
              + "%d KB per socket (test JVM, client and server together)%n",
          sockets, 16 * 1024 - 64, (after - before) >> 20, perSocket >> 10);
      int stillOpen = 0;
      for (RawClient client : held) {
        stillOpen += client.closedWithin(1) ? 0 : 1;
      }
      assertTrue(stillOpen > 0, "under the limit the sockets are held (until the hello timeout)");
    } finally {
      held.forEach(RawClient::close);
    }
  }
}
