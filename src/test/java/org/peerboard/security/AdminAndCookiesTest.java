package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;

/**
 * A server reachable from the network (0.0.0.0) with no admin token configured, and small quotas.
 */
@DisplayName("Creating workshops on a reachable server, and keys in cookies and origins")
class AdminAndCookiesTest {
  private static Path data;
  private static Config config;
  private static PeerBoard app;

  @BeforeAll
  static void start() throws Exception {
    DbSettings db = TestApp.shared().database();
    data = Files.createTempDirectory("admin");
    int port = TestApp.freePort();
    config =
        TestApp.config(data, port, 0)
            .withDatabaseUrl(TestApp.databaseUrl(db))
            .withHost("0.0.0.0")
            .withDefences(new Config.Defences(20, 60, 10, 1_000, 120, 1_200, 16, 30, 7, 3, 5));
    app = PeerBoard.start(config);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String token() throws Exception {
    return Files.readString(data.resolve("admin-token")).trim();
  }

  private static String create(String from, String bearer) throws Exception {
    return RawClient.request(
        from,
        app.port(),
        "POST",
        "/api/workshops",
        new JsonObject().put("title", "Quota").put("groups", new JsonArray().add("A")).encode(),
        bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n");
  }

  @Test
  @DisplayName(
      "an admin token is made at first start, kept in the data directory, and needed to create a workshop")
  void generatedToken() throws Exception {
    String token = token();
    assertTrue(token.length() >= 43, "a random token of 256 bits");
    assertEquals(401, RawClient.status(create("127.0.0.50", null)));
    assertEquals(201, RawClient.status(create("127.0.0.50", token)));
    assertEquals(
        Optional.of(token),
        AdminToken.resolve(config).map(AdminToken.Token::value),
        "the next start finds the same token");
    assertFalse(AdminToken.resolve(config).get().generated(), "and does not print it again");
  }

  @Test
  @DisplayName(
      "wrong admin tokens are throttled per address: past the limit even the right token is refused there")
  void wrongTokens() throws Exception {
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      answers.add(RawClient.status(create("127.0.0.51", "wrong-token-" + i)));
    }
    assertEquals(List.of(401, 401, 401, 401, 401, 429, 429), answers);
    assertEquals(
        429,
        RawClient.status(create("127.0.0.51", token())),
        "the guessing address is refused for now");
    assertEquals(
        201, RawClient.status(create("127.0.0.52", token())), "the organiser elsewhere is not");
  }

  @Test
  @DisplayName("an address may create only so many workshops an hour")
  void creationQuota() throws Exception {
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(RawClient.status(create("127.0.0.53", token())));
    }
    assertEquals(List.of(201, 201, 201, 429), answers);
  }

  @Test
  @DisplayName("a link with a wrong key sets no cookie; the right key does")
  void cookieOnlyForAGoodKey() throws Exception {
    JsonObject created = new JsonObject(body(create("127.0.0.54", token())));
    String path = "/w/" + created.getString("id");
    String wrong =
        RawClient.request("127.0.0.54", app.port(), "GET", path + "?k=" + "W".repeat(43), null);
    assertFalse(wrong.toLowerCase().contains("set-cookie: pb_key"), wrong);
    assertTrue(RawClient.status(wrong) == 401 || RawClient.status(wrong) == 403, wrong);
    String right =
        RawClient.request(
            "127.0.0.54",
            app.port(),
            "GET",
            path + "?k=" + created.getString("organiserKey"),
            null);
    assertEquals(303, RawClient.status(right));
    assertTrue(right.toLowerCase().contains("set-cookie: pb_key="), right);
    assertFalse(
        right.toLowerCase().contains("secure"),
        "no Secure flag on plain HTTP (the browser would drop it)");
  }

  @Test
  @DisplayName(
      "a WebSocket's Origin must match in scheme too; the CSP allows WebSockets to our own origin only")
  void originAndCsp() throws Exception {
    String base = "127.0.0.1:" + app.port();
    try (RawClient client = new RawClient("127.0.0.55", app.port())) {
      assertTrue(
          client.upgrade(app.port(), "https://" + base).startsWith("HTTP/1.1 403"),
          "scheme differs");
    }
    try (RawClient client = new RawClient("127.0.0.55", app.port())) {
      assertTrue(client.upgrade(app.port(), "http://" + base).startsWith("HTTP/1.1 101"));
    }
    String page = RawClient.request("127.0.0.55", app.port(), "GET", "/health", null);
    String csp =
        page.lines()
            .filter(l -> l.toLowerCase().startsWith("content-security-policy:"))
            .findFirst()
            .orElseThrow();
    assertTrue(csp.contains("connect-src 'self' ws://" + base + ";"), csp);
    assertFalse(csp.contains("wss:;") || csp.contains(" ws: "), csp);
  }

  private static String body(String answer) {
    return answer.substring(answer.indexOf("\r\n\r\n") + 4);
  }
}
