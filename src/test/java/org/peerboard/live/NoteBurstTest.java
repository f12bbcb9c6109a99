package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A room posting at once. The server commits the notes that arrive together in one transaction
 * (docs/benchmarks.md, scenario e); whatever it batches, each phone must get its own answer, each
 * board gapless seqs, and the database exactly the notes that were acknowledged, in the order of
 * their seqs.
 */
@DisplayName("A burst of notes from many phones on several boards")
class NoteBurstTest {
  private static final int BOARDS = 3;
  private static final int PHONES = 12;
  private static final int NOTES_EACH = 4;

  private final int port = TestApp.shared().port();
  private final Api api = TestApp.api();

  private record Sent(WsClient phone, String opId, String text) {}

  @Test
  @DisplayName(
      "every note is acked once, refused ones alone are refused, and each board's log equals its acks")
  void burst() throws SQLException {
    Api.Workshop workshop = api.workshop("Burst", "A", "B", "C");
    List<List<WsClient>> phones = new ArrayList<>();
    Map<Integer, String> takenNoteId = new HashMap<>();
    try {
      for (int b = 0; b < BOARDS; b++) {
        String boardId = workshop.board(b).getString("id");
        String code = workshop.board(b).getString("joinCode");
        List<WsClient> room = new ArrayList<>();
        for (int p = 0; p < PHONES; p++) {
          room.add(WsClient.hello(port, boardId, api.join(code, "P" + b + "-" + p).token(), null));
        }
        phones.add(room);
        // one note before the burst, so the burst can try to reuse its id
        JsonObject first =
            room.get(0).answer(room.get(0).op("note.add", note("custody:issues", "before " + b)));
        assertEquals("ack", first.getString("type"), first.encode());
        takenNoteId.put(b, first.getJsonObject("result").getString("noteId"));
      }

      List<List<Sent>> good = new ArrayList<>();
      List<List<Sent>> twice = new ArrayList<>();
      List<Sent> refused = new ArrayList<>();
      for (int b = 0; b < BOARDS; b++) {
        good.add(new ArrayList<>());
        twice.add(new ArrayList<>());
      }
      // every frame is written before any answer is read: they reach the server within a few
      // milliseconds
      for (int n = 0; n < NOTES_EACH; n++) {
        for (int b = 0; b < BOARDS; b++) {
          for (int p = 0; p < PHONES; p++) {
            WsClient phone = phones.get(b).get(p);
            String text = "board " + b + " phone " + p + " note " + n;
            good.get(b)
                .add(new Sent(phone, phone.op("note.add", note("custody:issues", text)), text));
          }
          WsClient phone = phones.get(b).get(n % PHONES);
          refused.add(
              new Sent(phone, phone.op("note.add", note("custody:weather", "no such lane")), null));
          refused.add(
              new Sent(
                  phone,
                  phone.op(
                      "note.add",
                      note("custody:issues", "reused id").put("noteId", takenNoteId.get(b))),
                  null));
          String opId = UUID.randomUUID().toString();
          String text = "sent twice " + b + " " + n;
          phone.op(opId, "note.add", note("custody:issues", text));
          phone.op(opId, "note.add", note("custody:issues", text));
          twice.get(b).add(new Sent(phone, opId, text));
        }
      }

      for (Sent sent : refused) {
        JsonObject answer = sent.phone().answer(sent.opId());
        assertEquals("error", answer.getString("type"), answer.encode());
        assertTrue(
            List.of("invalid", "conflict").contains(answer.getString("code")), answer.encode());
      }
      for (int b = 0; b < BOARDS; b++) {
        String boardId = workshop.board(b).getString("id");
        Map<Long, String> textBySeq = new HashMap<>();
        textBySeq.put(1L, "before " + b);
        for (Sent sent : twice.get(b)) {
          JsonObject first = sent.phone().answer(sent.opId());
          JsonObject second = sent.phone().answer(sent.opId());
          assertEquals("ack", first.getString("type"), first.encode());
          assertEquals("ack", second.getString("type"), second.encode());
          assertEquals(
              first.getLong("seq"), second.getLong("seq"), "a retried op id is applied once");
          assertEquals(first.getJsonObject("result"), second.getJsonObject("result"));
          assertEquals(
              null, textBySeq.put(first.getLong("seq"), sent.text()), "two acks with one seq");
        }
        for (Sent sent : good.get(b)) {
          JsonObject ack = sent.phone().answer(sent.opId());
          assertEquals("ack", ack.getString("type"), ack.encode());
          assertEquals(
              null, textBySeq.put(ack.getLong("seq"), sent.text()), "two acks with one seq");
        }
        long head = 1 + (long) PHONES * NOTES_EACH + NOTES_EACH;
        assertEquals(
            LongStream.rangeClosed(1, head).boxed().toList(),
            textBySeq.keySet().stream().sorted().toList());
        JsonObject board =
            api.get("/api/boards/" + boardId, workshop.board(b).getString("moderatorKey")).json();
        assertEquals(head, board.getLong("seq"), "one event per acknowledged note, and no other");

        // every phone of the board saw every seq once, in order, each note as it was posted
        for (WsClient phone : phones.get(b)) {
          List<Long> seqs = new ArrayList<>();
          while (seqs.size() < head) {
            JsonObject event = phone.nextEvent();
            seqs.add(event.getLong("seq"));
            assertEquals(
                textBySeq.get(event.getLong("seq")),
                event.getJsonObject("data").getJsonObject("note").getString("text"));
          }
          assertEquals(LongStream.rangeClosed(1, head).boxed().toList(), seqs);
        }

        // the database holds exactly these notes, listed in the order of their seqs
        List<String> inSeqOrder = LongStream.rangeClosed(1, head).mapToObj(textBySeq::get).toList();
        List<String> listed =
            board.getJsonArray("notes").stream()
                .map(n -> ((JsonObject) n).getString("text"))
                .toList();
        assertEquals(inSeqOrder, listed, "notes are listed in the order they were committed");
      }
      assertTrue(
          transactionsOfTheBurst(workshop) < BOARDS * (PHONES * NOTES_EACH + NOTES_EACH),
          "notes that arrive together are committed together");
    } finally {
      phones.forEach(room -> room.forEach(WsClient::close));
    }
  }

  @Test
  @DisplayName(
      "a note the database refuses fails alone: the notes that arrived with it are committed")
  void oneFailingNoteDoesNotFailItsBatch() throws SQLException {
    Api.Workshop workshop = api.workshop("Poison", "A");
    String boardId = workshop.board(0).getString("id");
    String code = workshop.board(0).getString("joinCode");
    try (Connection db = db()) {
      db.createStatement()
          .execute(
              """
          create or replace function pb_test_refuse() returns trigger language plpgsql as $$
          begin
            if new.text = 'refused by the database' then raise exception 'refused for the test'; end if;
            return new;
          end $$""");
      db.createStatement()
          .execute(
              "create trigger pb_test_refuse before insert on note for each row "
                  + "execute function pb_test_refuse()");
      List<WsClient> room = new ArrayList<>();
      try {
        for (int p = 0; p < 8; p++) {
          room.add(WsClient.hello(port, boardId, api.join(code, "P" + p).token(), null));
        }
        List<Sent> sent = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
          for (int p = 0; p < room.size(); p++) {
            WsClient phone = room.get(p);
            String text =
                p == 3 && round == 1 ? "refused by the database" : "round " + round + " phone " + p;
            sent.add(new Sent(phone, phone.op("note.add", note("custody:issues", text)), text));
          }
        }
        int acked = 0;
        for (Sent s : sent) {
          JsonObject answer = s.phone().answer(s.opId());
          if (s.text().equals("refused by the database")) {
            assertEquals("error", answer.getString("type"), answer.encode());
          } else {
            assertEquals("ack", answer.getString("type"), answer.encode());
            acked++;
          }
        }
        JsonObject board =
            api.get("/api/boards/" + boardId, workshop.board(0).getString("moderatorKey")).json();
        assertEquals(acked, board.getJsonArray("notes").size());
        assertEquals(acked, board.getLong("seq"));
        for (WsClient phone : room) {
          List<JsonObject> events = phone.eventsWithin(Duration.ofMillis(300));
          assertEquals(
              LongStream.rangeClosed(1, acked).boxed().toList(),
              events.stream().map(e -> e.getLong("seq")).toList());
        }
      } finally {
        room.forEach(WsClient::close);
        db.createStatement().execute("drop trigger pb_test_refuse on note");
        db.createStatement().execute("drop function pb_test_refuse()");
      }
    }
  }

  @Test
  @DisplayName(
      "a refused note leaves no trace: its op id sent again with a valid note is judged afresh and acked")
  void refusedOpIdIsJudgedAfresh() {
    Api.Workshop workshop = api.workshop("Afresh", "A");
    String boardId = workshop.board(0).getString("id");
    String code = workshop.board(0).getString("joinCode");
    List<WsClient> room = new ArrayList<>();
    try {
      for (int p = 0; p < 6; p++) {
        room.add(WsClient.hello(port, boardId, api.join(code, "P" + p).token(), null));
      }
      WsClient alone = room.get(0);
      String lone = UUID.randomUUID().toString();
      alone.op(lone, "note.add", note("custody:weather", "refused alone"));
      assertEquals("invalid", alone.answer(lone).getString("code"));
      alone.op(lone, "note.add", note("custody:issues", "accepted alone"));
      assertEquals("ack", alone.answer(lone).getString("type"));

      // the same within a burst, where the refused note shares its transaction with notes that
      // commit
      String inBurst = UUID.randomUUID().toString();
      List<Sent> others = new ArrayList<>();
      for (int p = 1; p < room.size(); p++) {
        others.add(
            new Sent(
                room.get(p),
                room.get(p).op("note.add", note("custody:issues", "other " + p)),
                null));
      }
      alone.op(inBurst, "note.add", note("custody:weather", "refused in a burst"));
      assertEquals("invalid", alone.answer(inBurst).getString("code"));
      others.forEach(s -> assertEquals("ack", s.phone().answer(s.opId()).getString("type")));
      alone.op(inBurst, "note.add", note("custody:issues", "accepted after the burst"));
      JsonObject ack = alone.answer(inBurst);
      assertEquals("ack", ack.getString("type"), ack.encode());

      JsonObject board =
          api.get("/api/boards/" + boardId, workshop.board(0).getString("moderatorKey")).json();
      assertEquals(ack.getLong("seq"), board.getLong("seq"));
      List<String> listed =
          board.getJsonArray("notes").stream()
              .map(n -> ((JsonObject) n).getString("text"))
              .toList();
      assertEquals(7, listed.size(), listed.toString());
      assertEquals("accepted alone", listed.get(0));
      assertEquals(
          List.of("other 1", "other 2", "other 3", "other 4", "other 5"),
          listed.subList(1, 6).stream().sorted().toList());
      assertEquals("accepted after the burst", listed.get(6));
    } finally {
      room.forEach(WsClient::close);
    }
  }

  /**
   * How many transactions wrote the burst's events (each row's xmin is the transaction that wrote
   * it).
   */
  private static long transactionsOfTheBurst(Api.Workshop workshop) throws SQLException {
    try (Connection db = db();
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "select count(distinct e.xmin::text) from board_event e join board b on b.id = e.board_id "
                        + "where b.workshop_id = '"
                        + workshop.id()
                        + "' and e.seq > 1")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  @DisplayName(
      "a moderator's ops that arrive with a burst of notes get their own answers; a refused one fails alone")
  void otherOpsShareTheBurst() {
    Api.Workshop workshop = api.workshop("Mixed", "A", "B");
    List<WsClient> sockets = new ArrayList<>();
    try {
      List<WsClient> moderators = new ArrayList<>();
      List<List<WsClient>> rooms = new ArrayList<>();
      for (int b = 0; b < 2; b++) {
        String boardId = workshop.board(b).getString("id");
        moderators.add(
            WsClient.hello(port, boardId, workshop.board(b).getString("moderatorKey"), null));
        List<WsClient> room = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
          room.add(
              WsClient.hello(
                  port,
                  boardId,
                  api.join(workshop.board(b).getString("joinCode"), "M" + p).token(),
                  null));
        }
        rooms.add(room);
        sockets.addAll(room);
      }
      sockets.addAll(moderators);
      List<Sent> notes = new ArrayList<>();
      List<Sent> focused = new ArrayList<>();
      List<Sent> refused = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (int b = 0; b < 2; b++) {
          for (WsClient phone : rooms.get(b)) {
            String text = "mixed " + b + " " + round + " " + notes.size();
            notes.add(new Sent(phone, phone.op("note.add", note("custody:issues", text)), text));
          }
          WsClient moderator = moderators.get(b);
          refused.add(
              new Sent(
                  moderator,
                  moderator.op(
                      "cluster.rename",
                      new JsonObject()
                          .put("clusterId", UUID.randomUUID().toString())
                          .put("name", "nessuno")),
                  null));
          focused.add(
              new Sent(
                  moderator, moderator.op("board.focus", new JsonObject().putNull("phase")), null));
        }
      }
      for (Sent sent : refused) {
        JsonObject answer = sent.phone().answer(sent.opId());
        assertEquals("error", answer.getString("type"), answer.encode());
        assertEquals("not_found", answer.getString("code"), answer.encode());
      }
      for (Sent sent : focused) {
        assertEquals("ack", sent.phone().answer(sent.opId()).getString("type"));
      }
      for (Sent sent : notes) {
        assertEquals("ack", sent.phone().answer(sent.opId()).getString("type"));
      }
      // the refused op left no trace: its op id, sent again with an op that may go ahead, is
      // applied
      Sent again = refused.get(0);
      again.phone().op(again.opId(), "board.focus", new JsonObject().putNull("phase"));
      assertEquals("ack", again.phone().answer(again.opId()).getString("type"));
      for (int b = 0; b < 2; b++) {
        long head = notes.size() / 2 + 3 + (b == 0 ? 1 : 0);
        JsonObject board =
            api.get(
                    "/api/boards/" + workshop.board(b).getString("id"),
                    workshop.board(b).getString("moderatorKey"))
                .json();
        assertEquals(head, board.getLong("seq"), "one event per acknowledged op, and no other");
        for (WsClient socket : rooms.get(b)) {
          List<Long> seqs = new ArrayList<>();
          while (seqs.size() < head) {
            seqs.add(socket.nextEvent().getLong("seq"));
          }
          assertEquals(LongStream.rangeClosed(1, head).boxed().toList(), seqs);
        }
      }
    } finally {
      sockets.forEach(WsClient::close);
    }
  }

  private static Connection db() throws SQLException {
    DbSettings settings = TestApp.shared().database();
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }

  private static JsonObject note(String lane, String text) {
    return new JsonObject().put("lane", lane).put("text", text).put("tags", new JsonArray());
  }
}
