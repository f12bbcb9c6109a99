package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
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
import org.peerboard.db.DbSettings;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;

/**
 * Built-in HTTPS with a self-signed certificate made at start, and the plain-HTTP port that
 * redirects to it.
 */
@DisplayName("HTTPS: a self-signed certificate, a redirect from HTTP, Secure cookies and HSTS")
class HttpsTest {
  private static Path data;
  private static PeerBoard app;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    DbSettings db = TestApp.shared().database();
    data = Files.createTempDirectory("https");
    port = TestApp.freePort();
    app =
        PeerBoard.start(
            TestApp.config(data, port, 0)
                .withDatabaseUrl(TestApp.databaseUrl(db))
                .withPublicUrl("https://127.0.0.1:" + port)
                .withTls(
                    new Config.Tls(Optional.empty(), Optional.empty(), true, TestApp.freePort())));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /**
   * The server's certificate is self-signed: this client trusts whatever it is shown, and records
   * it.
   */
  private static X509Certificate[] seen = new X509Certificate[1];

  private static String https(String method, String path, String body) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String auth) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String auth) {
              seen[0] = chain[0];
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nConnection: close\r\n"
                  + (body == null
                      ? ""
                      : "Content-Type: application/json\r\nContent-Length: "
                          + bytes.length
                          + "\r\n")
                  + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName(
      "the server answers HTTPS with the certificate whose fingerprint it printed, and sends HSTS")
  void answersHttps() throws Exception {
    String answer = https("GET", "/health", null);
    assertEquals(200, RawClient.status(answer), answer);
    assertTrue(answer.toLowerCase().contains("strict-transport-security: max-age="), answer);
    String printed = Certificates.fingerprint(data.resolve("tls/self-signed.crt"));
    String presented =
        HexFormat.ofDelimiter(":")
            .withUpperCase()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(seen[0].getEncoded()));
    assertEquals(
        printed, presented, "the certificate kept in the data directory is the one served");
    String csp =
        answer
            .lines()
            .filter(l -> l.toLowerCase().startsWith("content-security-policy:"))
            .findFirst()
            .orElseThrow();
    assertTrue(csp.contains("connect-src 'self' wss://127.0.0.1:" + port + ";"), csp);
  }

  @Test
  @DisplayName("cookies set over HTTPS are Secure")
  void secureCookies() throws Exception {
    JsonObject workshop =
        new JsonObject(
            body(
                https(
                    "POST",
                    "/api/workshops",
                    new JsonObject()
                        .put("title", "Sicuro")
                        .put("groups", new JsonArray().add("A"))
                        .encode())));
    String code = workshop.getJsonArray("boards").getJsonObject(0).getString("joinCode");
    assertTrue(
        workshop.getString("organiserUrl").startsWith("https://"),
        workshop.getString("organiserUrl"));
    String joined =
        https(
            "POST", "/api/join", new JsonObject().put("consent", true).put("code", code).encode());
    assertEquals(200, RawClient.status(joined), joined);
    String cookie =
        joined
            .lines()
            .filter(l -> l.toLowerCase().startsWith("set-cookie: pb_pt_"))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("Secure"), cookie);
    String page =
        https(
            "GET",
            "/w/" + workshop.getString("id") + "?k=" + workshop.getString("organiserKey"),
            null);
    assertTrue(
        page.lines()
            .anyMatch(
                l -> l.toLowerCase().startsWith("set-cookie: pb_key=") && l.contains("Secure")),
        page);
  }

  @Test
  @DisplayName("plain HTTP on the redirect port is sent to the same path over HTTPS")
  void redirects() throws Exception {
    String answer =
        RawClient.request("127.0.0.1", app.redirectPort(), "GET", "/j/ACDEFG?x=1", null);
    assertEquals(301, RawClient.status(answer), answer);
    assertTrue(answer.contains("Location: https://127.0.0.1:" + port + "/j/ACDEFG?x=1"), answer);
  }

  private static String body(String answer) {
    return answer.substring(answer.indexOf("\r\n\r\n") + 4);
  }
}
