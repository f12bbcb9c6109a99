package org.peerboard.export.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;

/**
 * A response written while the export is read: each flush sends what the format wrote so far, and
 * waits for the client to drain when its write queue is full, so a slow client slows the read
 * instead of filling memory.
 */
final class Download {
  private final HttpServerResponse response;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
  private volatile boolean gone;
  private Promise<Void> drained;

  Download(HttpServerResponse response, String contentType, String filename) {
    this.response = response;
    response
        .setChunked(true)
        .putHeader("Content-Type", contentType)
        .putHeader("Content-Disposition", disposition(filename))
        .putHeader("Cache-Control", "no-store");
    response.closeHandler(
        v -> {
          gone = true;
          if (drained != null) {
            drained.tryFail("client went away");
          }
        });
    response.drainHandler(
        v -> {
          if (drained != null) {
            drained.tryComplete();
          }
        });
  }

  ByteArrayOutputStream out() {
    return buffer;
  }

  Future<Void> flush() {
    if (gone) {
      return Future.failedFuture("client went away");
    }
    if (buffer.size() == 0) {
      return Future.succeededFuture();
    }
    Buffer chunk = Buffer.buffer(buffer.toByteArray());
    buffer.reset();
    response.write(chunk);
    if (!response.writeQueueFull()) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    return drained.future();
  }

  static String disposition(String filename) {
    return "attachment; filename=\"" + filename + "\"";
  }
}
