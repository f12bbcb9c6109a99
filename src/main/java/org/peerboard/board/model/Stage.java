package org.peerboard.board.model;

import java.util.Locale;
import java.util.Optional;

/** Where a board's session is: collecting notes, clustering them, voting, or closed. */
public enum Stage {
  COLLECTING,
  CLUSTERING,
  VOTING,
  CLOSED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Stage> fromWire(String value) {
    for (Stage stage : values()) {
      if (stage.wire().equals(value)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
