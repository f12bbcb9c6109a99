package org.peerboard.board.model;

/** The {@code version} an op names to guard against a stale change: a whole number from 1. */
public final class Versions {
  private Versions() {}

  /** The version as sent (null when the op names none), or {@code invalid}. */
  public static Integer of(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.floor(n.doubleValue())
        || n.longValue() < 1
        || n.longValue() > Integer.MAX_VALUE) {
      throw new Rejection(ErrorCode.INVALID, "error.invalidShape");
    }
    return n.intValue();
  }
}
