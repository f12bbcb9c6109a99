package org.peerboard.board.model;

import java.util.Locale;
import java.util.Optional;

/** What the moderator does to the countdown. */
public enum TimerAction {
  START,
  PAUSE,
  RESUME,
  ADD,
  STOP;

  public static Optional<TimerAction> fromWire(String value) {
    for (TimerAction action : values()) {
      if (action.name().toLowerCase(Locale.ROOT).equals(value)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }
}
