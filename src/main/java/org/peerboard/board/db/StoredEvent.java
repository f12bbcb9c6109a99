package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** One entry of a board's event log, as stored: full data, to be cut down per viewer before it is sent. */
public record StoredEvent(long seq, String type, JsonObject data, String actorId, String actorRole, OffsetDateTime at) {
  /** The event a change was just logged as, with the seq and time the log gave it. */
  static StoredEvent logged(long seq, Change change, org.peerboard.board.model.Actor actor, OffsetDateTime at) {
    return new StoredEvent(seq, change.event(), change.data(),
        actor.participantId() == null ? null : actor.participantId().toString(), actor.role().wire(), at);
  }
}
