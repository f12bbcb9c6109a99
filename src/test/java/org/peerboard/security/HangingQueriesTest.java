package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

/**
 * Query strings that once left a request unanswered for ever (issue 27): a key holding {@code ;}, a
 * space, {@code "}, {@code ,} or non-ASCII on every page route. Each request must be answered, with
 * an error page or a redirect, never left open.
 */
@DisplayName("No request hangs, whatever its query string")
class HangingQueriesTest {
  /** Percent-encoded: {@code a;b}, {@code a b}, {@code a"b}, {@code a,b}, {@code è}, {@code 鍵}. */
  private static final List<String> ODD_KEYS =
      List.of("a%3Bb", "a%20b", "a%22b", "a%2Cb", "%C3%A8", "%E9%8D%B5", "a%3B%20b%22%2C", "%FF");

  @Test
  @DisplayName("every page route answers a ?k= holding ; space \" , or non-ASCII")
  void oddKeysAreAnswered() throws Exception {
    PeerBoard app = TestApp.shared();
    Api api = TestApp.api();
    Api.Workshop workshop = api.workshop("Odd keys", "A");
    String w = workshop.id();
    String b = workshop.board(0).getString("id");
    String code = workshop.board(0).getString("joinCode");
    List<String> routes =
        List.of(
            "/w/" + w,
            "/w/" + w + "/report",
            "/w/" + w + "/compare",
            "/w/" + w + "/plenary",
            "/m/" + b,
            "/m/" + b + "/report",
            "/p/" + b,
            "/s/" + w,
            "/j/" + code,
            "/g/" + code,
            "/api/boards/" + b,
            "/api/boards/" + b + "/export.csv",
            "/api/workshops/" + w + "/export.json",
            "/api/boards/" + b + "/suggestions",
            "/health",
            "/");
    List<String> unanswered = new ArrayList<>();
    int answered = 0;
    for (String route : routes) {
      for (String key : ODD_KEYS) {
        for (String accept : List.of("text/html", "application/json")) {
          String target = route + "?k=" + key + "&lang=" + key;
          String status = statusLine(app.port(), target, accept);
          if (status == null) {
            unanswered.add(target + " (" + accept + ")");
          } else {
            answered++;
            assertTrue(!status.contains(" 500 "), target + " answered a server error: " + status);
          }
        }
      }
    }
    if (!unanswered.isEmpty()) {
      fail("never answered: " + unanswered);
    }
    System.out.printf(
        "odd keys: %d requests on %d routes, all answered%n", answered, routes.size());
  }

  /** The status line of the answer, or null when none came within 6 s. */
  private static String statusLine(int port, String target, String accept) throws IOException {
    try (Socket socket =
        new Socket(
            InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.1"), 0)) {
      socket.setSoTimeout(6_000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + target
                      + " HTTP/1.1\r\nHost: 127.0.0.1:"
                      + port
                      + "\r\nAccept: "
                      + accept
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\r') {
        line.append((char) c);
      }
      return line.isEmpty() ? null : line.toString();
    } catch (SocketTimeoutException e) {
      return null;
    }
  }
}
