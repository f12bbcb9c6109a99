package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.peerboard.board.model.BoardEvent;

/**
 * The state change an op made, ready to be logged: its event, the note it is about (so a deletion
 * can scrub its text from the log), what the ack returns, and what undo would restore (or null).
 * {@code before} are events the same op logs ahead of its own (a run-sheet step logs the stage,
 * focus and timer events it sets before {@code board.stepped}); they take the seqs just before the
 * op's, and the ack names the op's own event.
 */
public record Change(
    BoardEvent event, UUID noteId, JsonObject result, JsonObject undo, List<BoardEvent> before) {
  public Change {
    before = before == null ? List.of() : List.copyOf(before);
  }

  public Change(BoardEvent event, UUID noteId, JsonObject result, JsonObject undo) {
    this(event, noteId, result, undo, List.of());
  }

  public Change(BoardEvent event, UUID noteId, JsonObject result) {
    this(event, noteId, result, null, List.of());
  }
}
