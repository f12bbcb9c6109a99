package org.peerboard.security;

import java.util.UUID;

/**
 * A board's keys, derived rather than stored: the moderator key from the organiser key, the
 * projector key from the moderator key. Bumping a generation (rotation) derives a new key; the old
 * one no longer matches its hash.
 */
public final class BoardKeys {
  private BoardKeys() {}

  public static String moderator(String organiserKey, UUID boardId, int generation) {
    return Keys.derive(
        organiserKey, "moderator:" + boardId + (generation == 0 ? "" : ":" + generation));
  }

  public static String projector(String moderatorKey, int generation) {
    return Keys.derive(moderatorKey, "projector" + (generation == 0 ? "" : ":" + generation));
  }
}
