package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The answer to an applied op: the seq of its event and what it created; {@code replay} when it ran
 * before. A new op also carries its event as stored, so this process can deliver it without reading
 * it back from the log, and the events it logged ahead of it ({@code before}, see {@link Change}).
 */
public record OpResult(
    long seq, JsonObject result, boolean replay, StoredEvent event, List<StoredEvent> before) {
  public OpResult {
    before = before == null ? List.of() : List.copyOf(before);
  }

  public OpResult(long seq, JsonObject result, boolean replay, StoredEvent event) {
    this(seq, result, replay, event, List.of());
  }
}
