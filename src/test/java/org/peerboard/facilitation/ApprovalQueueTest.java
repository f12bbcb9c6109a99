package org.peerboard.facilitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerboard.facilitation.Board.ok;
import static org.peerboard.facilitation.Board.run;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.TestApp;

@DisplayName("The approval queue (approve before showing)")
class ApprovalQueueTest {

  private static JsonObject noteAsModeratorSees(Board board, String noteId) {
    return board
        .api
        .get("/api/boards/" + board.id, board.moderatorKey)
        .json()
        .getJsonArray("notes")
        .stream()
        .map(JsonObject.class::cast)
        .filter(n -> n.getString("id").equals(noteId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName(
      "hiding a held note takes it out of the queue and keeps it off the board; undo puts it back in the queue")
  void hidingLeavesTheQueue() {
    TestApp.shared();
    try (Board board = new Board()) {
      ok(board.moderator, "board.settings", new JsonObject().put("approveNotes", true));
      String noteId =
          board.note(board.a, "leaving:actors", "Full name of the girl we talked about");
      assertTrue(
          noteAsModeratorSees(board, noteId).getBoolean("held", false),
          "a participant's note is held");

      JsonObject event =
          ok(
              board.moderator,
              "note.hide",
              new JsonObject().put("noteId", noteId).put("hidden", true));
      assertEquals("ack", event.getString("type"));
      JsonObject hidden = noteAsModeratorSees(board, noteId);
      assertTrue(hidden.getBoolean("hidden"), "still hidden");
      assertFalse(hidden.getBoolean("held", false), "no longer waiting for approval");
      assertFalse(
          board
              .api
              .get("/api/boards/" + board.id, board.projectorKey)
              .body()
              .contains("Full name"));
      assertFalse(
          board
              .api
              .get("/api/boards/" + board.id, board.bruno.token())
              .body()
              .contains("Full name"));

      ok(board.moderator, "undo", new JsonObject());
      assertTrue(
          noteAsModeratorSees(board, noteId).getBoolean("held", false),
          "undo puts it back in the queue");

      // a participant may not decide, and a second approval of an approved note changes nothing
      // more
      assertEquals(
          "forbidden",
          run(board.b, "note.hide", new JsonObject().put("noteId", noteId).put("hidden", false))
              .getString("code"));
      ok(board.moderator, "note.hide", new JsonObject().put("noteId", noteId).put("hidden", false));
      ok(board.moderator, "note.hide", new JsonObject().put("noteId", noteId).put("hidden", false));
      JsonObject shown = noteAsModeratorSees(board, noteId);
      assertFalse(shown.getBoolean("hidden", false));
      assertFalse(shown.getBoolean("held", false));
      assertTrue(
          board
              .api
              .get("/api/boards/" + board.id, board.projectorKey)
              .body()
              .contains("Full name"));
    }
  }
}
