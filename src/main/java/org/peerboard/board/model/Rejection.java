package org.peerboard.board.model;

/**
 * A request turned down with a contract error code; the message key is looked up in the user's
 * language.
 */
public final class Rejection extends RuntimeException {
  private final ErrorCode code;
  private final String messageKey;
  private final String detail;

  public Rejection(ErrorCode code, String messageKey) {
    this(code, messageKey, null);
  }

  /**
   * {@code detail} is added to the translated message as it is, e.g. the list of problems in a
   * template.
   */
  public Rejection(ErrorCode code, String messageKey, String detail) {
    super(code.wire() + ": " + messageKey, null, false, false);
    this.code = code;
    this.messageKey = messageKey;
    this.detail = detail;
  }

  public String detail() {
    return detail;
  }

  public static Rejection of(Decision.Rejected rejected) {
    return new Rejection(rejected.code(), rejected.messageKey());
  }

  /** Throws when the decision is a rejection; returns quietly when allowed. */
  public static void check(Decision decision) {
    if (decision instanceof Decision.Rejected rejected) {
      throw of(rejected);
    }
  }

  public ErrorCode code() {
    return code;
  }

  public String messageKey() {
    return messageKey;
  }
}
