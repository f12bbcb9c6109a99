package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.SharedDb;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Issue 28: a batch of new notes is judged on what the pipeline last saw of its board and author,
 * and written in one statement that checks they are still so; otherwise it goes the usual way.
 * Which way a note went is read from the database: written in one statement, the note row is the
 * first command of its transaction ({@code cmin} 0), while the usual transaction inserts it in a
 * later statement than the one that claims its op.
 */
@DisplayName("New notes in one round trip to the database")
class OneTripNotesTest {
  private int port;
  private Api api;
  private String boardId;
  private String moderatorKey;
  private Api.Participant alice;
  private Api.Participant bruno;

  @BeforeEach
  void setUp() {
    port = TestApp.shared().port();
    api = TestApp.api();
    Api.Workshop workshop = api.workshop("Firenze peer to peer", "A");
    boardId = workshop.board(0).getString("id");
    moderatorKey = workshop.board(0).getString("moderatorKey");
    String code = workshop.board(0).getString("joinCode");
    alice = api.join(code, "Alice");
    bruno = api.join(code, "Bruno");
  }

  private static JsonObject note(String lane, String text, String... tags) {
    return new JsonObject()
        .put("lane", lane)
        .put("text", text)
        .put("tags", new JsonArray(List.of(tags)));
  }

  private static JsonObject acked(WsClient client, String opId) {
    JsonObject answer = client.answer(opId);
    assertEquals("ack", answer.getString("type"), answer.encode());
    return answer;
  }

  /** Note id -> whether it went in one statement, for the board's notes. */
  private Map<String, Boolean> ways() throws SQLException {
    try (Connection db = SharedDb.connect();
        PreparedStatement st =
            db.prepareStatement(
                "select n.id::text, n.cmin::text = '0' from note n"
                    + " where n.board_id = ?::uuid order by n.created_at")) {
      st.setString(1, boardId);
      Map<String, Boolean> ways = new LinkedHashMap<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          ways.put(rs.getString(1), rs.getBoolean(2));
        }
      }
      return ways;
    }
  }

  @Test
  @DisplayName(
      "when the one statement fails with an error, the notes go the usual way: acked, delivered, stored, none lost")
  void aFailingStatementFallsBack() throws SQLException {
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient b = WsClient.hello(port, boardId, bruno.token(), null)) {
      acked(a, a.op("note.add", note("custody:issues", "First: the usual way, as always")));
      // the database refuses the one statement (its text begins so), and only it
      SharedDb.execute(
          """
          create function pb_test_refuse_one_trip() returns trigger language plpgsql as $$
          begin
            if current_query() like 'with input as%' then
              raise exception 'refused by OneTripNotesTest';
            end if;
            return new;
          end $$;
          create trigger pb_test_refuse_one_trip before insert on note
            for each row execute function pb_test_refuse_one_trip();""");
      List<JsonObject> acks = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          acks.add(
              acked(a, a.op("note.add", note("custody:issues", "Refused once, kept anyway " + i))));
        }
      } finally {
        SharedDb.execute(
            "drop trigger pb_test_refuse_one_trip on note;"
                + " drop function pb_test_refuse_one_trip();");
      }
      b.nextEvent("note.added");
      for (int i = 0; i < 3; i++) {
        JsonObject event = b.nextEvent("note.added");
        assertEquals(acks.get(i).getLong("seq"), event.getLong("seq"));
        assertEquals(
            "Refused once, kept anyway " + i,
            event.getJsonObject("data").getJsonObject("note").getString("text"));
      }
      acked(a, a.op("note.add", note("custody:issues", "After the refusals, one statement again")));
      assertEquals(
          List.of(false, false, false, false, true),
          new ArrayList<>(ways().values()),
          "the refused ones the usual way, the next in one statement");
    }
  }

  @Test
  @DisplayName(
      "once the board has been seen, a participant's notes go in one statement from her first, reach others with the acks' seqs and read back the same")
  void notesGoInOneTrip() throws SQLException {
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient b = WsClient.hello(port, boardId, bruno.token(), null);
        WsClient m = WsClient.hello(port, boardId, moderatorKey, null)) {
      // names shown, so that the events carry the author's name as the statement checked it
      acked(m, m.op("board.settings", new JsonObject().put("anonymous", false)));
      // Bruno's note goes the usual way, which shows the pipeline the board as it now is
      acked(b, b.op("note.add", note("custody:actors", "The guardian ad litem")));
      b.nextEvent("note.added");
      List<JsonObject> acks = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        acks.add(
            acked(
                a,
                a.op(
                    "note.add",
                    note(
                        "custody:issues",
                        "Night shifts " + i + ": one educator for twelve children",
                        "facility"))));
      }
      for (int i = 0; i < 6; i++) {
        JsonObject event = b.nextEvent("note.added");
        assertEquals(acks.get(i).getLong("seq"), event.getLong("seq"));
        JsonObject seen = event.getJsonObject("data").getJsonObject("note");
        assertEquals(acks.get(i).getJsonObject("result").getString("noteId"), seen.getString("id"));
        assertEquals(
            "Night shifts " + i + ": one educator for twelve children", seen.getString("text"));
        assertEquals("Alice", seen.getString("author"), i + ": " + event.encode());
        assertEquals(new JsonArray().add("facility"), seen.getJsonArray("tags"));
        assertEquals(1, seen.getInteger("version"));
      }
      for (int i = 1; i < 6; i++) {
        assertEquals(acks.get(i - 1).getLong("seq") + 1, acks.get(i).getLong("seq"));
      }
      List<Boolean> ways = new ArrayList<>(ways().values());
      // her hello told the pipeline who she is: her first note too goes in one statement
      assertEquals(
          List.of(false, true, true, true, true, true, true), ways, "Bruno's, then all hers");

      JsonObject board = api.get("/api/boards/" + boardId, moderatorKey).json();
      assertEquals(acks.get(5).getLong("seq"), board.getLong("seq"));
      JsonArray notes = board.getJsonArray("notes");
      assertEquals(7, notes.size());
      for (int i = 0; i < 6; i++) {
        JsonObject stored = notes.getJsonObject(i + 1);
        assertEquals(
            acks.get(i).getJsonObject("result").getString("noteId"), stored.getString("id"));
        assertEquals("Alice", stored.getString("author"), stored.encode());
        assertFalse(stored.getBoolean("held", false));
      }
    }
  }

  @Test
  @DisplayName(
      "a participant removed after her hello (by another process) is refused, though her hello told the pipeline of her")
  void removedSinceHelloIsRefused() throws SQLException {
    try (WsClient b = WsClient.hello(port, boardId, bruno.token(), null);
        WsClient a = WsClient.hello(port, boardId, alice.token(), null)) {
      // the board seen as it is, so that only her removal can stop the one statement
      acked(b, b.op("note.add", note("custody:actors", "The guardian ad litem")));
      // as another process's removal would, without this process's pipeline taking part
      SharedDb.execute(
          "update participant set removed_at = now() where id = '" + alice.participantId() + "'");
      JsonObject answer =
          a.answer(a.op("note.add", note("custody:issues", "Written after being removed")));
      assertEquals("error", answer.getString("type"), answer.encode());
      assertEquals("unauthorized", answer.getString("code"), answer.encode());
      assertEquals(List.of(false), new ArrayList<>(ways().values()), "only Bruno's is stored");
    }
  }

  @Test
  @DisplayName(
      "a setting, stage or focus changed since her last note is seen: the note is held, refused or judged afresh")
  void changesSinceTheLastNoteAreSeen() throws SQLException {
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient m = WsClient.hello(port, boardId, moderatorKey, null)) {
      acked(a, a.op("note.add", note("custody:issues", "Placement decided in a hurry")));
      acked(a, a.op("note.add", note("custody:issues", "Nobody explains the decree")));

      acked(m, m.op("board.settings", new JsonObject().put("approveNotes", true)));
      String held =
          acked(a, a.op("note.add", note("custody:issues", "Held until the moderator approves")))
              .getJsonObject("result")
              .getString("noteId");
      JsonObject board = api.get("/api/boards/" + boardId, moderatorKey).json();
      JsonObject stored = null;
      for (Object n : board.getJsonArray("notes")) {
        if (held.equals(((JsonObject) n).getString("id"))) {
          stored = (JsonObject) n;
        }
      }
      assertTrue(
          stored != null && Boolean.TRUE.equals(stored.getBoolean("held")), "held: " + stored);

      acked(m, m.op("board.settings", new JsonObject().put("approveNotes", false)));
      acked(a, a.op("note.add", note("custody:issues", "Not held any more")));
      acked(m, m.op("board.stage", new JsonObject().put("stage", "voting")));
      JsonObject refused = a.answer(a.op("note.add", note("custody:issues", "Too late")));
      assertEquals("error", refused.getString("type"), refused.encode());
      assertEquals("conflict", refused.getString("code"), refused.encode());
      assertTrue(
          ways().values().stream().filter(oneTrip -> oneTrip).count() >= 1,
          "some notes went in one statement: " + ways());
      assertEquals(4, ways().size());
    }
  }

  @Test
  @DisplayName(
      "an op sent again is answered as the first time, and a note id already used is refused, nothing written twice")
  void retriesAndTakenIdsGoTheUsualWay() throws SQLException {
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null)) {
      acked(a, a.op("note.add", note("custody:issues", "First, the usual way")));
      String opId = UUID.randomUUID().toString();
      String noteId = UUID.randomUUID().toString();
      JsonObject data = note("custody:issues", "Sent twice on bad Wi-Fi").put("noteId", noteId);
      a.op(opId, "note.add", data);
      JsonObject first = acked(a, opId);
      a.op(opId, "note.add", data);
      JsonObject again = acked(a, opId);
      assertEquals(first.getLong("seq"), again.getLong("seq"));
      assertEquals(noteId, again.getJsonObject("result").getString("noteId"));

      JsonObject taken =
          a.answer(
              a.op("note.add", note("custody:issues", "Same id, new op").put("noteId", noteId)));
      assertEquals("error", taken.getString("type"), taken.encode());
      assertEquals("conflict", taken.getString("code"), taken.encode());

      Map<String, Boolean> ways = ways();
      assertEquals(2, ways.size(), "two notes: " + ways);
      assertTrue(ways.get(noteId), "the first send went in one statement");
    }
  }

  @Test
  @DisplayName(
      "a participant who keeps sending a used note id is refused each time, and holds nobody else's notes back")
  void reusedIdsHoldNobodyBack() throws SQLException {
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient b = WsClient.hello(port, boardId, bruno.token(), null)) {
      String noteId =
          acked(a, a.op("note.add", note("custody:issues", "The first one")))
              .getJsonObject("result")
              .getString("noteId");
      acked(b, b.op("note.add", note("custody:issues", "Bruno's first, the usual way")));
      List<String> hostile = new ArrayList<>();
      List<String> honest = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        hostile.add(a.op("note.add", note("custody:issues", "Again " + i).put("noteId", noteId)));
        honest.add(b.op("note.add", note("custody:resources", "Bruno's note " + i)));
      }
      for (String opId : honest) {
        acked(b, opId);
      }
      for (String opId : hostile) {
        JsonObject refused = a.answer(opId);
        assertEquals("error", refused.getString("type"), refused.encode());
        assertEquals("conflict", refused.getString("code"), refused.encode());
      }
      Map<String, Boolean> ways = ways();
      assertEquals(14, ways.size(), "one of Alice's, thirteen of Bruno's: " + ways);
    }
  }
}
