package org.peerboard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("Live notes on a board")
class LiveNotesTest {
  private int port;
  private Api api;
  private Api.Workshop workshop;
  private String boardId;
  private Api.Participant alice;
  private Api.Participant bruno;

  @BeforeEach
  void setUp() {
    port = TestApp.shared().port();
    api = TestApp.api();
    workshop = api.workshop("Prato peer to peer", "A", "B");
    boardId = workshop.board(0).getString("id");
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

  @Test
  @DisplayName(
      "a workshop with two groups has two boards, each with its own join code and the care-pathway grid")
  void workshopWithTwoGroups() {
    assertEquals(2, workshop.boards().size());
    assertFalse(
        workshop.board(0).getString("joinCode").equals(workshop.board(1).getString("joinCode")));
    JsonObject board =
        api.get("/api/boards/" + boardId, workshop.board(0).getString("moderatorKey")).json();
    assertEquals(21, board.getJsonArray("lanes").size(), "5 phases x 4 dimensions + improvements");
    assertEquals("collecting", board.getString("stage"));
    assertEquals(0L, board.getLong("seq"));
  }

  @Test
  @DisplayName(
      "when A posts a note, B receives note.added with the seq of A's ack, and A sees it as hers")
  void postIsDeliveredWithTheAckSeq() {
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient b = WsClient.hello(port, boardId, bruno.token(), null)) {
      assertEquals("participant", a.welcome().getString("role"));
      assertEquals(alice.participantId(), a.welcome().getString("participantId"));
      String opId =
          a.op("note.add", note("custody:issues", "Too few educators at night", "facility"));
      JsonObject ack = a.answer(opId);
      assertEquals("ack", ack.getString("type"), ack.encode());
      long seq = ack.getLong("seq");
      String noteId = ack.getJsonObject("result").getString("noteId");

      JsonObject atB = b.nextEvent();
      assertEquals("note.added", atB.getString("event"));
      assertEquals(seq, atB.getLong("seq"));
      JsonObject seenByB = atB.getJsonObject("data").getJsonObject("note");
      assertEquals(noteId, seenByB.getString("id"));
      assertEquals("Too few educators at night", seenByB.getString("text"));
      assertEquals(new JsonArray().add("facility"), seenByB.getJsonArray("tags"));
      assertFalse(seenByB.getBoolean("mine"));
      assertFalse(seenByB.containsKey("authorId"), "the author's id never leaves the server");

      JsonObject atA = a.nextEvent();
      assertEquals(seq, atA.getLong("seq"));
      assertTrue(atA.getJsonObject("data").getJsonObject("note").getBoolean("mine"));
    }
  }

  @Test
  @DisplayName("B reconnecting with since receives exactly the events it missed, in order")
  void catchUpWithSince() {
    long lastSeen;
    try (WsClient b = WsClient.hello(port, boardId, bruno.token(), null)) {
      lastSeen = b.welcome().getLong("seq");
    }
    List<Long> posted;
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null)) {
      posted =
          List.of(
              a.answer(a.op("note.add", note("reporting:actors", "School"))).getLong("seq"),
              a.answer(a.op("note.add", note("reporting:actors", "Paediatrician"))).getLong("seq"),
              a.answer(a.op("note.add", note("leaving:resources", "Housing grant")))
                  .getLong("seq"));
    }
    try (WsClient b = WsClient.hello(port, boardId, bruno.token(), lastSeen)) {
      assertNull(
          b.welcome().getJsonObject("board"), "with a usable since the welcome carries no board");
      assertEquals(posted.get(2), b.welcome().getLong("seq"));
      List<JsonObject> missed = b.eventsWithin(Duration.ofMillis(700));
      assertEquals(posted, missed.stream().map(e -> e.getLong("seq")).toList());
      assertEquals(
          "Paediatrician",
          missed.get(1).getJsonObject("data").getJsonObject("note").getString("text"));
    }
  }

  @Test
  @DisplayName("a since newer than the board's head gets the full board instead")
  void sinceAheadOfHeadGetsTheBoard() {
    try (WsClient b = WsClient.hello(port, boardId, bruno.token(), 9_999L)) {
      assertEquals(0L, b.welcome().getLong("seq"));
      assertTrue(b.welcome().getJsonObject("board").getJsonArray("notes").isEmpty());
    }
  }

  @Test
  @DisplayName("a retried opId is applied once and answered with the first ack")
  void retriedOpIdIsAppliedOnce() {
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null)) {
      String opId = UUID.randomUUID().toString();
      a.op(opId, "note.add", note("path:participation", "Care leavers' council"));
      JsonObject first = a.answer(opId);
      a.op(opId, "note.add", note("path:participation", "Care leavers' council"));
      JsonObject second = a.answer(opId);
      assertEquals(first.getLong("seq"), second.getLong("seq"));
      assertEquals(first.getJsonObject("result"), second.getJsonObject("result"));
    }
    JsonObject board = api.get("/api/boards/" + boardId, alice.token()).json();
    assertEquals(1, board.getJsonArray("notes").size());
    assertEquals(1L, board.getLong("seq"));
  }

  @Test
  @DisplayName("B editing, moving or deleting A's note gets forbidden and A's note is unchanged")
  void participantsChangeOnlyTheirOwnNotes() {
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient b = WsClient.hello(port, boardId, bruno.token(), null)) {
      String noteId =
          a.answer(a.op("note.add", note("removal:issues", "Siblings separated")))
              .getJsonObject("result")
              .getString("noteId");
      JsonObject ref = new JsonObject().put("noteId", noteId);
      assertEquals(
          "forbidden",
          b.answer(b.op("note.edit", ref.copy().put("text", "changed"))).getString("code"));
      assertEquals(
          "forbidden",
          b.answer(b.op("note.move", ref.copy().put("lane", "improvements"))).getString("code"));
      assertEquals("forbidden", b.answer(b.op("note.delete", ref)).getString("code"));

      JsonObject stored = onlyNote(api.get("/api/boards/" + boardId, alice.token()).json());
      assertEquals("Siblings separated", stored.getString("text"));
      assertEquals("removal:issues", stored.getString("lane"));
      assertEquals(1, stored.getInteger("version"));
    }
  }

  @Test
  @DisplayName(
      "A edits, moves and deletes her own note; everyone sees each change, and the text leaves the log")
  void authorChangesHerNote() {
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient b = WsClient.hello(port, boardId, bruno.token(), null)) {
      String noteId =
          a.answer(a.op("note.add", note("custody:resources", "Mentor", "foster")))
              .getJsonObject("result")
              .getString("noteId");
      JsonObject ref = new JsonObject().put("noteId", noteId);
      a.answer(
          a.op(
              "note.edit",
              ref.copy()
                  .put("text", "Peer mentor")
                  .put("tags", new JsonArray())
                  .put("version", 1)));
      assertEquals(
          "conflict",
          a.answer(a.op("note.edit", ref.copy().put("text", "stale").put("version", 1)))
              .getString("code"),
          "a stale version is a conflict");
      a.answer(a.op("note.move", ref.copy().put("lane", "improvements")));
      a.answer(a.op("note.delete", ref));

      List<String> seenByB =
          List.of(b.nextEvent(), b.nextEvent(), b.nextEvent(), b.nextEvent()).stream()
              .map(e -> e.getString("event"))
              .toList();
      assertEquals(List.of("note.added", "note.edited", "note.moved", "note.deleted"), seenByB);
    }
    try (WsClient late = WsClient.hello(port, boardId, bruno.token(), 0L)) {
      List<JsonObject> replay = late.eventsWithin(Duration.ofMillis(500));
      assertEquals(4, replay.size());
      replay.forEach(
          e -> {
            JsonObject n = e.getJsonObject("data").getJsonObject("note");
            assertTrue(
                n == null || !n.containsKey("text"),
                "deleted text is never replayed: " + e.encode());
          });
    }
  }

  @Test
  @DisplayName("the moderator may edit and delete any note; the projector key may only read")
  void moderatorAndViewerRights() {
    String moderatorKey = workshop.board(0).getString("moderatorKey");
    String projectorKey = workshop.board(0).getString("projectorKey");
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient m = WsClient.hello(port, boardId, moderatorKey, null);
        WsClient p = WsClient.hello(port, boardId, projectorKey, null)) {
      assertEquals("moderator", m.welcome().getString("role"));
      assertEquals("viewer", p.welcome().getString("role"));
      String noteId =
          a.answer(a.op("note.add", note("leaving:issues", "No housing at 18")))
              .getJsonObject("result")
              .getString("noteId");
      JsonObject ref = new JsonObject().put("noteId", noteId);
      assertEquals(
          "forbidden", p.answer(p.op("note.add", note("leaving:issues", "x"))).getString("code"));
      assertEquals("forbidden", p.answer(p.op("note.delete", ref)).getString("code"));
      assertEquals(
          "ack",
          m.answer(m.op("note.edit", ref.copy().put("text", "No housing at 18 (typo fixed)")))
              .getString("type"));
      JsonObject byModerator =
          m.answer(m.op("note.add", note("leaving:issues", "From the paper sheet")));
      assertEquals("ack", byModerator.getString("type"));
      assertEquals("ack", m.answer(m.op("note.delete", ref)).getString("type"));
      List<JsonObject> projected = p.eventsWithin(Duration.ofMillis(500));
      assertEquals(
          List.of("note.added", "note.edited", "note.added", "note.deleted"),
          projected.stream().map(e -> e.getString("event")).toList());
      assertTrue(
          projected.get(2).getJsonObject("data").getJsonObject("note").getBoolean("byModerator"));
    }
  }

  @Test
  @DisplayName("notes of one group never reach the other group's board")
  void boardsAreSeparate() {
    Api.Participant other = api.join(workshop.board(1).getString("joinCode"), "Carla");
    try (WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient c = WsClient.hello(port, other.boardId(), other.token(), null)) {
      a.answer(a.op("note.add", note("reporting:issues", "Late reports")));
      assertTrue(c.eventsWithin(Duration.ofMillis(500)).isEmpty());
    }
  }

  private static JsonObject onlyNote(JsonObject board) {
    JsonArray notes = board.getJsonArray("notes");
    assertEquals(1, notes.size());
    return notes.getJsonObject(0);
  }
}
