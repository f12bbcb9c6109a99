package org.peerboard.live;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.peerboard.board.model.Actor;

/** One open socket: who is on it once they said hello, and the last seq it was sent. */
final class Connection {
  final ServerWebSocket socket;
  Actor actor;
  String language = "en";
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

  void send(String frame) {
    if (!closed) {
      socket.writeTextMessage(frame);
    }
  }
}
