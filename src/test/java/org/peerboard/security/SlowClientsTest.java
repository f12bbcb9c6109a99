package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;

/**
 * Slowloris and friends, on raw sockets from their own loopback addresses, against a server with
 * short timeouts.
 */
@DisplayName("Slow and idle connections cannot hold the server")
class SlowClientsTest {
  private static final int CAP = 100;
  private static PeerBoard app;

  @BeforeAll
  static void start() throws Exception {
    app =
        PeerBoard.start(
            TestApp.onSharedDatabase("slow")
                .withDefences(new Config.Defences(2, 3, 2, CAP, 120, 1_200, 16, 30, 7, 30, 5)));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName(
      "half-sent requests are closed after the header timeout, trickling or not; others are served meanwhile")
  void slowloris() throws Exception {
    List<RawClient> attackers = new ArrayList<>();
    try {
      for (String from : List.of("127.0.0.2", "127.0.0.3", "127.0.0.4")) {
        for (int i = 0; i < CAP; i++) {
          RawClient client = new RawClient(from, app.port());
          client.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
          attackers.add(client);
        }
      }
      for (int second = 0;
          second < 3;
          second++) { // one more header byte now and then, as the attack did
        for (RawClient client : attackers) {
          client.write("a");
        }
        assertEquals(
            200,
            RawClient.status(RawClient.request("127.0.0.1", app.port(), "GET", "/health", null)),
            "a new client is served while " + attackers.size() + " half-open requests are held");
        Thread.sleep(700);
      }
      long waiting = System.nanoTime();
      int closed = 0;
      for (RawClient client : attackers) {
        closed += client.closedWithin(20_000) ? 1 : 0;
      }
      System.out.printf(
          "slowloris: %d half-open requests held from 3 addresses; all closed %d ms after the last "
              + "trickled byte (header timeout 2 s); /health answered meanwhile%n",
          attackers.size(), (System.nanoTime() - waiting) / 1_000_000);
      assertEquals(attackers.size(), closed, "every half-open request was closed");
      assertEquals(
          200,
          RawClient.status(RawClient.request("127.0.0.2", app.port(), "GET", "/health", null)),
          "the attacking address itself is served again once its connections are gone");
    } finally {
      attackers.forEach(RawClient::close);
    }
  }

  @Test
  @DisplayName(
      "one address holds at most its cap of connections; the extra ones are closed, other addresses served")
  void perAddressCap() throws Exception {
    List<RawClient> held = new ArrayList<>();
    try {
      for (int i = 0; i < CAP + 20; i++) {
        held.add(new RawClient("127.0.0.5", app.port()));
      }
      // with several event loops the connections are accepted in parallel, so which 20 are over the
      // cap is not
      // the order they were opened in. They are closed as they connect: look at every one, quickly
      // (well inside
      // the 2 s header timeout that will close the others too)
      Thread.sleep(300);
      int refused = 0;
      for (RawClient client : held) {
        refused += client.closedWithin(5) ? 1 : 0;
      }
      assertEquals(20, refused, "exactly the connections past the cap were closed at once");
      assertTrue(app.server().connectionGuard().openFrom("127.0.0.5") <= CAP);
      assertEquals(
          200,
          RawClient.status(RawClient.request("127.0.0.6", app.port(), "GET", "/health", null)));
    } finally {
      held.forEach(RawClient::close);
    }
  }

  @Test
  @DisplayName(
      "closed WebSockets give their slot back: three times the cap opened and closed from one address, then served")
  void webSocketChurnGivesSlotsBack() throws Exception {
    String from = "127.0.0.9";
    for (int i = 0; i < 3 * CAP; i++) {
      try (RawClient client = new RawClient(from, app.port())) {
        client.upgrade(app.port());
        switch (i % 3) {
          case 0 -> client.frame(8, true, new byte[] {0x03, (byte) 0xE8}); // a clean close, 1000
          case 1 -> client.frame(1, true, "{not json".getBytes(StandardCharsets.UTF_8));
          default -> {} // the phone just vanishes: the TCP connection ends without a close frame
        }
      }
    }
    long deadline = System.currentTimeMillis() + 10_000;
    while (app.server().connectionGuard().openFrom(from) > 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(
        0,
        app.server().connectionGuard().openFrom(from),
        "every closed WebSocket gave its slot back");
    assertEquals(
        200,
        RawClient.status(RawClient.request(from, app.port(), "GET", "/health", null)),
        "the address that opened and closed " + 3 * CAP + " sockets is still served");
    try (RawClient client = new RawClient(from, app.port())) {
      client.upgrade(app.port());
    }
  }

  @Test
  @DisplayName("an idle keep-alive connection is closed after the idle timeout")
  void idleKeepAlive() throws Exception {
    try (RawClient client = new RawClient("127.0.0.7", app.port())) {
      client.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertTrue(client.closedWithin(20_000), "closed after the answer and the idle timeout");
    }
  }

  @Test
  @DisplayName("a WebSocket that never says hello is closed with 1008")
  void helloTimeout() throws Exception {
    try (RawClient client = new RawClient("127.0.0.8", app.port())) {
      client.upgrade(app.port());
      assertEquals(1008, client.closeCode());
    }
  }
}
