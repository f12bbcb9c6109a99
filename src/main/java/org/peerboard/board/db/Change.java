package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.peerboard.board.model.BoardEvent;

/**
 * The state change an op made, ready to be logged: its event, the note it is about (so a deletion
 * can scrub its text from the log), what the ack returns, and what undo would restore (or null).
 */
public record Change(BoardEvent event, UUID noteId, JsonObject result, JsonObject undo) {
  public Change(BoardEvent event, UUID noteId, JsonObject result) {
    this(event, noteId, result, null);
  }
}
