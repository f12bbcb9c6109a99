package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A moderator's op on a note of a long log once scanned the whole log (issue 27: four boards'
 * {@code note.hide} held every pipeline slot for 4.7 s each). The events that hold a note are now
 * found through an index of the notes each event holds.
 */
@DisplayName("A moderator's op on a long log costs what the note's events cost")
class LongLogTest {
  private static final int FILLER = 20_000;
  private static final int COPIES = 40;

  @Test
  @DisplayName(
      "hiding a note of a 20,000-event log reads its events through the index and patches every copy, nothing else")
  void hideOnLongLog() throws Exception {
    PeerBoard app = TestApp.shared();
    Api api = TestApp.api();
    Api.Workshop workshop = api.workshop("Long log", "A");
    JsonObject board = workshop.board(0);
    String boardId = board.getString("id");
    try (WsClient moderator =
            WsClient.hello(app.port(), boardId, board.getString("moderatorKey"), null);
        Connection db = db(app)) {
      String noteId =
          moderator
              .answer(
                  moderator.op(
                      "note.add",
                      new JsonObject().put("lane", "custody:issues").put("text", "The note")))
              .getJsonObject("result")
              .getString("noteId");
      // a long log (before seq 1, so that no reader of the board ever sees it): other notes' events
      // and copies of this note, as thousands of edits and moves would leave
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into board_event (board_id, seq, type, data, actor_role, note_id) "
                  + "values (?::uuid, ?, 'note.moved', ?::jsonb, 'moderator', ?::uuid)")) {
        for (int i = 1; i <= FILLER + COPIES; i++) {
          String id = i <= COPIES ? noteId : UUID.randomUUID().toString();
          insert.setString(1, boardId);
          insert.setLong(2, -i);
          insert.setString(
              3,
              new JsonObject()
                  .put("note", new JsonObject().put("id", id).put("text", "x"))
                  .encode());
          // half of them name their note in note_id, as the server logs them (found through the
          // btree), half do not (found through the GIN index of the events that hold other notes)
          insert.setString(4, i % 2 == 0 ? id : null);
          insert.addBatch();
          if (i % 2_000 == 0) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      try (Statement analyze = db.createStatement()) {
        analyze.execute("analyze board_event");
      }
      String plan = plan(db, boardId, noteId);
      assertTrue(
          plan.contains("board_event_note_ids") && plan.contains("board_event_note "),
          "the note's events are found through the indexes, not by reading the log:\n" + plan);
      JsonObject hidden =
          moderator.answer(
              moderator.op(
                  "note.hide", new JsonObject().put("noteId", noteId).put("hidden", true)));
      assertEquals("ack", hidden.getString("type"), hidden.encode());
      assertEquals(
          COPIES, hiddenCopies(db, boardId, noteId, true), "every copy of the note says hidden");
      assertEquals(
          0, hiddenCopies(db, boardId, noteId, false), "no other note's event was touched");
    } finally {
      try (Connection db = db(app);
          PreparedStatement clean =
              db.prepareStatement("delete from board_event where board_id = ?::uuid and seq < 0")) {
        clean.setString(1, boardId);
        clean.executeUpdate();
      }
    }
  }

  /**
   * The plan of the server's own statement ({@code BoardSql.PATCH_NOTE_IN_LOG}, read from the
   * class, not copied), prepared with its own {@code $n} parameters and explained for this note.
   */
  private static String plan(Connection db, String boardId, String noteId) throws Exception {
    Field field =
        Class.forName("org.peerboard.board.db.BoardSql").getDeclaredField("PATCH_NOTE_IN_LOG");
    field.setAccessible(true);
    StringBuilder plan = new StringBuilder();
    try (Statement statement = db.createStatement()) {
      statement.execute("prepare patch_note(uuid, text, jsonb, boolean) as " + field.get(null));
      try (ResultSet rows =
          statement.executeQuery(
              "explain execute patch_note('%s', '%s', '{\"hidden\":true}', false)"
                  .formatted(boardId, noteId))) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      statement.execute("deallocate patch_note");
    }
    return plan.toString();
  }

  /**
   * Negative-seq events marked hidden that hold {@code noteId} ({@code theNote}) or another note.
   */
  private static int hiddenCopies(Connection db, String boardId, String noteId, boolean theNote)
      throws Exception {
    try (PreparedStatement count =
        db.prepareStatement(
            "select count(*) from board_event where board_id = ?::uuid and seq < 0 "
                + "and (data->'note'->>'hidden')::boolean "
                + "and (data->'note'->>'id' = ?) = ?")) {
      count.setString(1, boardId);
      count.setString(2, noteId);
      count.setBoolean(3, theNote);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static Connection db(PeerBoard app) throws Exception {
    DbSettings s = app.database();
    return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
  }
}
