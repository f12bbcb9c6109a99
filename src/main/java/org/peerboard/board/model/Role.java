package org.peerboard.board.model;

import java.util.Locale;

/** What a key or token lets its holder do on a board. */
public enum Role {
  PARTICIPANT,
  MODERATOR,
  ORGANISER,
  VIEWER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean runsTheBoard() {
    return this == MODERATOR || this == ORGANISER;
  }
}
