package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;

/**
 * Guessing join codes from one address, on raw HTTP from chosen loopback addresses; 5 wrong codes a
 * minute here.
 */
@DisplayName("Join codes cannot be guessed, and phones behind one address still get in")
class JoinGuessingTest {
  private static final int WRONG_PER_MINUTE = 5;
  private static PeerBoard app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    DbSettings db = TestApp.shared().database();
    app =
        PeerBoard.start(
            TestApp.onSharedDatabase("guess")
                .withLimits(new Config.Limits(30, 2_000, WRONG_PER_MINUTE)));
    api = new Api("http://127.0.0.1:" + app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static int join(String from, String code) throws Exception {
    return RawClient.status(
        RawClient.request(
            from,
            app.port(),
            "POST",
            "/api/join",
            new JsonObject().put("consent", true).put("code", code).encode()));
  }

  private static int get(String from, String path) throws Exception {
    return RawClient.status(RawClient.request(from, app.port(), "GET", path, null));
  }

  private static String wrong(int i) {
    return "QQQQ"
        + "ACDEFGHJKMNPQRTUVWXY34679".charAt(i / 25 % 25)
        + "ACDEFGHJKMNPQRTUVWXY34679".charAt(i % 25);
  }

  @Test
  @DisplayName(
      "while an address is limited for wrong codes, a valid code from it is refused too; elsewhere it works")
  void validCodeAmongWrongOnes() throws Exception {
    Api.Workshop workshop = api.workshop("Guessed", "A");
    String valid = workshop.board(0).getString("joinCode");
    String guesser = "127.0.0.40";
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < WRONG_PER_MINUTE + 3; i++) {
      answers.add(join(guesser, wrong(i)));
    }
    assertEquals(
        List.of(404, 404, 404, 404, 404, 429, 429, 429),
        answers,
        "wrong codes: 404, then rate_limited");
    assertEquals(
        429,
        join(guesser, valid),
        "the one valid code among the guesses gets nowhere while limited");
    assertEquals(429, get(guesser, "/j/" + valid), "nor through the join page");
    assertEquals(429, get(guesser, "/j/" + valid + "/qr.svg"), "nor through its QR code");
    assertEquals(
        429,
        get(guesser, "/g/" + workshop.json().getString("joinCode")),
        "nor through the group page");
    assertEquals(200, join("127.0.0.41", valid), "another address with the same code gets in");
  }

  @Test
  @DisplayName("guessing through /g/ (which lists every group's code) counts the same")
  void groupPageGuessing() throws Exception {
    String guesser = "127.0.0.42";
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < WRONG_PER_MINUTE + 2; i++) {
      answers.add(get(guesser, "/g/" + wrong(100 + i)));
    }
    assertEquals(List.of(404, 404, 404, 404, 404, 429, 429), answers);
  }

  @Test
  @DisplayName("thirty phones behind one address all get in, a few after mistyping the code once")
  void thirtyPhonesOneAddress() throws Exception {
    Api.Workshop workshop = api.workshop("Venue", "A");
    String code = workshop.board(0).getString("joinCode");
    String venue = "127.0.0.43";
    long started = System.nanoTime();
    int joined = 0;
    for (int phone = 0; phone < 30; phone++) {
      if (phone % 10 == 3) {
        assertEquals(404, join(venue, wrong(200 + phone)), "a mistyped code");
      }
      assertEquals(200, get(venue, "/j/" + code), "the join page");
      joined += join(venue, code) == 200 ? 1 : 0;
    }
    System.out.printf(
        "venue: 30 phones behind one address joined in %d ms (3 mistyped once)%n",
        (System.nanoTime() - started) / 1_000_000);
    assertEquals(30, joined);
  }

  @Test
  @DisplayName("a workshop's code stops working the configured days after its last board closed")
  void codesExpire() throws Exception {
    Api.Workshop recent = api.workshop("Closed yesterday", "A");
    Api.Workshop old = api.workshop("Closed last month", "A");
    DbSettings settings = TestApp.shared().database();
    try (Connection db =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        PreparedStatement close =
            db.prepareStatement("update board set stage = 'closed' where workshop_id = ?::uuid");
        PreparedStatement age =
            db.prepareStatement(
                "update board set closed_at = now() - make_interval(days => ?) where workshop_id = ?::uuid")) {
      for (Api.Workshop w : List.of(recent, old)) {
        close.setString(1, w.id());
        close.executeUpdate();
      }
      age.setInt(1, 1);
      age.setString(2, recent.id());
      age.executeUpdate();
      age.setInt(1, 8);
      age.setString(2, old.id());
      age.executeUpdate();
    }
    assertEquals(
        200,
        get("127.0.0.44", "/g/" + recent.json().getString("joinCode")),
        "closed a day ago: still works");
    assertEquals(
        404,
        get("127.0.0.44", "/g/" + old.json().getString("joinCode")),
        "closed 8 days ago: expired");
    assertTrue(get("127.0.0.44", "/g/" + old.json().getString("joinCode") + "/qr.svg") == 404);
  }
}
