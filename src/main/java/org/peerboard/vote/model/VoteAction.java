package org.peerboard.vote.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a moderator does to a round: {@code vote.close}, {@code vote.reveal} or {@code vote.reopen}.
 */
public enum VoteAction {
  CLOSE,
  REVEAL,
  REOPEN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<VoteAction> fromWire(String value) {
    for (VoteAction action : values()) {
      if (action.wire().equals(value)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  /** The round's status after the action. */
  public RoundStatus next() {
    return switch (this) {
      case CLOSE -> RoundStatus.CLOSED;
      case REVEAL -> RoundStatus.REVEALED;
      case REOPEN -> RoundStatus.OPEN;
    };
  }
}
