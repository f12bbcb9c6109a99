package org.peerboard.board.model;

/** The answer of a rule: allowed, or rejected with a contract error code and a message key. */
public sealed interface Decision {
  Decision ALLOWED = new Allowed();

  record Allowed() implements Decision {}

  record Rejected(ErrorCode code, String messageKey) implements Decision {}

  static Decision reject(ErrorCode code, String messageKey) {
    return new Rejected(code, messageKey);
  }

  default boolean allowed() {
    return this instanceof Allowed;
  }
}
