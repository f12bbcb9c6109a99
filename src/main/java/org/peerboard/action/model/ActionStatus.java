package org.peerboard.action.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an action stands; {@code proposed} until the group agrees to it. */
public enum ActionStatus {
  PROPOSED,
  AGREED,
  IN_PROGRESS,
  DONE,
  DROPPED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the next session should still see it: neither done nor dropped. */
  public boolean open() {
    return this != DONE && this != DROPPED;
  }

  public static Optional<ActionStatus> fromWire(String wire) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
  }
}
