package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;

/**
 * With HTTPS, connections are counted at TCP accept, before their TLS handshake (the TLS front):
 * raw connections that never send a ClientHello hold the address's slots and no more, and the
 * application behind the front still sees each client's own address.
 */
@DisplayName("HTTPS: unfinished TLS handshakes count against the connection caps")
class TlsHandshakesTest {
  private static final int CAP = 5;
  private static final int JOINS = 2;
  private static PeerBoard app;

  @BeforeAll
  static void start() throws Exception {
    Config config = TestApp.onSharedDatabase("tls-handshakes");
    app =
        PeerBoard.start(
            config
                .withPublicUrl("https://127.0.0.1:" + config.port())
                .withTls(new Config.Tls(Optional.empty(), Optional.empty(), true, 0))
                // handshakes and headers have 10 s: the held connections are still open while the
                // test looks
                .withDefences(new Config.Defences(20, 60, 10, CAP, 120, 1_200, 16, 30, 7, 30, 5))
                .withBudgets(new Config.Budgets(JOINS, 1_000, 1_000, 1_000, 1_000, 3, 0)));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName(
      "raw connections without a ClientHello past the per-address cap are closed at once; others are served")
  void handshakesAreCounted() throws Exception {
    List<RawClient> silent = new ArrayList<>();
    try {
      for (int i = 0; i < CAP + 4; i++) {
        silent.add(new RawClient("127.0.0.61", app.port()));
      }
      // the front accepts on several event loops, so which ones are past the cap is not their
      // order: a refused connection is closed at accept, a held one stays open (10 s handshake)
      int refused = 0;
      for (int look = 0; look < 10 && refused < 4; look++) {
        refused = 0;
        for (RawClient client : silent) {
          refused += client.closedWithin(100) ? 1 : 0;
        }
      }
      assertEquals(4, refused, "every connection past the cap closed at once, the others held");
      assertEquals(CAP, app.server().connectionGuard().openFrom("127.0.0.61"));
      assertEquals(200, RawClient.status(https("127.0.0.62", "GET", "/health", null)));
    } finally {
      for (RawClient client : silent) {
        client.close();
      }
    }
    awaitNoneFrom("127.0.0.61");
    assertEquals(200, RawClient.status(https("127.0.0.61", "GET", "/health", null)));
  }

  @Test
  @DisplayName(
      "slots come back however a connection ends: silent, a failed handshake, a finished request (3x the cap)")
  void slotsComeBack() throws Exception {
    String from = "127.0.0.63";
    for (int round = 0; round < 3; round++) {
      List<RawClient> held = new ArrayList<>();
      try {
        for (int i = 0; i < CAP; i++) {
          RawClient client = new RawClient(from, app.port());
          if (round == 1) {
            // not TLS at all: the handshake fails and the server closes the connection
            client.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
          }
          held.add(client);
        }
        for (RawClient client : held) {
          if (round == 1) {
            assertTrue(client.closedWithin(10_000), "a failed handshake ends the connection");
          } else {
            assertFalse(client.closedWithin(100), "round " + round + ": a slot was free");
          }
        }
      } finally {
        for (RawClient client : held) {
          client.close();
        }
      }
      awaitNoneFrom(from);
    }
    for (int i = 0; i < CAP * 3; i++) {
      assertEquals(200, RawClient.status(https(from, "GET", "/health", null)));
    }
    awaitNoneFrom(from);
  }

  @Test
  @DisplayName(
      "behind the front the application sees the client's own address (the join budget is per address)")
  void realAddressReachesTheApplication() throws Exception {
    JsonObject workshop =
        new JsonObject(
            body(
                https(
                    "127.0.0.64",
                    "POST",
                    "/api/workshops",
                    new JsonObject()
                        .put("title", "Dietro il fronte")
                        .put("groups", new JsonArray().add("A"))
                        .encode())));
    String code = workshop.getJsonArray("boards").getJsonObject(0).getString("joinCode");
    String join = new JsonObject().put("consent", true).put("code", code).encode();
    for (int i = 0; i < JOINS; i++) {
      assertEquals(200, RawClient.status(https("127.0.0.65", "POST", "/api/join", join)));
    }
    assertEquals(
        429,
        RawClient.status(https("127.0.0.65", "POST", "/api/join", join)),
        "the address's burst is spent");
    assertEquals(
        200,
        RawClient.status(https("127.0.0.66", "POST", "/api/join", join)),
        "another address has its own budget: the application did not see the front's address");
  }

  @Test
  @DisplayName(
      "the HTTPS server behind the front takes no connection the front did not open, whatever its PROXY header says")
  void strangersOnTheInternalPortAreClosed() throws Exception {
    int internal = app.server().portBehindFront();
    assertTrue(internal > 0);
    try (Socket plain =
        new Socket(
            InetAddress.getByName("127.0.0.1"), internal, InetAddress.getByName("127.0.0.1"), 0)) {
      plain.setSoTimeout(10_000);
      plain
          .getOutputStream()
          .write(
              ("PROXY TCP4 127.0.0.99 127.0.0.1 4242 " + internal + "\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer;
      try (SSLSocket tls =
          (SSLSocket)
              trustAll().getSocketFactory().createSocket(plain, "127.0.0.1", internal, true)) {
        answer = exchange(tls, "GET", "/health", null);
      } catch (IOException closed) {
        answer = "";
      }
      assertFalse(answer.startsWith("HTTP/1.1 200"), answer);
    }
    assertEquals(0, app.server().connectionGuard().openFrom("127.0.0.99"));
  }

  @Test
  @DisplayName(
      "past the process's cap, connections are refused before their handshake; /health is still answered over TLS")
  void processCapCountsHandshakes() throws Exception {
    int cap = 10;
    Config config = TestApp.onSharedDatabase("tls-cap");
    try (PeerBoard capped =
        PeerBoard.start(
            config
                .withPublicUrl("https://127.0.0.1:" + config.port())
                .withTls(new Config.Tls(Optional.empty(), Optional.empty(), true, 0))
                .withBudgets(new Config.Budgets(1_000, 1_000, 1_000, 1_000, 1_000, 3, cap)))) {
      int held = cap + 64; // the cap, and the connections kept to ask /health past it
      List<RawClient> silent = new ArrayList<>();
      try {
        for (int i = 0; i < held + 3; i++) {
          silent.add(new RawClient("127.0.0." + (100 + i % 20), capped.port()));
        }
        int refused = 0;
        for (int look = 0; look < 10 && refused < 3; look++) {
          refused = 0;
          for (RawClient client : silent) {
            refused += client.closedWithin(50) ? 1 : 0;
          }
        }
        assertEquals(3, refused, "the connections past the cap and its reserve closed at once");
        assertEquals(held, capped.server().connectionGuard().openInAll());
        for (RawClient client : silent.subList(0, 2)) {
          client.close();
        }
        for (int i = 0; i < 300 && capped.server().connectionGuard().openInAll() > held - 2; i++) {
          Thread.sleep(50);
        }
        assertEquals(200, RawClient.status(https(capped, "127.0.0.130", "GET", "/health")));
        String page = https(capped, "127.0.0.131", "GET", "/new");
        assertEquals(503, RawClient.status(page), page);
        assertTrue(page.toLowerCase().contains("retry-after:"), page);
      } finally {
        for (RawClient client : silent) {
          client.close();
        }
      }
      for (int i = 0; i < 300 && capped.server().connectionGuard().openInAll() > 0; i++) {
        Thread.sleep(50);
      }
      assertEquals(0, capped.server().connectionGuard().openInAll(), "every slot given back");
      assertEquals(200, RawClient.status(https(capped, "127.0.0.131", "GET", "/new")));
    }
  }

  private static String https(PeerBoard to, String from, String method, String path)
      throws Exception {
    try (SSLSocket socket =
        (SSLSocket)
            trustAll()
                .getSocketFactory()
                .createSocket(
                    InetAddress.getByName("127.0.0.1"),
                    to.port(),
                    InetAddress.getByName(from),
                    0)) {
      socket.setSoTimeout(30_000);
      return exchange(socket, method, path, null);
    }
  }

  private static void awaitNoneFrom(String address) throws InterruptedException {
    for (int i = 0; i < 300 && app.server().connectionGuard().openFrom(address) > 0; i++) {
      Thread.sleep(50);
    }
    assertEquals(
        0,
        app.server().connectionGuard().openFrom(address),
        "every slot of " + address + " given back");
  }

  private static String https(String from, String method, String path, String body)
      throws Exception {
    try (SSLSocket socket =
        (SSLSocket)
            trustAll()
                .getSocketFactory()
                .createSocket(
                    InetAddress.getByName("127.0.0.1"),
                    app.port(),
                    InetAddress.getByName(from),
                    0)) {
      socket.setSoTimeout(30_000);
      return exchange(socket, method, path, body);
    }
  }

  private static String exchange(SSLSocket socket, String method, String path, String body)
      throws IOException {
    OutputStream out = socket.getOutputStream();
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    out.write(
        (method
                + " "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + app.port()
                + "\r\nConnection: close\r\n"
                + (body == null
                    ? ""
                    : "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n")
                + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
    InputStream in = socket.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static SSLContext trustAll() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String auth) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String auth) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return context;
  }

  private static String body(String answer) {
    return answer.substring(answer.indexOf("\r\n\r\n") + 4);
  }
}
