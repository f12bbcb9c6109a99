package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.Visibility;

/**
 * One entry of a board's event log, as stored: full data, to be cut down per viewer before it is
 * sent. {@code type} and {@code data} are the log's columns; {@link #event} is the typed event and
 * {@link #dataFor} the wire's {@code data} for one viewer.
 */
public record StoredEvent(
    long seq, String type, JsonObject data, String actorId, String actorRole, OffsetDateTime at) {
  /** The event a change was just logged as, with the seq and time the log gave it. */
  static StoredEvent logged(
      long seq, BoardEvent event, JsonObject data, Actor actor, OffsetDateTime at) {
    return new StoredEvent(seq, event.name(), data, actorId(event, actor), actor.role().wire(), at);
  }

  /** The participant the log names as the event's actor: none for runners and anonymous events. */
  static String actorId(BoardEvent event, Actor actor) {
    return actor.participantId() == null || !event.keepsActor()
        ? null
        : actor.participantId().toString();
  }

  /** The typed event, decoded from the data as it is now (after any patch of the log). */
  public BoardEvent event() {
    return EventCodec.decode(type, data);
  }

  /**
   * The event's {@code data} as this viewer may see it ({@link Visibility#of}), ready for the wire.
   */
  public JsonObject dataFor(Actor viewer) {
    return dataFor(event(), viewer);
  }

  /**
   * The {@code data} of an event already decoded (and perhaps patched since) as this viewer may see
   * it.
   */
  public static JsonObject dataFor(BoardEvent event, Actor viewer) {
    return EventCodec.encode(Visibility.of(event, viewer));
  }
}
