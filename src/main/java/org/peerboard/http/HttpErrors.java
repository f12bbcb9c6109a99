package org.peerboard.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The single failure handler: every error leaves as {@code {"error":{"code","message"}}}, never a stack trace. */
public final class HttpErrors {
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {}

  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ErrorCode code;
    String messageKey;
    if (failure instanceof Rejection rejection && rejection.detail() != null) {
      send(ctx, rejection.code().status(), rejection.code(), rejection.messageKey(), rejection.detail());
      return;
    } else if (failure instanceof Rejection rejection) {
      code = rejection.code();
      messageKey = rejection.messageKey();
    } else if (failure instanceof HttpException http) {
      code = ErrorCode.ofStatus(http.getStatusCode());
      messageKey = http.getStatusCode() == 404 ? "error.notFound" : http.getStatusCode() == 413
          ? "error.frameTooLarge" : "error.invalidShape";
      if (http.getStatusCode() == 404 || http.getStatusCode() == 405) {
        send(ctx, http.getStatusCode(), http.getStatusCode() == 404 ? ErrorCode.NOT_FOUND : ErrorCode.INVALID,
            messageKey);
        return;
      }
    } else if (failure instanceof DecodeException || failure instanceof IllegalArgumentException) {
      code = ErrorCode.INVALID;
      messageKey = "error.invalidShape";
    } else if (Overload.is(failure)) {
      Overload.note();
      code = ErrorCode.UNAVAILABLE;
      messageKey = "error.unavailable";
    } else if (isDatabaseDown(failure)) {
      code = ErrorCode.UNAVAILABLE;
      messageKey = "error.unavailable";
    } else if (failure == null) {
      code = ErrorCode.ofStatus(ctx.statusCode());
      messageKey = ctx.statusCode() == 404 ? "error.notFound" : "error.invalidShape";
    } else {
      LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      send(ctx, 500, ErrorCode.UNAVAILABLE, "error.internal");
      return;
    }
    send(ctx, code.status(), code, messageKey);
  }

  public static boolean isDatabaseDown(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException || t instanceof io.vertx.core.impl.NoStackTraceTimeoutException
          || t instanceof java.net.SocketException) {
        return true;
      }
      if (t instanceof ConnectException || t instanceof io.vertx.core.VertxException
          && String.valueOf(t.getMessage()).contains("closed")) {
        return true;
      }
      if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("57P")) {
        return true;
      }
    }
    return false;
  }

  private static void send(RoutingContext ctx, int status, ErrorCode code, String messageKey) {
    send(ctx, status, code, messageKey, null);
  }

  private static void send(RoutingContext ctx, int status, ErrorCode code, String messageKey, String detail) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    String message = Messages.error(Languages.of(ctx), messageKey) + (detail == null ? "" : " " + detail);
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", new JsonObject().put("code", code.wire()).put("message", message)).encode());
  }
}
