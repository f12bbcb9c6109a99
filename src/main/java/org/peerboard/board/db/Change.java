package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * The state change an op made, ready to be logged: the event and its full data, the note it is about (so a
 * deletion can scrub its text from the log), what the ack returns, and what undo would restore (or null).
 */
public record Change(String event, JsonObject data, UUID noteId, JsonObject result, JsonObject undo) {
  public Change(String event, JsonObject data, UUID noteId, JsonObject result) {
    this(event, data, noteId, result, null);
  }
}
