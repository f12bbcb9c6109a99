package org.peerboard.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.MovableClock;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;
import org.peerboard.workshop.model.Notice;

/**
 * Participants' rights (issue 22) through the real server: consent recorded with the notice's
 * version, "my notes", withdrawal from the board, the downloads and the disk, and the retention
 * date that deletes a workshop by itself. Its own embedded database, so its data directory can be
 * searched byte by byte, and its own clock, moved forward for the retention sweep.
 */
@DisplayName("Participants' rights: consent, my notes, withdrawal, retention")
class ParticipantsRightsTest {
  private static final MovableClock CLOCK = new MovableClock();
  private static Path data;
  private static PeerBoard app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory("rights");
    int port = TestApp.freePort();
    app = PeerBoard.start(TestApp.config(data, port, TestApp.freePort()).withClock(CLOCK));
    api = new Api("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static LocalDate today() {
    return LocalDate.now(CLOCK.withZone(ZoneOffset.UTC));
  }

  private static Connection db() throws Exception {
    DbSettings s = app.database();
    return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
  }

  private static List<Map<String, Object>> rows(String sql, Object... args) throws Exception {
    try (Connection db = db();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      List<Map<String, Object>> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          Map<String, Object> row = new java.util.LinkedHashMap<>();
          for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
            row.put(rows.getMetaData().getColumnName(c), rows.getObject(c));
          }
          found.add(row);
        }
      }
      return found;
    }
  }

  private static JsonObject workshop(JsonObject body) {
    Api.Response created = api.post("/api/workshops", body);
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  private static JsonObject plainWorkshop(String title) {
    return workshop(
        new JsonObject()
            .put("title", title)
            .put("language", "it")
            .put("groups", new JsonArray().add("A").add("B")));
  }

  private static Api.Response join(String code, Object consent) {
    JsonObject body = new JsonObject().put("code", code).put("name", "Anna Rossi");
    if (consent != null) {
      body.put("consent", consent);
    }
    return api.post("/api/join", body);
  }

  private static String code(JsonObject workshop, int board) {
    return workshop.getJsonArray("boards").getJsonObject(board).getString("joinCode");
  }

  private static String boardId(JsonObject workshop, int board) {
    return workshop.getJsonArray("boards").getJsonObject(board).getString("id");
  }

  private static String moderatorKey(JsonObject workshop, int board) {
    return workshop.getJsonArray("boards").getJsonObject(board).getString("moderatorKey");
  }

  private static String note(WsClient socket, String lane, String text) {
    JsonObject answer =
        socket.answer(socket.op("note.add", new JsonObject().put("lane", lane).put("text", text)));
    assertEquals("ack", answer.getString("type"), answer.encode());
    return answer.getJsonObject("result").getString("noteId");
  }

  private static Api.Response withdraw(String boardId, String token) {
    return api.post("/api/boards/" + boardId + "/withdraw", "{}", token);
  }

  @Test
  @DisplayName(
      "a join without \"consent\": true is refused 400 consent_required and stores no one, whatever stands in for true")
  void consentRequired() throws Exception {
    JsonObject workshop = plainWorkshop("Senza consenso");
    String board = boardId(workshop, 0);
    for (Object notConsent : new Object[] {null, false, "true", 1, "yes", new JsonObject()}) {
      Api.Response refused = join(code(workshop, 0), notConsent);
      assertEquals(400, refused.status(), notConsent + ": " + refused.body());
      assertEquals("consent_required", refused.errorCode());
      assertFalse(refused.json().getJsonObject("error").getString("message").isBlank());
    }
    assertEquals(
        0,
        rows("select id from participant where board_id = ?::uuid", board).size(),
        "nothing was stored");
    assertEquals(200, join(code(workshop, 0), true).status());
    assertEquals(1, rows("select id from participant where board_id = ?::uuid", board).size());
  }

  @Test
  @DisplayName(
      "consent is recorded with the version of the notice shown: the built-in one names the controller's fields, the organiser's own per language")
  void consentRecorded() throws Exception {
    LocalDate until = today().plusMonths(30);
    JsonObject builtIn =
        workshop(
            new JsonObject()
                .put("title", "Percorsi di cura")
                .put("language", "it")
                .put("organisation", "Università di Firenze, Dipartimento FORLILPSI")
                .put("contact", "privacy@example.org")
                .put("purpose", "ricerca sul percorso dei minori fuori famiglia")
                .put("retainUntil", until.toString()));
    assertEquals(until.toString(), builtIn.getString("retainUntil"));
    String page =
        api.get("/j/" + code(builtIn, 0) + "?lang=en", null).body(); // the phone's language
    JsonObject state = pageState(page);
    JsonObject notice = state.getJsonObject("notice");
    String text = notice.getString("text");
    for (String named :
        List.of(
            "Università di Firenze, Dipartimento FORLILPSI",
            "privacy@example.org",
            "ricerca sul percorso dei minori fuori famiglia",
            until.toString())) {
      assertTrue(text.contains(named), "the notice names " + named + ": " + text);
    }
    assertEquals("en", notice.getString("language"));
    assertEquals(Notice.versionOf(text), notice.getString("version"));
    assertEquals(12, notice.getString("version").length());
    assertTrue(
        api.get("/j/" + code(builtIn, 0) + "/notice?lang=en", null)
            .body()
            .contains("privacy@example.org"),
        "the whole notice has a page of its own");

    Api.Response joined =
        api.post(
            "/api/join",
            new JsonObject()
                .put("code", code(builtIn, 0))
                .put("consent", true)
                .put("language", "en"));
    assertEquals(200, joined.status(), joined.body());
    Map<String, Object> row =
        rows(
                "select consented_at, notice_version from participant where id = ?::uuid",
                joined.json().getString("participantId"))
            .get(0);
    assertNotNull(row.get("consented_at"));
    assertEquals(notice.getString("version"), row.get("notice_version"));

    JsonObject own =
        workshop(
            new JsonObject()
                .put("title", "Con informativa propria")
                .put("language", "en")
                .put(
                    "privacyNotice",
                    new JsonObject()
                        .put("it", "Informativa italiana.")
                        .put("en", "English notice.")));
    Api.Response italian =
        api.post(
            "/api/join",
            new JsonObject().put("code", code(own, 0)).put("consent", true).put("language", "it"));
    Api.Response english =
        api.post("/api/join", new JsonObject().put("code", code(own, 0)).put("consent", true));
    assertEquals(
        Notice.versionOf("Informativa italiana."),
        rows(
                "select notice_version from participant where id = ?::uuid",
                italian.json().getString("participantId"))
            .get(0)
            .get("notice_version"));
    assertEquals(
        Notice.versionOf("English notice."),
        rows(
                "select notice_version from participant where id = ?::uuid",
                english.json().getString("participantId"))
            .get(0)
            .get("notice_version"),
        "without a language: the workshop's");
    JsonObject exported =
        new JsonObject(
            new String(
                download(
                    "/api/workshops/" + own.getString("id") + "/export.json",
                    own.getString("organiserKey")),
                StandardCharsets.UTF_8));
    JsonObject exportedWorkshop = exported.getJsonArray("workshops").getJsonObject(0);
    Set<String> notices = new HashSet<>();
    exportedWorkshop
        .getJsonArray("notices")
        .forEach(
            n -> {
              JsonObject one = (JsonObject) n;
              assertEquals(Notice.versionOf(one.getString("text")), one.getString("version"));
              notices.add(one.getString("language") + ":" + one.getString("text"));
            });
    assertEquals(Set.of("it:Informativa italiana.", "en:English notice."), notices);
    JsonObject participant =
        exportedWorkshop
            .getJsonArray("groups")
            .getJsonObject(0)
            .getJsonArray("participants")
            .getJsonObject(0);
    assertNotNull(participant.getString("consentedAt"));
    assertEquals(Notice.versionOf("Informativa italiana."), participant.getString("noticeVersion"));
    assertNull(participant.getString("withdrawnAt"));
  }

  @Test
  @DisplayName(
      "each participant's board marks exactly their own notes as theirs, shown, hidden by a moderator or awaiting approval")
  void myNotes() {
    JsonObject workshop = plainWorkshop("Le mie note");
    String board = boardId(workshop, 0);
    Api.Participant anna = api.join(code(workshop, 0), "Anna");
    Api.Participant bruno = api.join(code(workshop, 0), "Bruno");
    try (WsClient a = WsClient.hello(app.port(), board, anna.token(), null);
        WsClient b = WsClient.hello(app.port(), board, bruno.token(), null);
        WsClient m = WsClient.hello(app.port(), board, moderatorKey(workshop, 0), null)) {
      String shown = note(a, "custody:issues", "Anna: tempi lunghi per la presa in carico");
      String hidden = note(a, "custody:actors", "Anna: nota che il moderatore nasconde");
      note(b, "custody:issues", "Bruno: mancano le risorse");
      assertEquals(
          "ack",
          m.answer(m.op("note.hide", new JsonObject().put("noteId", hidden))).getString("type"));
      assertEquals(
          "ack",
          m.answer(m.op("board.settings", new JsonObject().put("approveNotes", true)))
              .getString("type"));
      String held = note(a, "improvements", "Anna: una proposta in attesa");
      note(b, "improvements", "Bruno: una proposta in attesa");
    }
    try (WsClient a = WsClient.hello(app.port(), board, anna.token(), null)) {
      List<JsonObject> mine = new ArrayList<>();
      a.welcome()
          .getJsonObject("board")
          .getJsonArray("notes")
          .forEach(
              n -> {
                if (((JsonObject) n).getBoolean("mine")) {
                  mine.add((JsonObject) n);
                }
              });
      assertEquals(3, mine.size(), "Anna's three notes, none of Bruno's: " + mine);
      mine.forEach(n -> assertTrue(n.getString("text").startsWith("Anna:"), n.encode()));
      JsonObject hiddenNote =
          mine.stream()
              .filter(n -> n.getString("text").contains("nasconde"))
              .findFirst()
              .orElseThrow();
      assertTrue(hiddenNote.getBoolean("hidden"), "hidden by the moderator, and she is told");
      JsonObject heldNote =
          mine.stream()
              .filter(n -> n.getString("lane").equals("improvements"))
              .findFirst()
              .orElseThrow();
      assertTrue(heldNote.getBoolean("held"), "awaiting approval, and she is told");
    }
  }

  @Test
  @DisplayName(
      "withdrawal deletes every note of the participant from the board, every download, the log and the disk; ballots leave open rounds; the token stops working")
  void withdrawal() throws Exception {
    String marker = "Ritirata" + System.nanoTime();
    JsonObject workshop = plainWorkshop("Ritiro");
    String board = boardId(workshop, 0);
    String key = workshop.getString("organiserKey");
    Api.Participant anna = api.join(code(workshop, 0), "Anna Riservata");
    Api.Participant bruno = api.join(code(workshop, 0), "Bruno");
    List<String> annasNotes = new ArrayList<>();
    try (WsClient a = WsClient.hello(app.port(), board, anna.token(), null);
        WsClient b = WsClient.hello(app.port(), board, bruno.token(), null);
        WsClient m = WsClient.hello(app.port(), board, moderatorKey(workshop, 0), null)) {
      for (int i = 0; i < 4; i++) {
        annasNotes.add(note(a, "custody:issues", marker + " nota " + i));
      }
      String edited = note(a, "removal:issues", marker + " prima versione");
      a.answer(
          a.op(
              "note.edit",
              new JsonObject().put("noteId", edited).put("text", marker + " modificata")));
      annasNotes.add(edited);
      String cluster =
          m.answer(
                  m.op(
                      "cluster.create",
                      new JsonObject()
                          .put("lane", "custody:issues")
                          .put("name", "Tempi")
                          .put("noteIds", new JsonArray().add(annasNotes.get(0)))))
              .getJsonObject("result")
              .getString("clusterId");
      assertNotNull(cluster);
      String proposal = note(b, "improvements", "Bruno: una proposta di Bruno");
      String roundId =
          m.answer(m.op("vote.open", new JsonObject().put("kind", "dots")))
              .getJsonObject("result")
              .getString("roundId");
      JsonObject cast =
          a.answer(
              a.op(
                  "vote.cast",
                  new JsonObject().put("roundId", roundId).put("itemId", proposal).put("dots", 2)));
      assertEquals("ack", cast.getString("type"), cast.encode());
      assertEquals(
          1,
          rows("select 1 from ballot where participant_id = ?::uuid", anna.participantId()).size());
      try (Connection db = db();
          var st = db.createStatement()) {
        st.execute("checkpoint");
      }
      assertFalse(
          filesHolding(data.resolve("postgres"), marker).isEmpty(),
          "the search finds the text before");
      assertTrue(
          exportsHolding(workshop.getString("id"), key, marker), "and the downloads hold it");

      assertEquals(
          403, withdraw(board, moderatorKey(workshop, 0)).status(), "a moderator key may not");
      assertEquals(401, withdraw(board, bruno.token() + "x").status());
      assertEquals(401, withdraw(board, null).status());
      JsonObject other = plainWorkshop("Altro");
      assertEquals(
          401, withdraw(boardId(other, 0), anna.token()).status(), "her token on another board");
      assertEquals(
          5, rows("select 1 from note where author_id = ?::uuid", anna.participantId()).size());

      Api.Response withdrawn = withdraw(board, anna.token());
      assertEquals(200, withdrawn.status(), withdrawn.body());
      assertEquals(
          new JsonObject().put("withdrawn", true).put("notesDeleted", 5), withdrawn.json());

      Set<String> deleted = new HashSet<>();
      long voters = -1; // the last count of voters the moderator heard (her cast said 1 before)
      boolean removed = false;
      while (!removed) {
        JsonObject event = m.nextOfType("event");
        switch (event.getString("event")) {
          case "note.deleted" -> deleted.add(event.getJsonObject("data").getString("noteId"));
          case "vote.progress" -> voters = event.getJsonObject("data").getLong("voters");
          case "participant.removed" -> removed = true;
          default -> {}
        }
      }
      assertEquals(new HashSet<>(annasNotes), deleted, "every screen hears each note go");
      assertEquals(0L, voters, "the open round's count of voters goes down");
      assertEquals(Short.valueOf((short) 4003), a.awaitClose(), "her socket is closed");
      assertFalse(b.isClosed());
    }
    assertEquals(401, withdraw(board, anna.token()).status(), "a second call: the token is gone");
    try (WsClient again = WsClient.connect(app.port())) {
      again.sendText(
          new JsonObject()
              .put("type", "hello")
              .put("boardId", board)
              .put("token", anna.token())
              .encode());
      assertEquals("unauthorized", again.nextOfType("error").getString("code"));
    }
    try (WsClient b = WsClient.hello(app.port(), board, bruno.token(), null)) {
      JsonArray notes = b.welcome().getJsonObject("board").getJsonArray("notes");
      assertEquals(1, notes.size(), "Bruno's proposal only: " + notes);
      assertFalse(notes.encode().contains(marker));
    }
    try (WsClient b = WsClient.hello(app.port(), board, bruno.token(), 0L)) {
      b.eventsWithin(Duration.ofSeconds(1))
          .forEach(f -> assertFalse(f.encode().contains(marker), "replayed: " + f));
    }
    assertEquals(
        0,
        rows("select 1 from ballot where participant_id = ?::uuid", anna.participantId()).size());
    Map<String, Object> row =
        rows(
                "select name, profession, token_hash, consented_at, notice_version, withdrawn_at from participant where id = ?::uuid",
                anna.participantId())
            .get(0);
    assertNull(row.get("name"));
    assertNull(row.get("profession"));
    assertNull(row.get("token_hash"));
    assertNotNull(row.get("withdrawn_at"));
    assertNotNull(row.get("consented_at"), "the consent record stays");
    assertEquals(
        0,
        rows("select 1 from board_event where data::text like ?", "%" + marker + "%").size(),
        "the log holds none of her text");
    assertFalse(exportsHolding(workshop.getString("id"), key, marker), "no download holds it");
    assertFalse(exportsHolding(workshop.getString("id"), key, "Anna Riservata"), "nor her name");
    JsonObject exported =
        new JsonObject(
            new String(
                download("/api/workshops/" + workshop.getString("id") + "/export.json", key),
                StandardCharsets.UTF_8));
    JsonObject first =
        exported
            .getJsonArray("workshops")
            .getJsonObject(0)
            .getJsonArray("groups")
            .getJsonObject(0)
            .getJsonArray("participants")
            .getJsonObject(0);
    assertNotNull(first.getString("withdrawnAt"), "the download says she withdrew");
    try (Connection db = db();
        var st = db.createStatement()) {
      st.execute("checkpoint");
    }
    assertEquals(
        List.of(),
        filesHolding(data.resolve("postgres"), marker),
        "no file of the data directory holds her text");
    assertEquals(
        List.of(), filesHolding(data.resolve("postgres"), "Anna Riservata"), "nor her name");
  }

  @Test
  @DisplayName(
      "withdrawal works on a closed board too, and a removed participant may still withdraw")
  void withdrawalWhenClosed() throws Exception {
    JsonObject workshop = plainWorkshop("Chiusa");
    String board = boardId(workshop, 0);
    Api.Participant anna = api.join(code(workshop, 0), "Anna");
    Api.Participant bruno = api.join(code(workshop, 0), "Bruno");
    try (WsClient a = WsClient.hello(app.port(), board, anna.token(), null);
        WsClient b = WsClient.hello(app.port(), board, bruno.token(), null);
        WsClient m = WsClient.hello(app.port(), board, moderatorKey(workshop, 0), null)) {
      note(a, "custody:issues", "Anna: nota su lavagna chiusa");
      note(b, "custody:issues", "Bruno: nota di un rimosso");
      m.answer(
          m.op("participant.remove", new JsonObject().put("participantId", bruno.participantId())));
      m.answer(m.op("board.stage", new JsonObject().put("stage", "closed")));
    }
    Api.Response closed = withdraw(board, anna.token());
    assertEquals(200, closed.status(), closed.body());
    assertEquals(1, closed.json().getInteger("notesDeleted"));
    Api.Response removed = withdraw(board, bruno.token());
    assertEquals(200, removed.status(), removed.body());
    assertEquals(1, removed.json().getInteger("notesDeleted"));
    assertEquals(0, rows("select 1 from note where board_id = ?::uuid", board).size());
  }

  @Test
  @DisplayName(
      "retainUntil: 24 months after the workshop's date by default; past, beyond 10 years or not a date is 400 invalid")
  void retentionDates() throws Exception {
    LocalDate held = today().plusDays(20);
    JsonObject byDefault =
        workshop(new JsonObject().put("title", "Predefinita").put("date", held.toString()));
    assertEquals(held.plusMonths(24).toString(), byDefault.getString("retainUntil"));
    JsonObject past = workshop(new JsonObject().put("title", "Passata").put("date", "2022-07-18"));
    assertEquals(
        today().plusMonths(24).toString(),
        past.getString("retainUntil"),
        "a workshop entered after its date is kept 24 months from today, not deleted at once");
    for (Object bad :
        List.of(
            today().minusDays(1).toString(),
            today().plusYears(10).plusDays(1).toString(),
            "18/07/2030",
            "domani",
            20300718,
            "")) {
      Api.Response refused =
          api.post("/api/workshops", new JsonObject().put("title", "Male").put("retainUntil", bad));
      assertEquals(400, refused.status(), bad + ": " + refused.body());
      assertEquals("invalid", refused.errorCode());
    }
    String id = byDefault.getString("id");
    String organiser = byDefault.getString("organiserKey");
    String later = today().plusYears(3).toString();
    Api.Response moved =
        api.post(
            "/api/workshops/" + id + "/retention",
            new JsonObject().put("retainUntil", later).encode(),
            organiser);
    assertEquals(200, moved.status(), moved.body());
    assertEquals(
        later,
        rows("select retain_until::text as d from workshop where id = ?::uuid", id)
            .get(0)
            .get("d"));
    assertEquals(
        403,
        api.post(
                "/api/workshops/" + id + "/retention",
                new JsonObject().put("retainUntil", later).encode(),
                moderatorKey(byDefault, 0))
            .status());
    assertEquals(
        400,
        api.post(
                "/api/workshops/" + id + "/retention",
                new JsonObject().put("retainUntil", today().minusDays(3).toString()).encode(),
                organiser)
            .status());
    String organiserPage = new String(download("/w/" + id, organiser), StandardCharsets.UTF_8);
    assertTrue(organiserPage.contains(later), "the organiser page shows the date");
  }

  @Test
  @DisplayName(
      "the day after its retention date a workshop is deleted by itself at the sweep, as DELETE deletes it; one kept longer stays")
  void retentionSweep() throws Exception {
    String marker = "Scaduta" + System.nanoTime();
    JsonObject doomed =
        workshop(
            new JsonObject()
                .put("title", marker)
                .put("groups", new JsonArray().add("A"))
                .put("retainUntil", today().toString()));
    JsonObject kept =
        workshop(
            new JsonObject()
                .put("title", "Resta")
                .put("retainUntil", today().plusDays(5).toString()));
    Api.Participant anna = api.join(code(doomed, 0), "Anna");
    try (WsClient a = WsClient.hello(app.port(), anna.boardId(), anna.token(), null)) {
      note(a, "custody:issues", marker + " nota");
      assertEquals(0, app.sweepRetention().await(30, TimeUnit.SECONDS), "on its last day it stays");
      CLOCK.advance(Duration.ofDays(1));
      try {
        assertEquals(1, app.sweepRetention().await(60, TimeUnit.SECONDS));
        assertEquals(Short.valueOf((short) 4004), a.awaitClose(), "its sockets are closed");
      } finally {
        CLOCK.advance(Duration.ofDays(-1));
      }
    }
    assertEquals(
        0, rows("select 1 from workshop where id = ?::uuid", doomed.getString("id")).size());
    assertEquals(0, rows("select 1 from note where text like ?", marker + "%").size());
    assertEquals(1, rows("select 1 from workshop where id = ?::uuid", kept.getString("id")).size());
    assertEquals(
        404,
        api.get(
                "/api/workshops/" + doomed.getString("id") + "/export.csv",
                doomed.getString("organiserKey"))
            .status());
    try (Connection db = db();
        var st = db.createStatement()) {
      st.execute("checkpoint");
    }
    assertEquals(List.of(), filesHolding(data.resolve("postgres"), marker));
  }

  @Test
  @DisplayName(
      "a process that starts after a workshop's retention date deletes it before it serves")
  void retentionAtStart() throws Exception {
    JsonObject due =
        workshop(
            new JsonObject()
                .put("title", "Scade alla ripartenza")
                .put("retainUntil", today().toString()));
    Config later =
        TestApp.onDatabaseOf(app, "rights-later")
            .withClock(Clock.offset(CLOCK, Duration.ofDays(2)));
    try (PeerBoard second = PeerBoard.start(later)) {
      assertEquals(
          0, rows("select 1 from workshop where id = ?::uuid", due.getString("id")).size());
      assertTrue(second.port() > 0);
    }
  }

  @Test
  @DisplayName("withdrawals are limited per token like ops: past the budget 429 rate_limited")
  void withdrawalLimited() throws Exception {
    Config.Defences d = TestApp.SUITE;
    Config strict =
        TestApp.onDatabaseOf(app, "rights-limits")
            .withDefences(
                new Config.Defences(
                    d.headerTimeoutSeconds(),
                    d.idleTimeoutSeconds(),
                    d.helloTimeoutSeconds(),
                    d.connectionsPerAddress(),
                    2,
                    d.runnerOpsPerMinute(),
                    d.pendingOpsPerSocket(),
                    d.hellosPerMinute(),
                    d.codeExpiryDays(),
                    d.workshopsPerHour(),
                    d.adminFailuresPerMinute()));
    try (PeerBoard limited = PeerBoard.start(strict)) {
      Api other = new Api("http://127.0.0.1:" + limited.port());
      String board = boardId(plainWorkshop("Limiti"), 0);
      String guessed = "A".repeat(43);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        statuses.add(other.post("/api/boards/" + board + "/withdraw", "{}", guessed).status());
      }
      assertEquals(List.of(401, 401, 429), statuses);
    }
  }

  /** The page's initial state, from its JSON block. */
  private static JsonObject pageState(String html) {
    int start = html.indexOf("<script type=\"application/json\" id=\"state\">");
    int from = html.indexOf('>', start) + 1;
    return new JsonObject(html.substring(from, html.indexOf("</script>", from)));
  }

  /** A download (bearer key) or a page (the key in its cookie, as a browser holds it). */
  private static byte[] download(String path, String key) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api.base() + path))
                    .header("Authorization", "Bearer " + key)
                    .header("Cookie", "pb_key=" + key)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), path);
    return response.body();
  }

  /**
   * Whether any download of the workshop (and of its first board), zips read entry by entry, holds
   * the text.
   */
  private static boolean exportsHolding(String workshopId, String key, String text)
      throws Exception {
    for (String format : List.of("csv", "xlsx", "json", "qdpx")) {
      byte[] body = download("/api/workshops/" + workshopId + "/export." + format, key);
      if (holds(body, text)) {
        return true;
      }
    }
    return holds(download("/w/" + workshopId + "/report", key), text);
  }

  private static boolean holds(byte[] body, String text) throws IOException {
    if (new String(body, StandardCharsets.UTF_8).contains(text)) {
      return true;
    }
    if (body.length > 2 && body[0] == 'P' && body[1] == 'K') {
      Path file = Files.createTempFile("download", ".zip");
      try {
        Files.write(file, body);
        try (ZipFile zip = new ZipFile(file.toFile())) {
          for (ZipEntry entry : Collections.list(zip.entries())) {
            if (holds(zip.getInputStream(entry).readAllBytes(), text)) {
              return true;
            }
          }
        }
      } finally {
        Files.delete(file);
      }
    }
    return false;
  }

  /** Files under {@code dir} whose bytes contain {@code text} (as grep -r -a would find them). */
  private static List<String> filesHolding(Path dir, String text) throws Exception {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes;
        try {
          bytes = Files.readAllBytes(file);
        } catch (IOException gone) {
          continue;
        }
        if (indexOf(bytes, needle) >= 0) {
          found.add(dir.relativize(file).toString());
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
