package org.peerboard.react;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("\"Me too\": participants agree with each other's notes")
class ReactionTest {
  private static final Api api = TestApp.api();
  private static final int port = TestApp.shared().port();

  /** A board with three participants on their phones, a moderator and a projector. */
  static final class Room implements AutoCloseable {
    final Api.Workshop workshop = api.workshop("Me too", "A");
    final JsonObject board = workshop.board(0);
    final String id = board.getString("id");
    final List<Api.Participant> people = new ArrayList<>();
    final List<WsClient> phones = new ArrayList<>();
    final WsClient moderator = WsClient.hello(port, id, board.getString("moderatorKey"), null);
    final WsClient projector = WsClient.hello(port, id, board.getString("projectorKey"), null);

    Room() {
      for (String name : List.of("Anna", "Bruno", "Carla")) {
        Api.Participant p = api.join(board.getString("joinCode"), name);
        people.add(p);
        phones.add(WsClient.hello(port, id, p.token(), null));
      }
    }

    WsClient phone(int i) {
      return phones.get(i);
    }

    String note(int author, String text) {
      return ack(
              phone(author),
              "note.add",
              new JsonObject().put("lane", "custody:issues").put("text", text))
          .getJsonObject("result")
          .getString("noteId");
    }

    JsonObject react(int who, String noteId, boolean on) {
      return ack(phone(who), "note.react", ReactionTest.react(noteId, on)).getJsonObject("result");
    }

    void settings(JsonObject patch) {
      ack(moderator, "board.settings", patch);
    }

    void stage(String stage) {
      ack(moderator, "board.stage", new JsonObject().put("stage", stage));
    }

    JsonObject snapshot(String key) {
      Api.Response response = api.get("/api/boards/" + id, key);
      assertEquals(200, response.status(), response.body());
      return response.json();
    }

    JsonObject snapshotNote(String key, String noteId) {
      return snapshot(key).getJsonArray("notes").stream()
          .map(n -> (JsonObject) n)
          .filter(n -> n.getString("id").equals(noteId))
          .findFirst()
          .orElseThrow();
    }

    String moderatorKey() {
      return board.getString("moderatorKey");
    }

    String projectorKey() {
      return board.getString("projectorKey");
    }

    @Override
    public void close() {
      phones.forEach(WsClient::close);
      moderator.close();
      projector.close();
    }
  }

  static JsonObject react(String noteId, boolean on) {
    return new JsonObject().put("noteId", noteId).put("on", on);
  }

  static JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals(
        "ack", answer.getString("type"), op + " " + data.encode() + " -> " + answer.encode());
    return answer;
  }

  static String refused(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals("error", answer.getString("type"), op + " should be refused: " + answer.encode());
    return answer.getString("code");
  }

  /** The next note.reacted this socket receives, checked to name nobody. */
  static JsonObject reacted(WsClient ws, Room room) {
    JsonObject frame = ws.nextEvent("note.reacted");
    String raw = frame.encode();
    for (Api.Participant p : room.people) {
      assertFalse(raw.contains(p.participantId()), "no participant id in " + raw);
    }
    for (String name : List.of("Anna", "Bruno", "Carla")) {
      assertFalse(raw.contains(name), "no name in " + raw);
    }
    return frame.getJsonObject("data");
  }

  @Test
  @DisplayName(
      "agreeing twice counts once, taking it back counts down; everyone gets the count and no one the name")
  void agreement() {
    try (Room room = new Room()) {
      String noteId = room.note(0, "No one tells the family what happens next");
      assertEquals(
          new JsonObject().put("noteId", noteId).put("count", 1L).put("mine", true),
          room.react(1, noteId, true));
      assertEquals(1L, room.react(1, noteId, true).getLong("count"), "a second 'on' counts once");
      assertEquals(2L, room.react(2, noteId, true).getLong("count"));
      for (WsClient ws : List.of(room.moderator, room.projector, room.phone(0), room.phone(1))) {
        assertEquals(
            new JsonObject().put("noteId", noteId).put("count", 1L), reacted(ws, room), "first");
        assertEquals(1L, reacted(ws, room).getLong("count"), "the repeat");
        assertEquals(
            Set.of("noteId", "count"), reacted(ws, room).fieldNames(), "only the note and count");
      }
      JsonObject back = room.react(1, noteId, false);
      assertEquals(1L, back.getLong("count"));
      assertFalse(back.getBoolean("mine"));
      assertEquals(1L, room.react(1, noteId, false).getLong("count"), "off twice changes nothing");

      JsonObject forBruno = room.snapshotNote(room.people.get(1).token(), noteId);
      assertEquals(1L, forBruno.getLong("reactions"));
      assertFalse(forBruno.getBoolean("reacted"));
      assertTrue(room.snapshotNote(room.people.get(2).token(), noteId).getBoolean("reacted"));
      assertEquals(1L, room.snapshotNote(room.projectorKey(), noteId).getLong("reactions"));
      assertNull(room.snapshotNote(room.projectorKey(), noteId).getValue("reacted"));
      assertEquals(1L, room.snapshotNote(room.moderatorKey(), noteId).getLong("reactions"));
    }
  }

  @Test
  @DisplayName(
      "a participant's own note, a moderator, the projector, bad shapes and other boards' notes are refused")
  void refusals() {
    try (Room room = new Room();
        Room other = new Room()) {
      String noteId = room.note(0, "Waiting lists for the first interview");
      String byModerator =
          ack(
                  room.moderator,
                  "note.add",
                  new JsonObject().put("lane", "custody:issues").put("text", "From the moderator"))
              .getJsonObject("result")
              .getString("noteId");
      assertEquals("forbidden", refused(room.phone(0), "note.react", react(noteId, true)));
      assertEquals("forbidden", refused(room.moderator, "note.react", react(noteId, true)));
      assertEquals("forbidden", refused(room.projector, "note.react", react(noteId, true)));
      WsClient organiser = WsClient.hello(port, room.id, room.workshop.organiserKey(), null);
      assertEquals("forbidden", refused(organiser, "note.react", react(noteId, true)));
      organiser.close();
      assertEquals(
          "not_found",
          refused(room.phone(1), "note.react", react(UUID.randomUUID().toString(), true)));
      String elsewhere = other.note(0, "On another board");
      assertEquals("not_found", refused(room.phone(1), "note.react", react(elsewhere, true)));
      assertEquals(
          "invalid", refused(room.phone(1), "note.react", new JsonObject().put("noteId", noteId)));
      assertEquals(
          "invalid",
          refused(
              room.phone(1),
              "note.react",
              new JsonObject().put("noteId", noteId).put("on", "true")));
      assertEquals(
          "invalid",
          refused(
              room.phone(1), "note.react", new JsonObject().put("noteId", "x").put("on", true)));
      assertEquals(
          "invalid",
          refused(room.moderator, "board.settings", new JsonObject().put("reactions", "off")));
      assertEquals(
          "forbidden",
          refused(room.phone(1), "board.settings", new JsonObject().put("reactions", false)));
      assertEquals(1L, room.react(1, byModerator, true).getLong("count"), "a moderator's note");
      assertEquals(0L, room.snapshotNote(room.moderatorKey(), noteId).getLong("reactions"));
    }
  }

  @Test
  @DisplayName(
      "a hidden note takes no agreement and its count leaves phones and projector; the moderator keeps it")
  void hiddenNotes() {
    try (Room room = new Room()) {
      String noteId = room.note(0, "The judge decides without hearing the child");
      room.react(1, noteId, true);
      ack(room.moderator, "note.hide", new JsonObject().put("noteId", noteId).put("hidden", true));
      assertEquals("forbidden", refused(room.phone(2), "note.react", react(noteId, true)));
      assertEquals(
          "forbidden", refused(room.phone(1), "note.react", react(noteId, false)), "nor back");
      assertNull(room.snapshotNote(room.people.get(0).token(), noteId).getValue("reactions"));
      assertEquals(1L, room.snapshotNote(room.moderatorKey(), noteId).getLong("reactions"));
      assertTrue(
          room.snapshot(room.projectorKey()).getJsonArray("notes").stream()
              .noneMatch(n -> ((JsonObject) n).getString("id").equals(noteId)));
    }
  }

  @Test
  @DisplayName(
      "catching up across a hide, from the server's memory or from the log of another instance,"
          + " phones and projector get the note's earlier agreement without its count")
  void hiddenSinceNotReplayed() throws Exception {
    try (Room room = new Room()) {
      String noteId = room.note(0, "The judge decides without hearing the child");
      assertEquals(1L, room.react(1, noteId, true).getLong("count"));
      assertEquals(2L, room.react(2, noteId, true).getLong("count"));
      long hidden =
          ack(
                  room.moderator,
                  "note.hide",
                  new JsonObject().put("noteId", noteId).put("hidden", true))
              .getLong("seq");
      try (PeerBoard other = PeerBoard.start(TestApp.onSharedDatabase("reactions-catch-up"));
          // the other instance's first socket starts its memory at the head, so the later sockets
          // there catch up from the log
          WsClient first = WsClient.hello(other.port(), room.id, room.moderatorKey(), null)) {
        for (int port : new int[] {ReactionTest.port, other.port()}) {
          for (String key : List.of(room.people.get(0).token(), room.projectorKey())) {
            List<JsonObject> replayed = reactedFrom(port, room.id, key, hidden);
            assertEquals(2, replayed.size(), "both agreements are replayed: " + replayed);
            replayed.forEach(
                data -> assertEquals(Set.of("noteId"), data.fieldNames(), "port " + port));
          }
          List<JsonObject> moderator = reactedFrom(port, room.id, room.moderatorKey(), hidden);
          assertEquals(List.of(1L, 2L), moderator.stream().map(d -> d.getLong("count")).toList());
        }
        long shown =
            ack(
                    room.moderator,
                    "note.hide",
                    new JsonObject().put("noteId", noteId).put("hidden", false))
                .getLong("seq");
        for (int port : new int[] {ReactionTest.port, other.port()}) {
          List<JsonObject> replayed = reactedFrom(port, room.id, room.projectorKey(), shown);
          assertEquals(
              List.of(1L, 2L),
              replayed.stream().map(d -> d.getLong("count")).toList(),
              "shown again, the counts are replayed again (port " + port + ")");
        }
      }
    }
  }

  /**
   * The data of every note.reacted a socket that catches up from the start is sent, up to the event
   * with seq {@code until}.
   */
  private static List<JsonObject> reactedFrom(int port, String boardId, String key, long until) {
    List<JsonObject> reacted = new ArrayList<>();
    try (WsClient late = WsClient.hello(port, boardId, key, 0L)) {
      for (JsonObject frame = late.nextEvent(); ; frame = late.nextEvent()) {
        if ("note.reacted".equals(frame.getString("event"))) {
          reacted.add(frame.getJsonObject("data"));
        }
        if (frame.getLong("seq") >= until) {
          return reacted;
        }
      }
    }
  }

  @Test
  @DisplayName(
      "with notes hidden until the reveal, counts reach only the moderator; secret notes take no agreement")
  void hideNotesBeforeReveal() {
    try (Room room = new Room()) {
      String before = room.note(0, "Written before notes were hidden");
      room.settings(new JsonObject().put("hideNotes", true));
      String secret = room.note(0, "Written while notes are hidden");
      assertEquals("forbidden", refused(room.phone(1), "note.react", react(secret, true)));
      JsonObject result = room.react(1, before, true);
      assertNull(result.getValue("count"), "the phone is not told the count: " + result);
      assertTrue(result.getBoolean("mine"));
      assertEquals(1L, reacted(room.moderator, room).getLong("count"));
      for (WsClient ws : List.of(room.projector, room.phone(0), room.phone(2))) {
        JsonObject data = reacted(ws, room);
        assertEquals(before, data.getString("noteId"));
        assertFalse(data.containsKey("count"), "count withheld: " + data);
        assertFalse(data.containsKey("open"), "the log's flag stays in the log: " + data);
      }
      for (String key : List.of(room.people.get(0).token(), room.projectorKey())) {
        assertNull(room.snapshotNote(key, before).getValue("reactions"));
      }
      assertEquals(1L, room.snapshotNote(room.moderatorKey(), before).getLong("reactions"));
      ack(room.moderator, "board.reveal", new JsonObject());
      assertEquals(1L, room.snapshotNote(room.projectorKey(), before).getLong("reactions"));
      assertEquals(
          1L, room.react(2, secret, true).getLong("count"), "revealed, it takes agreement");
    }
  }

  @Test
  @DisplayName(
      "reactions off: note.react is forbidden and counts leave phones and projector, kept for when it is on again")
  void settingOff() {
    try (Room room = new Room()) {
      String noteId = room.note(0, "Siblings placed apart");
      room.react(1, noteId, true);
      assertTrue(
          room.snapshot(room.moderatorKey()).getJsonObject("settings").getBoolean("reactions"));
      room.settings(new JsonObject().put("reactions", false));
      assertEquals("forbidden", refused(room.phone(2), "note.react", react(noteId, true)));
      assertNull(room.snapshotNote(room.people.get(1).token(), noteId).getValue("reactions"));
      assertNull(room.snapshotNote(room.projectorKey(), noteId).getValue("reactions"));
      assertEquals(1L, room.snapshotNote(room.moderatorKey(), noteId).getLong("reactions"));
      room.settings(new JsonObject().put("reactions", true));
      assertEquals(1L, room.snapshotNote(room.projectorKey(), noteId).getLong("reactions"));
      assertEquals(2L, room.react(2, noteId, true).getLong("count"));
    }
  }

  @Test
  @DisplayName(
      "allowed while collecting and clustering, while voting only with reactInVoting, never when closed (stage_closed)")
  void stages() {
    try (Room room = new Room()) {
      String noteId = room.note(0, "Foster families get no training on trauma");
      room.stage("clustering");
      assertEquals(1L, room.react(1, noteId, true).getLong("count"));
      room.stage("voting");
      assertEquals("conflict", refused(room.phone(2), "note.react", react(noteId, true)));
      room.settings(new JsonObject().put("reactInVoting", true));
      assertEquals(2L, room.react(2, noteId, true).getLong("count"));
      room.stage("closed");
      assertEquals("stage_closed", refused(room.phone(2), "note.react", react(noteId, false)));
      assertEquals("forbidden", refused(room.moderator, "note.react", react(noteId, false)));
      assertEquals(2L, room.snapshotNote(room.moderatorKey(), noteId).getLong("reactions"));
    }
  }

  @Test
  @DisplayName(
      "the log keeps note.reacted with the count alone: no participant id, no client id, no name")
  void logNamesNobody() throws SQLException {
    try (Room room = new Room()) {
      String noteId = room.note(0, "Nobody explains the placement to the child");
      room.react(1, noteId, true);
      room.react(2, noteId, true);
      room.react(2, noteId, false);
      int rows = 0;
      try (Connection db = db();
          PreparedStatement query =
              db.prepareStatement(
                  "select data::text, actor_id, actor_client, actor_role from board_event"
                      + " where board_id = ? and type = 'note.reacted' order by seq")) {
        query.setObject(1, UUID.fromString(room.id));
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            rows++;
            String data = rs.getString(1);
            assertNull(rs.getObject(2), "no actor id");
            assertNull(rs.getObject(3), "no client id");
            assertEquals("participant", rs.getString(4));
            for (Api.Participant p : room.people) {
              assertFalse(data.contains(p.participantId()), data);
            }
            assertEquals(Set.of("noteId", "count", "open"), new JsonObject(data).fieldNames());
          }
        }
      }
      assertEquals(3, rows);
      String history =
          api.get("/api/boards/" + room.id + "/history.csv", room.workshop.organiserKey()).body();
      List<String> reactedLines =
          history.lines().filter(line -> line.contains("note.reacted")).toList();
      assertEquals(3, reactedLines.size(), history);
      for (String line : reactedLines) {
        for (Api.Participant p : room.people) {
          assertFalse(line.contains(p.participantId()), line);
        }
        assertTrue(line.contains(",participant,,"), "role, and no pseudonym: " + line);
      }
    }
  }

  @Test
  @DisplayName("a removed participant's agreements are taken away from the counts")
  void removedParticipant() {
    try (Room room = new Room()) {
      String noteId = room.note(0, "Reports arrive too late");
      room.react(1, noteId, true);
      room.react(2, noteId, true);
      ack(
          room.moderator,
          "participant.remove",
          new JsonObject().put("participantId", room.people.get(1).participantId()));
      assertEquals(1L, room.snapshotNote(room.moderatorKey(), noteId).getLong("reactions"));
    }
  }

  @Test
  @DisplayName(
      "a cluster shows the sum of its notes' agreement and how many different people agreed")
  void clusters() {
    try (Room room = new Room()) {
      String a = room.note(0, "No shared file between services");
      String b = room.note(0, "Each service asks the same questions again");
      room.react(1, a, true);
      room.react(1, b, true);
      room.react(2, b, true);
      ack(
          room.moderator,
          "cluster.create",
          new JsonObject()
              .put("lane", "custody:issues")
              .put("name", "Information")
              .put("noteIds", new JsonArray().add(a).add(b)));
      for (String key : List.of(room.moderatorKey(), room.projectorKey())) {
        JsonObject cluster = room.snapshot(key).getJsonArray("clusters").getJsonObject(0);
        assertEquals(3L, cluster.getLong("reactions"), key);
        assertEquals(2L, cluster.getLong("reactors"), key);
      }
    }
  }

  static Connection db() throws SQLException {
    DbSettings settings = TestApp.shared().database();
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }
}
