package org.peerboard.http;

import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;

/**
 * What a failure means to a client, for HTTP ({@link HttpErrors}) and the socket alike: the error
 * code and the message key. A full database queue is {@code unavailable} and counted ({@link
 * Overload}: one WARN line, no stack trace per request). A failure nobody expected is {@code
 * unavailable} with {@code error.internal}, and the caller logs it.
 */
public final class Failures {
  private Failures() {}

  /**
   * The code and message key of a failure; {@code expected} is false for bugs, which the caller
   * logs.
   */
  public record Failure(ErrorCode code, String messageKey, boolean expected) {}

  public static Failure classify(Throwable failure) {
    if (failure instanceof Rejection rejection) {
      return new Failure(rejection.code(), rejection.messageKey(), true);
    }
    if (failure instanceof HttpException http) {
      int status = http.getStatusCode();
      return new Failure(
          status == 404
              ? ErrorCode.NOT_FOUND
              : status == 405 ? ErrorCode.INVALID : ErrorCode.ofStatus(status),
          status == 404
              ? "error.notFound"
              : status == 413 ? "error.frameTooLarge" : "error.invalidShape",
          true);
    }
    if (failure instanceof DecodeException || failure instanceof IllegalArgumentException) {
      return new Failure(ErrorCode.INVALID, "error.invalidShape", true);
    }
    if (Overload.is(failure)) {
      Overload.note();
      return new Failure(ErrorCode.UNAVAILABLE, "error.unavailable", true);
    }
    if (isDatabaseDown(failure)) {
      return new Failure(ErrorCode.UNAVAILABLE, "error.unavailable", true);
    }
    return new Failure(ErrorCode.UNAVAILABLE, "error.internal", false);
  }

  /**
   * Whether the failure, or one of its causes, says the database cannot be reached: a timeout (the
   * pool's included), a refused, reset or closed connection, or PostgreSQL shutting down (SQLSTATE
   * class 57P).
   */
  public static boolean isDatabaseDown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof SocketException
          || t instanceof ConnectException
          || t instanceof ClosedConnectionException
          || t instanceof ClosedChannelException) {
        return true;
      }
      if (t instanceof PgException pg
          && pg.getSqlState() != null
          && pg.getSqlState().startsWith("57P")) {
        return true;
      }
    }
    return false;
  }
}
