package org.peerboard.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single failure handler: every error leaves as {@code {"error":{"code","message"}}}, never a
 * stack trace.
 */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {}

  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.response().ended()) {
      // the loser of a race: the answer already went (AnswerDeadline's 503, or the work that
      // finished after it and found the answer written); nothing more may be written
      LOG.debug(
          "A failure after the answer on {} {}: {}",
          ctx.request().method(),
          ctx.request().path(),
          String.valueOf(failure));
      return;
    }
    if (ctx.response().headWritten()) {
      // half an answer cannot be finished: the connection goes, so the client does not wait
      LOG.warn(
          "A failure during the answer on {} {}; connection closed",
          ctx.request().method(),
          ctx.request().path(),
          failure);
      ctx.request().connection().close();
      return;
    }
    if (failure == null) {
      ErrorCode code = ErrorCode.ofStatus(ctx.statusCode());
      send(
          ctx,
          code.status(),
          code,
          ctx.statusCode() == 404 ? "error.notFound" : "error.invalidShape");
      return;
    }
    Failures.Failure classified = Failures.classify(failure);
    if (!classified.expected()) {
      LOG.error(
          "Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      send(ctx, 500, classified.code(), classified.messageKey());
      return;
    }
    int status =
        failure instanceof HttpException http
                && (http.getStatusCode() == 404 || http.getStatusCode() == 405)
            ? http.getStatusCode()
            : classified.code().status();
    send(
        ctx,
        status,
        classified.code(),
        classified.messageKey(),
        failure instanceof Rejection rejection ? rejection.detail() : null);
  }

  /** See {@link Failures#isDatabaseDown}. */
  public static boolean isDatabaseDown(Throwable failure) {
    return Failures.isDatabaseDown(failure);
  }

  private static void send(RoutingContext ctx, int status, ErrorCode code, String messageKey) {
    send(ctx, status, code, messageKey, null);
  }

  private static void send(
      RoutingContext ctx, int status, ErrorCode code, String messageKey, String detail) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    String message =
        Messages.error(Languages.of(ctx), messageKey) + (detail == null ? "" : " " + detail);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(
            new JsonObject()
                .put("error", new JsonObject().put("code", code.wire()).put("message", message))
                .encode());
  }
}
