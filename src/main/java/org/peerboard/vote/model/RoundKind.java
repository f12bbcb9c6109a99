package org.peerboard.vote.model;

import java.util.Locale;
import java.util.Optional;

/** Dot votes (a budget per person, a cap per item) or ratings on criteria from 1 to 5. */
public enum RoundKind {
  DOTS,
  RATING;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RoundKind> fromWire(String value) {
    for (RoundKind kind : values()) {
      if (kind.wire().equals(value)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
