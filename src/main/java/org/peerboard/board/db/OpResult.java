package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;

/**
 * The answer to an applied op: the seq of its event and what it created; {@code replay} when it ran
 * before. A new op also carries its event as stored, so this process can deliver it without reading
 * it back from the log.
 */
public record OpResult(long seq, JsonObject result, boolean replay, StoredEvent event) {}
