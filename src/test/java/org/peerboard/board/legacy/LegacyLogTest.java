package org.peerboard.board.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.board.db.EventCodec;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * The log written before events were typed (recorded at 87d9bcc by {@link LegacyLogRecorder}) still
 * reads: every row decodes and encodes back to the very same data, and a socket catches up through
 * all of it.
 */
class LegacyLogTest {
  private static final Path FIXTURE = Path.of("src/test/resources/legacy-log/session.json");

  private static JsonArray rows() throws Exception {
    return new JsonObject(Files.readString(FIXTURE)).getJsonArray("events");
  }

  @Test
  @DisplayName(
      "every stored event of the old log decodes and encodes back to exactly what was stored")
  void codecRoundTripsTheOldLog() throws Exception {
    Set<String> names = new TreeSet<>();
    for (Object o : rows()) {
      JsonObject row = (JsonObject) o;
      JsonObject stored = row.getJsonObject("data");
      BoardEvent event = EventCodec.decode(row.getString("type"), stored);
      assertEquals(row.getString("type"), event.name());
      assertEquals(
          withLaterSettings(normal(stored)),
          normal(EventCodec.encode(event)),
          "seq " + row.getLong("seq"));
      names.add(event.name());
    }
    assertEquals(26, names.size(), "the fixture holds every kind of event: " + names);
  }

  @Test
  @DisplayName(
      "a socket catches up through the old log with every seq, in order, each event cut down for its viewer")
  void catchUpReplaysTheOldLog() throws Exception {
    Api api = TestApp.api();
    Api.Workshop workshop = api.workshop("Registro storico", "A");
    String boardId = workshop.board(0).getString("id");
    JsonArray rows = rows();
    DbSettings db = TestApp.shared().database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into board_event (board_id, seq, type, data, "
                  + "actor_role) values (?::uuid, ?, ?, ?::jsonb, ?)")) {
        for (Object o : rows) {
          JsonObject row = (JsonObject) o;
          insert.setString(1, boardId);
          insert.setLong(2, row.getLong("seq"));
          insert.setString(3, row.getString("type"));
          insert.setString(4, row.getJsonObject("data").encode());
          insert.setString(5, row.getString("actorRole"));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (PreparedStatement head =
          c.prepareStatement("update board set seq = ? where id = ?::uuid")) {
        head.setLong(1, rows.size());
        head.setString(2, boardId);
        head.executeUpdate();
      }
    }
    Api.Participant stranger = api.join(workshop.board(0).getString("joinCode"), "Ospite");
    try (WsClient moderator =
            WsClient.hello(
                TestApp.shared().port(), boardId, workshop.board(0).getString("moderatorKey"), 0L);
        WsClient participant =
            WsClient.hello(TestApp.shared().port(), boardId, stranger.token(), 0L)) {
      List<JsonObject> seen = new ArrayList<>();
      List<JsonObject> seenByParticipant = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        seen.add(moderator.nextOfType("event"));
        seenByParticipant.add(participant.nextOfType("event"));
      }
      for (int i = 0; i < rows.size(); i++) {
        JsonObject row = rows.getJsonObject(i);
        JsonObject frame = seen.get(i);
        assertEquals(row.getLong("seq"), frame.getLong("seq"));
        assertEquals(row.getString("type"), frame.getString("event"));
        assertEquals(row.getString("type"), seenByParticipant.get(i).getString("event"));
        JsonObject stored = row.getJsonObject("data");
        JsonObject sent = frame.getJsonObject("data");
        for (String key : stored.fieldNames()) {
          if (!key.equals("note") && !key.equals("notes")) {
            assertEquals(
                withLaterSettings(normal(stored)).getValue(key),
                normal(sent).getValue(key),
                "seq " + i + " " + key);
          }
        }
        for (JsonObject note : notes(sent)) {
          assertFalse(note.containsKey("authorId"), "no author id ever leaves the server");
        }
      }
      JsonObject held = seenByParticipant.get(35).getJsonObject("data").getJsonObject("note");
      assertEquals("note.added", seenByParticipant.get(35).getString("event"));
      assertTrue(held.getBoolean("hidden"));
      assertNull(held.getString("text"), "a held note's text does not reach other participants");
      assertNull(held.getString("author"));
      JsonObject forModerator = seen.get(35).getJsonObject("data").getJsonObject("note");
      assertEquals(
          "Nota scritta mentre le note altrui sono nascoste", forModerator.getString("text"));
      assertTrue(forModerator.getBoolean("held"));
      assertEquals("Bruno", forModerator.getString("author"));
    }
  }

  private static List<JsonObject> notes(JsonObject data) {
    List<JsonObject> notes = new ArrayList<>();
    if (data.getJsonObject("note") != null) {
      notes.add(data.getJsonObject("note"));
    }
    if (data.getJsonArray("notes") != null) {
      data.getJsonArray("notes").forEach(n -> notes.add((JsonObject) n));
    }
    return notes;
  }

  /**
   * Settings added after the recording read as their defaults, and are encoded with them: {@code
   * reactions} on and {@code reactInVoting} off (issue 23, "me too").
   */
  private static JsonObject withLaterSettings(JsonObject data) {
    JsonObject settings = data.getJsonObject("settings");
    if (settings != null) {
      settings.put("reactions", settings.getBoolean("reactions", true));
      settings.put("reactInVoting", settings.getBoolean("reactInVoting", false));
    }
    return data;
  }

  /**
   * The same JSON with numbers as the parser reads them (a long 5 and an int 5 are one value on the
   * wire).
   */
  private static JsonObject normal(JsonObject json) {
    return new JsonObject(json.encode());
  }
}
