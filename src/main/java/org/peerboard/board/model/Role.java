package org.peerboard.board.model;

import java.util.Locale;

/** What a key or token lets its holder do on a board. */
public enum Role {
  PARTICIPANT,
  MODERATOR,
  ORGANISER,
  VIEWER;

  /**
   * Its name on the wire and in the database, made once: it is asked for every socket of a fan-out.
   */
  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wire() {
    return wire;
  }

  public boolean runsTheBoard() {
    return this == MODERATOR || this == ORGANISER;
  }
}
