package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Text that was taken away stays away: edited-away text is not replayed, a deleted workshop leaves
 * no trace in the PostgreSQL data directory, a rotated join code reaches only the board's runners.
 * Its own embedded database, so its data directory can be searched byte by byte.
 */
@DisplayName("Text taken away is gone: from the log, from catch-up, from the disk")
class TextLeftBehindTest {
  private static Path data;
  private static PeerBoard app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory("left-behind");
    int port = TestApp.freePort();
    app = PeerBoard.start(TestApp.config(data, port, TestApp.freePort()));
    api = new Api("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Connection db() throws Exception {
    DbSettings s = app.database();
    return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
  }

  private static int rowsHolding(Connection db, String table, String text) throws Exception {
    try (PreparedStatement count =
        db.prepareStatement(
            "select count(*) from "
                + table
                + " t where row_to_json(t)::text like '%' || ? || '%'")) {
      count.setString(1, text);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  @Test
  @DisplayName(
      "a note edited to clean text: catch-up from seq 0 as another participant never shows the old text")
  void editThenReplay() throws Exception {
    Api.Workshop workshop = api.workshop("Edits", "A");
    String code = workshop.board(0).getString("joinCode");
    Api.Participant alice = api.join(code, "Alice");
    Api.Participant bruno = api.join(code, "Bruno");
    String phone = "chiamare 347 123 " + System.nanoTime() % 10_000;
    try (WsClient a = WsClient.hello(app.port(), alice.boardId(), alice.token(), null)) {
      String noteId =
          a.answer(
                  a.op(
                      "note.add",
                      new JsonObject().put("lane", "custody:issues").put("text", phone)))
              .getJsonObject("result")
              .getString("noteId");
      assertEquals(
          "ack",
          a.answer(
                  a.op(
                      "note.edit",
                      new JsonObject().put("noteId", noteId).put("text", "chiamare il servizio")))
              .getString("type"));
      // Alice's socket keeps the board's hub alive, so the catch-up below is served from memory as
      // well as the log
      try (WsClient b = WsClient.hello(app.port(), bruno.boardId(), bruno.token(), 0L)) {
        List<JsonObject> frames = b.eventsWithin(Duration.ofSeconds(2));
        assertFalse(frames.isEmpty());
        frames.forEach(f -> assertFalse(f.encode().contains(phone), "replayed: " + f));
        assertTrue(frames.stream().anyMatch(f -> f.encode().contains("chiamare il servizio")));
      }
    }
    try (WsClient b = WsClient.hello(app.port(), bruno.boardId(), bruno.token(), 0L)) {
      b.eventsWithin(Duration.ofSeconds(2))
          .forEach(f -> assertFalse(f.encode().contains(phone), "replayed: " + f));
    }
    try (Connection db = db()) {
      assertEquals(
          0,
          rowsHolding(db, "board_event", phone),
          "no board_event row holds the edited-away text");
      assertEquals(0, rowsHolding(db, "note", phone));
    }
  }

  @Test
  @DisplayName("a rotated join code is sent to the runners, not to participants")
  void rotatedJoinCode() {
    Api.Workshop workshop = api.workshop("Rotation", "A");
    JsonObject board = workshop.board(0);
    Api.Participant alice = api.join(board.getString("joinCode"), "Alice");
    try (WsClient participant =
            WsClient.hello(app.port(), board.getString("id"), alice.token(), null);
        WsClient moderator =
            WsClient.hello(
                app.port(), board.getString("id"), board.getString("moderatorKey"), null)) {
      Api.Response rotated =
          api.post(
              "/api/boards/" + board.getString("id") + "/rotate",
              "{\"joinCode\":true}",
              workshop.organiserKey());
      assertEquals(200, rotated.status(), rotated.body());
      String newCode = rotated.json().getString("joinCode");
      assertEquals(
          newCode,
          moderator.nextEvent("board.keysRotated").getJsonObject("data").getString("joinCode"));
      JsonObject seen = participant.nextEvent("board.keysRotated");
      assertNull(
          seen.getJsonObject("data").getString("joinCode"),
          "the participant's copy has no join code");
      assertFalse(seen.encode().contains(newCode));
    }
  }

  @Test
  @DisplayName(
      "a note of invisible characters only is invalid; a bidi override inside real text is kept as text")
  void invisibleText() {
    Api.Workshop workshop = api.workshop("Invisible", "A");
    Api.Participant alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
    try (WsClient a = WsClient.hello(app.port(), alice.boardId(), alice.token(), null)) {
      for (String invisible :
          List.of("\u200B\u200B", "\u202E\u2066 \u00A0", "\u3164", "\uFEFF\u200D\t")) {
        JsonObject answer =
            a.answer(
                a.op(
                    "note.add",
                    new JsonObject().put("lane", "custody:issues").put("text", invisible)));
        assertEquals(
            "invalid",
            answer.getString("code"),
            "refused: " + invisible.codePoints().boxed().toList());
      }
      assertEquals(
          "ack",
          a.answer(
                  a.op(
                      "note.add",
                      new JsonObject()
                          .put("lane", "custody:issues")
                          .put("text", "\u202Eevil\u202C ok")))
              .getString("type"));
    }
  }

  @Test
  @DisplayName(
      "after a workshop is deleted its note text is nowhere in the PostgreSQL data directory; its sockets close 4004")
  void deletedFromDisk() throws Exception {
    String marker = "Segreto" + System.nanoTime();
    Api.Workshop workshop = api.workshop("Da cancellare", "A");
    Api.Participant alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
    try (WsClient a = WsClient.hello(app.port(), alice.boardId(), alice.token(), null)) {
      for (int i = 0; i < 5; i++) {
        a.answer(
            a.op(
                "note.add",
                new JsonObject().put("lane", "custody:issues").put("text", marker + " nota " + i)));
      }
      String noteId =
          a.answer(
                  a.op(
                      "note.add",
                      new JsonObject()
                          .put("lane", "custody:issues")
                          .put("text", marker + " da redigere")))
              .getJsonObject("result")
              .getString("noteId");
      a.answer(
          a.op(
              "note.edit",
              new JsonObject().put("noteId", noteId).put("text", marker + " modificata")));
      try (Connection db = db();
          var st = db.createStatement()) {
        st.execute("checkpoint"); // the pages are in the table files now, not only in shared memory
      }
      Path pgData = data.resolve("postgres");
      assertFalse(
          filesHolding(pgData, marker).isEmpty(), "the search finds the text before the deletion");

      HttpResponse<String> deleted =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(api.base() + "/api/workshops/" + workshop.id()))
                      .header("Authorization", "Bearer " + workshop.organiserKey())
                      .DELETE()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(204, deleted.statusCode());
      assertEquals(
          Short.valueOf((short) 4004), a.awaitClose(), "the deleted board's socket is closed");
      assertEquals(
          List.of(), filesHolding(pgData, marker), "no file of the data directory holds the text");
    }
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
          continue; // removed while we walked (a WAL segment, a temporary file)
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
