package org.peerboard.board.model;

import java.util.Locale;

/** The error codes of the contract, with the HTTP status each one maps to. */
public enum ErrorCode {
  INVALID(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  CONFLICT(409),
  /**
   * A stage-bound op on a closed board, where its feature's contract names the closed stage itself
   * ({@code note.react}); older ops answer {@code conflict}.
   */
  STAGE_CLOSED(409),
  RATE_LIMITED(429),
  UNAVAILABLE(503),
  /** Joining without {@code "consent": true} (issue 22). */
  CONSENT_REQUIRED(400);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ErrorCode ofStatus(int status) {
    for (ErrorCode code : values()) {
      if (code.status == status) {
        return code;
      }
    }
    return status >= 500 ? UNAVAILABLE : INVALID;
  }
}
