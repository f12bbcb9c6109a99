package org.peerboard.vote.model;

import java.util.Locale;

/** Open for ballots, closed (counted but not shown), or revealed (results shown to everyone). */
public enum RoundStatus {
  OPEN,
  CLOSED,
  REVEALED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RoundStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
