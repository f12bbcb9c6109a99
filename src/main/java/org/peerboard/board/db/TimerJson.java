package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.peerboard.board.model.Timer;

/**
 * The timer between the board row and what clients get: an end time and the server's now, to count
 * down to.
 */
final class TimerJson {
  private TimerJson() {}

  static Timer read(JsonObject json) {
    if (json == null || json.isEmpty()) {
      return null;
    }
    String endsAt = json.getString("endsAt");
    return new Timer(
        endsAt == null ? null : Instant.parse(endsAt),
        json.getLong("remaining", 0L),
        json.getBoolean("running", false));
  }

  static JsonObject write(Timer timer) {
    if (timer == null) {
      return null;
    }
    return new JsonObject()
        .put("endsAt", timer.endsAt() == null ? null : timer.endsAt().toString())
        .put("remaining", timer.remainingSeconds())
        .put("running", timer.running());
  }

  /**
   * {@code {endsAt, serverNow, running, remaining}}: clients correct their clock by serverNow, so
   * no drift.
   */
  static JsonObject view(JsonObject stored, Instant now) {
    if (stored == null || stored.isEmpty()) {
      return null;
    }
    JsonObject view = stored.copy().put("serverNow", now.toString());
    if (stored.getBoolean("running", false) && stored.getString("endsAt") != null) {
      long left = Duration.between(now, Instant.parse(stored.getString("endsAt"))).toSeconds();
      view.put("remaining", Math.max(0, left));
    }
    return view;
  }
}
