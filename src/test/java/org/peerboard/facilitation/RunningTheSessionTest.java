package org.peerboard.facilitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerboard.facilitation.Board.ok;
import static org.peerboard.facilitation.Board.run;

import io.vertx.core.json.JsonObject;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.db.DbSettings;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("The moderator runs the session")
class RunningTheSessionTest {

  private static final Map<String, JsonObject> MODERATOR_OPS =
      Map.ofEntries(
          Map.entry("board.stage", new JsonObject().put("stage", "clustering")),
          Map.entry("board.focus", new JsonObject().put("phase", "custody")),
          Map.entry("board.timer", new JsonObject().put("action", "start").put("seconds", 900)),
          Map.entry("board.settings", new JsonObject().put("hideNotes", true)),
          Map.entry("board.reveal", new JsonObject()),
          Map.entry(
              "cluster.create",
              new JsonObject().put("lane", "custody:issues").put("name", "Theme")),
          Map.entry(
              "cluster.remove",
              new JsonObject().put("noteIds", Board.ids("00000000-0000-0000-0000-000000000001"))),
          Map.entry("undo", new JsonObject()));

  @Test
  @DisplayName(
      "a participant or the projector trying any moderator op gets forbidden and nothing changes")
  void onlyModeratorsRunTheBoard() {
    try (Board board = new Board()) {
      String noteId = board.note(board.a, "custody:issues", "A note");
      long before = board.seq();
      for (WsClient ws : List.of(board.a, board.projector)) {
        MODERATOR_OPS.forEach(
            (op, data) -> assertEquals("forbidden", run(ws, op, data).getString("code"), op));
        JsonObject ref = new JsonObject().put("noteId", noteId);
        assertEquals(
            "forbidden", run(ws, "note.hide", ref.copy().put("hidden", true)).getString("code"));
        assertEquals(
            "forbidden",
            run(
                    ws,
                    "participant.remove",
                    new JsonObject().put("participantId", board.bruno.participantId()))
                .getString("code"));
      }
      assertEquals(before, board.seq(), "nothing changed");
    }
  }

  @Test
  @DisplayName(
      "stages: participants post only while collecting; closed freezes notes for everyone but redaction")
  void stageRules() {
    try (Board board = new Board()) {
      String noteId = board.note(board.a, "custody:issues", "Before the stage changed");
      JsonObject staged =
          ok(board.moderator, "board.stage", new JsonObject().put("stage", "clustering"));
      assertEquals("board.staged", board.b.nextEvent("board.staged").getString("event"));
      assertTrue(staged.getLong("seq") > 0);
      JsonObject add = new JsonObject().put("lane", "custody:issues").put("text", "late");
      assertEquals("conflict", run(board.a, "note.add", add).getString("code"));
      assertEquals(
          "conflict",
          run(board.a, "note.edit", new JsonObject().put("noteId", noteId).put("text", "x"))
              .getString("code"));
      assertEquals(
          "ack",
          run(board.moderator, "note.add", add.copy().put("text", "From paper")).getString("type"),
          "the moderator transcribes notes at any stage but closed");
      ok(board.moderator, "board.settings", new JsonObject().put("lateNotes", true));
      assertEquals("ack", run(board.a, "note.add", add).getString("type"), "late notes allowed");

      ok(board.moderator, "board.stage", new JsonObject().put("stage", "closed"));
      assertEquals("conflict", run(board.moderator, "note.add", add).getString("code"));
      assertEquals(
          "conflict",
          run(board.a, "note.delete", new JsonObject().put("noteId", noteId)).getString("code"));
      assertEquals(
          "conflict",
          run(
                  board.moderator,
                  "cluster.create",
                  new JsonObject().put("lane", "custody:issues").put("name", "x"))
              .getString("code"));
      assertEquals(
          "ack",
          run(
                  board.moderator,
                  "note.hide",
                  new JsonObject().put("noteId", noteId).put("hidden", true))
              .getString("type"),
          "redaction still works when closed");
      ok(board.moderator, "board.stage", new JsonObject().put("stage", "collecting"));
      assertEquals("collecting", board.snapshot(board.alice.token()).getString("stage"));
    }
  }

  @Test
  @DisplayName("focus: only the focused phase takes new notes; phones are told which phase")
  void focus() {
    try (Board board = new Board()) {
      ok(board.moderator, "board.focus", new JsonObject().put("phase", "leaving"));
      JsonObject focused = board.a.nextEvent("board.focused");
      assertEquals("board.focused", focused.getString("event"));
      assertEquals("leaving", focused.getJsonObject("data").getString("focus"));
      assertEquals(
          "conflict",
          run(board.a, "note.add", new JsonObject().put("lane", "custody:issues").put("text", "x"))
              .getString("code"));
      board.note(board.a, "leaving:resources", "Housing");
      board.note(board.a, "improvements", "A mentor for every care leaver");
      assertEquals(
          "invalid",
          run(board.moderator, "board.focus", new JsonObject().put("phase", "holidays"))
              .getString("code"));
      ok(board.moderator, "board.focus", new JsonObject().putNull("phase"));
      board.note(board.a, "custody:issues", "Open again");
      assertEquals(null, board.snapshot(board.moderatorKey).getString("focus"));
    }
  }

  @Test
  @DisplayName(
      "the timer sends an end time and the server's now, so phones count down without drift")
  void timer() {
    try (Board board = new Board()) {
      Instant before = Instant.now();
      ok(
          board.moderator,
          "board.timer",
          new JsonObject().put("action", "start").put("seconds", 900));
      JsonObject timer =
          board.a.nextEvent("board.timer").getJsonObject("data").getJsonObject("timer");
      Instant endsAt = Instant.parse(timer.getString("endsAt"));
      Instant serverNow = Instant.parse(timer.getString("serverNow"));
      assertEquals(900, Duration.between(serverNow, endsAt).toSeconds(), 1);
      assertFalse(endsAt.isBefore(before.plusSeconds(899)));
      ok(board.moderator, "board.timer", new JsonObject().put("action", "pause"));
      assertEquals(
          "conflict",
          run(board.moderator, "board.timer", new JsonObject().put("action", "pause"))
              .getString("code"));
      ok(board.moderator, "board.timer", new JsonObject().put("action", "add").put("seconds", 60));
      JsonObject stored = board.snapshot(board.alice.token()).getJsonObject("timer");
      assertFalse(stored.getBoolean("running"));
      assertTrue(stored.getLong("remaining") >= 950);
      ok(board.moderator, "board.timer", new JsonObject().put("action", "stop"));
      assertEquals(null, board.snapshot(board.alice.token()).getValue("timer"));
    }
  }

  @Test
  @DisplayName(
      "with hideNotes no frame to another participant or the projector carries a note's text before the reveal")
  void hiddenUntilReveal() {
    try (Board board = new Board()) {
      ok(board.moderator, "board.settings", new JsonObject().put("hideNotes", true));
      String secret = "Secret thought about the removal phase";
      String noteId = board.note(board.a, "removal:issues", secret);
      board.a.answer(
          board.a.op(
              "note.edit", new JsonObject().put("noteId", noteId).put("text", secret + "!")));
      List<JsonObject> seenByB = board.b.eventsWithin(Duration.ofMillis(600));
      List<JsonObject> seenByProjector = board.projector.eventsWithin(Duration.ofMillis(300));
      assertTrue(seenByB.size() >= 3);
      for (JsonObject frame : concat(seenByB, seenByProjector)) {
        assertFalse(frame.encode().contains("Secret thought"), "leaked: " + frame.encode());
      }
      JsonObject noteForB =
          seenByB.stream()
              .filter(e -> "note.added".equals(e.getString("event")))
              .findFirst()
              .orElseThrow()
              .getJsonObject("data")
              .getJsonObject("note");
      assertTrue(
          noteForB.getBoolean("secret"), "B learns there is a note, for the counts per lane");
      assertFalse(
          board
              .api
              .get("/api/boards/" + board.id, board.bruno.token())
              .body()
              .contains("Secret thought"));
      assertFalse(
          board
              .api
              .get("/api/boards/" + board.id, board.projectorKey)
              .body()
              .contains("Secret thought"));
      assertTrue(
          board
              .api
              .get("/api/boards/" + board.id, board.alice.token())
              .body()
              .contains("Secret thought"),
          "the author sees her own note");
      assertTrue(
          board
              .api
              .get("/api/boards/" + board.id, board.moderatorKey)
              .body()
              .contains("Secret thought"));

      ok(board.moderator, "board.reveal", new JsonObject());
      assertEquals("board.revealed", board.b.nextEvent("board.revealed").getString("event"));
      assertTrue(
          board
              .api
              .get("/api/boards/" + board.id, board.bruno.token())
              .body()
              .contains("Secret thought"));
      assertTrue(
          board
              .api
              .get("/api/boards/" + board.id, board.projectorKey)
              .body()
              .contains("Secret thought"));
    }
  }

  @Test
  @DisplayName("approve before showing: a new note is held until a moderator lets it through")
  void approveBeforeShowing() {
    try (Board board = new Board()) {
      ok(board.moderator, "board.settings", new JsonObject().put("approveNotes", true));
      String noteId = board.note(board.a, "path:actors", "Guardian ad litem");
      assertFalse(
          board.api.get("/api/boards/" + board.id, board.projectorKey).body().contains("Guardian"));
      assertFalse(
          board
              .api
              .get("/api/boards/" + board.id, board.bruno.token())
              .body()
              .contains("Guardian"));
      assertTrue(
          board.api.get("/api/boards/" + board.id, board.moderatorKey).body().contains("Guardian"));
      ok(board.moderator, "note.hide", new JsonObject().put("noteId", noteId).put("hidden", false));
      assertTrue(
          board.api.get("/api/boards/" + board.id, board.projectorKey).body().contains("Guardian"));
    }
  }

  @Test
  @DisplayName("a removed participant's token stops working at once, and their notes stay")
  void removeParticipant() {
    try (Board board = new Board()) {
      board.note(board.b, "reporting:issues", "Bruno's note stays");
      ok(
          board.moderator,
          "participant.remove",
          new JsonObject().put("participantId", board.bruno.participantId()));
      assertNotNull(board.b.awaitClose(), "the removed participant's socket is closed");
      assertEquals(401, board.api.get("/api/boards/" + board.id, board.bruno.token()).status());
      WsClient again = WsClient.connect(board.port);
      again.sendText(
          new JsonObject()
              .put("type", "hello")
              .put("boardId", board.id)
              .put("token", board.bruno.token())
              .encode());
      assertEquals("unauthorized", again.nextOfType("error").getString("code"));
      again.close();
      assertTrue(
          board
              .api
              .get("/api/boards/" + board.id, board.moderatorKey)
              .body()
              .contains("Bruno's note stays"));
      assertEquals(
          "not_found",
          run(
                  board.moderator,
                  "participant.remove",
                  new JsonObject().put("participantId", "00000000-0000-0000-0000-000000000000"))
              .getString("code"));
    }
  }

  @Test
  @DisplayName("a redacted note shows only its new text everywhere, catch-up included")
  void redaction() {
    try (Board board = new Board()) {
      String noteId = board.note(board.a, "removal:actors", "Call Maria Rossi on 333 1234567");
      assertEquals(
          "forbidden",
          run(board.a, "note.redact", new JsonObject().put("noteId", noteId).put("text", "x"))
              .getString("code"));
      ok(
          board.moderator,
          "note.redact",
          new JsonObject().put("noteId", noteId).put("text", "Call [name] on [phone]"));
      assertTrue(
          board
              .api
              .get("/api/boards/" + board.id, board.moderatorKey)
              .body()
              .contains("Call [name]"));
      try (WsClient late = WsClient.hello(board.port, board.id, board.bruno.token(), 0L)) {
        List<JsonObject> replay = late.eventsWithin(Duration.ofMillis(500));
        assertEquals(
            List.of("note.added", "note.redacted"),
            replay.stream().map(e -> e.getString("event")).toList());
        replay.forEach(e -> assertFalse(e.encode().contains("Maria Rossi"), e.encode()));
      }
    }
  }

  @Test
  @DisplayName(
      "a hidden note's text is not replayed to a participant catching up, even inside cluster events")
  void hiddenNotReplayed() {
    try (Board board = new Board()) {
      String noteId = board.note(board.a, "leaving:issues", "Offensive remark");
      ok(
          board.moderator,
          "cluster.create",
          new JsonObject()
              .put("lane", "leaving:issues")
              .put("name", "Theme")
              .put("noteIds", Board.ids(noteId)));
      ok(board.moderator, "note.hide", new JsonObject().put("noteId", noteId).put("hidden", true));
      try (WsClient late = WsClient.hello(board.port, board.id, board.bruno.token(), 0L);
          WsClient projector = WsClient.hello(board.port, board.id, board.projectorKey, 0L)) {
        for (JsonObject frame :
            concat(
                late.eventsWithin(Duration.ofMillis(500)),
                projector.eventsWithin(Duration.ofMillis(300)))) {
          assertFalse(frame.encode().contains("Offensive"), frame.encode());
        }
      }
      ok(board.moderator, "note.delete", new JsonObject().put("noteId", noteId));
      try (WsClient late = WsClient.hello(board.port, board.id, board.moderatorKey, 0L)) {
        late.eventsWithin(Duration.ofMillis(500))
            .forEach(
                frame ->
                    assertFalse(
                        frame.encode().contains("Offensive"),
                        "deleted text leaves every event: " + frame.encode()));
      }
    }
  }

  @Test
  @DisplayName("reopening a closed board whose code went to another board gives it a new code")
  void reopenWithTakenCode() {
    try (Board board = new Board();
        Board other = new Board()) {
      ok(board.moderator, "board.stage", new JsonObject().put("stage", "closed"));
      String code = board.workshop.board(0).getString("joinCode");
      DbSettings db = TestApp.shared().database();
      try (var conn = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
        conn.createStatement()
            .executeUpdate(
                "update board set join_code = '" + code + "' where id = '" + other.id + "'");
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      JsonObject reopened =
          ok(board.moderator, "board.stage", new JsonObject().put("stage", "collecting"));
      assertTrue(reopened.getLong("seq") > 0);
      String newCode = board.snapshot(board.moderatorKey).getString("joinCode");
      assertFalse(code.equals(newCode));
      assertEquals(
          "closed", board.b.nextEvent("board.staged").getJsonObject("data").getString("stage"));
      assertEquals(
          newCode,
          board.b.nextEvent("board.staged").getJsonObject("data").getString("joinCode"),
          "phones and the projector learn the new code");
    }
  }

  private static List<JsonObject> concat(List<JsonObject> a, List<JsonObject> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
