package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;

/** One entry of a board's event log, as stored: full data, to be cut down per viewer before it is sent. */
public record StoredEvent(long seq, String type, JsonObject data, String actorId, String actorRole, OffsetDateTime at) {}
