package org.peerboard.live;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.peerboard.board.model.Actor;

/** One open socket: who is on it once they said hello, and the last seq it was sent. */
final class Connection {
  static final short SLOW_CONSUMER = 4008;
  final ServerWebSocket socket;
  Actor actor;
  String language = "en";
  String clientId;
  String phase;
  long sentSeq;
  boolean catchingUp;
  boolean closed;
  boolean helloPending;

  Connection(ServerWebSocket socket) {
    this.socket = socket;
  }

  boolean ready() {
    return actor != null && !closed;
  }

  void send(JsonObject frame) {
    send(frame.encode());
  }

  /** A socket whose peer stopped reading is cut off rather than buffered without end; it catches up on reconnect. */
  void send(String frame) {
    if (closed || socket.isClosed()) {
      closed = true;
      return;
    }
    if (socket.writeQueueFull()) {
      close(SLOW_CONSUMER, "too far behind, reconnect");
      return;
    }
    socket.writeTextMessage(frame);
  }

  void close(short code, String reason) {
    if (!closed) {
      closed = true;
      socket.close(code, reason);
    }
  }
}
