package org.peerboard.live;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import org.peerboard.board.db.OnLoop;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.http.Failures;
import org.peerboard.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open socket: who is on it once they said hello, and the last seq it was sent. The socket
 * belongs to the event loop that accepted it ({@link #context}): it is written and closed only
 * there. Its board's hub may run on another loop; that loop owns {@link #sentSeq}, {@link
 * #catchingUp} and {@link #phase} once the socket is registered.
 */
final class Connection {
  /** WsHandler's: a failure on a socket is logged under the name of the socket protocol. */
  private static final Logger LOG = LoggerFactory.getLogger(WsHandler.class);

  static final short SLOW_CONSUMER = 4008;

  /**
   * Larger frames go through Vert.x's own text path, which splits them at the server's frame size.
   */
  private static final int ONE_FRAME = 64 * 1024;

  final ServerWebSocket socket;
  final Context context;

  /** The event loop (thread) of {@link #context}, to tell loops apart cheaply in a fan-out. */
  final Object loop;

  Actor actor;
  String language = "en";
  String clientId;
  String phase;
  long sentSeq;
  boolean catchingUp;
  volatile boolean closed;
  boolean helloPending;

  Connection(ServerWebSocket socket, Context context) {
    this.socket = socket;
    this.context = context;
    this.loop = OnLoop.loopOf(context);
  }

  boolean ready() {
    return actor != null && !closed;
  }

  /** A frame for this socket alone (welcome, ack, error), encoded here. */
  void send(OutFrame frame) {
    send(frame.encode());
  }

  /**
   * Answers a failure with an error frame in this socket's language; an unexpected one is logged.
   */
  void error(String opId, Throwable failure) {
    Failures.Failure classified = Failures.classify(failure);
    if (!classified.expected()) {
      LOG.error("Unexpected failure on a socket", failure);
    }
    ErrorCode code = classified.code();
    String key = classified.messageKey();
    send(new OutFrame.Error(opId, code.wire(), Messages.error(language, key)));
  }

  /**
   * Writes an encoded frame, on this socket's loop (now when called there, otherwise handed over to
   * it).
   */
  void send(Buffer frame) {
    OnLoop.run(context, () -> write(frame));
  }

  /**
   * A socket whose peer stopped reading is cut off rather than buffered without end; it catches up
   * on reconnect. The buffer may be shared by a thousand sockets: each write wraps it in a frame of
   * its own without copying or encoding it again. Vert.x 5 has no public text frame made from a
   * buffer ({@code WebSocketFrame.textFrame} takes a String and encodes it per call), hence its
   * frame class; its buffers are never released, so sharing is safe.
   */
  void write(Buffer frame) {
    if (closed || socket.isClosed()) {
      closed = true;
      return;
    }
    if (socket.writeQueueFull()) {
      close(SLOW_CONSUMER, "too far behind, reconnect");
      return;
    }
    if (frame.length() > ONE_FRAME) {
      socket.writeTextMessage(frame.toString(StandardCharsets.UTF_8));
    } else {
      socket.writeFrame(
          new WebSocketFrameImpl(
              WebSocketFrameType.TEXT, ((BufferInternal) frame).getByteBuf(), true));
    }
  }

  /** Closes the socket, on its own loop. */
  void close(short code, String reason) {
    if (!OnLoop.here(context)) {
      context.runOnContext(v -> close(code, reason));
      return;
    }
    if (!closed) {
      closed = true;
      socket.close(code, reason);
    }
  }
}
