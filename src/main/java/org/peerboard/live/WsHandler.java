package org.peerboard.live;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.peerboard.Config;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.Stages;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.live.model.ClientMessage;
import org.peerboard.security.TokenBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol of one socket: hello, then welcome with the board or the missed events, then ops
 * answered by an ack after commit or an error. A bad frame gets an error and the socket stays open;
 * a failed hello closes it.
 */
public final class WsHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WsHandler.class);
  public static final short POLICY_VIOLATION = 1008;

  /**
   * Beyond this much unsent data (after the kernel's buffers) a socket is cut off and catches up on
   * reconnect.
   */
  static final int WRITE_QUEUE_BYTES = 256 * 1024;

  /** Frames' codes for a close: the message is too big, or fragments came out of order. */
  static final short MESSAGE_TOO_BIG = 1009;

  static final short PROTOCOL_ERROR = 1002;

  private final LiveHub hub;
  private final int maxFrameBytes;
  private final Vertx vertx;
  private final Config.Defences defences;
  private final Config.Budgets budgets;
  private final LiveBudgets limits;
  private final Handshake handshake;
  private final SocketOps ops;

  public WsHandler(
      Access access, BoardStore store, LiveHub hub, int maxFrameBytes, int notesPerMinute) {
    this(null, access, store, hub, maxFrameBytes, notesPerMinute, Config.Defences.DEFAULTS);
  }

  public WsHandler(
      Vertx vertx,
      Access access,
      BoardStore store,
      LiveHub hub,
      int maxFrameBytes,
      int notesPerMinute,
      Config.Defences defences) {
    this(
        vertx,
        access,
        store,
        hub,
        maxFrameBytes,
        notesPerMinute,
        defences,
        Config.Budgets.DEFAULTS);
  }

  public WsHandler(
      Vertx vertx,
      Access access,
      BoardStore store,
      LiveHub hub,
      int maxFrameBytes,
      int notesPerMinute,
      Config.Defences defences,
      Config.Budgets budgets) {
    this.vertx = vertx;
    this.budgets = budgets;
    this.hub = hub;
    this.maxFrameBytes = maxFrameBytes;
    this.defences = defences;
    this.limits = new LiveBudgets(notesPerMinute, defences, budgets);
    this.handshake = new Handshake(access, store, hub, limits);
    this.ops = new SocketOps(store, hub, defences, limits);
  }

  /** Forgets tokens that are within their limits again; called once a minute. */
  public void sweepLimits() {
    limits.sweep();
  }

  /**
   * Takes a new socket; {@code onClose} runs once when it closes, however it closes (the server's
   * connection slot is given back there).
   */
  public void accept(ServerWebSocket socket, Runnable onClose) {
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    Connection c = new Connection(socket, Vertx.currentContext());
    InFlight inFlight = new InFlight();
    inFlight.address =
        socket.remoteAddress() == null ? "?" : String.valueOf(socket.remoteAddress().hostAddress());
    inFlight.badFrames =
        new TokenBucket(
            budgets.badFramesPerSocket(), budgets.badFramesPerSocket() / 60.0, System.nanoTime());
    socket.frameHandler(frame -> onFrame(c, inFlight, frame));
    socket.closeHandler(
        v -> {
          c.closed = true;
          if (inFlight.helloTimer >= 0 && vertx != null) {
            vertx.cancelTimer(inFlight.helloTimer);
          }
          stopPartialTimer(inFlight);
          hub.unregister(c);
          onClose.run();
        });
    socket.exceptionHandler(e -> LOG.debug("socket error: {}", e.getMessage()));
    if (vertx != null) {
      // a socket that never says hello would hold a descriptor for nothing
      inFlight.helloTimer =
          vertx.setTimer(
              defences.helloTimeoutSeconds() * 1_000L,
              id -> {
                inFlight.helloTimer = -1;
                if (c.actor == null && !c.helloPending && !c.closed) {
                  c.close(POLICY_VIOLATION, "no hello in time");
                }
              });
    }
  }

  /**
   * Puts fragmented messages together with the whole message bounded by {@code
   * PEERBOARD_MAX_FRAME_BYTES}: past it the socket is closed with 1009 and the fragments are
   * dropped, so no client can make a socket hold more.
   */
  private void onFrame(Connection c, InFlight inFlight, WebSocketFrame frame) {
    if (Stages.ON) {
      inFlight.readNanos = System.nanoTime();
    }
    if (c.closed) {
      return; // closed by us: what the peer still sends until its TCP connection ends is dropped
    }
    boolean starts = frame.isText() || frame.isBinary();
    if (!starts && !frame.isContinuation()) {
      return; // ping, pong and close are answered by Vert.x itself
    }
    if (starts == (inFlight.partial != null)) {
      inFlight.partial = null;
      c.close(PROTOCOL_ERROR, "fragments out of order");
      return;
    }
    Buffer data = frame.binaryData();
    int size = data.length() + (inFlight.partial == null ? 0 : inFlight.partial.length());
    if (size > maxFrameBytes) {
      inFlight.partial = null;
      c.close(MESSAGE_TOO_BIG, "message too big");
      return;
    }
    if (starts && frame.isFinal()) {
      deliver(c, inFlight, frame.isBinary(), data);
      return;
    }
    if (starts) {
      inFlight.partial = Buffer.buffer(Math.min(size * 2, maxFrameBytes));
      inFlight.partialBinary = frame.isBinary();
      startPartialTimer(c, inFlight);
    }
    inFlight.partial.appendBuffer(data);
    if (frame.isFinal()) {
      Buffer whole = inFlight.partial;
      inFlight.partial = null;
      stopPartialTimer(inFlight);
      deliver(c, inFlight, inFlight.partialBinary, whole);
    }
  }

  /**
   * A message begun must be finished within the hello timeout, after hello too: a socket holding an
   * unfinished message is closed (1008) rather than keeping its fragments for ever.
   */
  private void startPartialTimer(Connection c, InFlight inFlight) {
    if (vertx == null) {
      return;
    }
    stopPartialTimer(inFlight);
    inFlight.partialTimer =
        vertx.setTimer(
            defences.helloTimeoutSeconds() * 1_000L,
            id -> {
              inFlight.partialTimer = -1;
              if (inFlight.partial != null && !c.closed) {
                inFlight.partial = null;
                c.close(POLICY_VIOLATION, "unfinished message");
              }
            });
  }

  private void stopPartialTimer(InFlight inFlight) {
    if (inFlight.partialTimer >= 0 && vertx != null) {
      vertx.cancelTimer(inFlight.partialTimer);
      inFlight.partialTimer = -1;
    }
  }

  private void deliver(Connection c, InFlight inFlight, boolean binary, Buffer message) {
    if (binary) {
      if (inFlight.badFrame(c)) {
        c.error(null, new Rejection(ErrorCode.INVALID, "error.invalidFrame"));
      }
    } else {
      onText(c, inFlight, message.toString(StandardCharsets.UTF_8));
    }
  }

  private void onText(Connection c, InFlight inFlight, String frame) {
    if (frame.length() > maxFrameBytes
        || (frame.length() * 3L > maxFrameBytes
            && frame.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes)) {
      if (inFlight.badFrame(c)) {
        c.error(null, new Rejection(ErrorCode.INVALID, "error.frameTooLarge"));
      }
      return;
    }
    ClientMessage message;
    try {
      message = FrameParser.parse(frame);
    } catch (FrameParser.BadFrame bad) {
      if (inFlight.badFrame(c)) {
        c.error(bad.opId(), bad.rejection());
      }
      return;
    }
    if (Stages.ON && message instanceof ClientMessage.OpRequest request) {
      Stages.begin(request.opId(), inFlight.readNanos);
    }
    if (message instanceof ClientMessage.Hello hello) {
      handshake.hello(c, inFlight, hello);
    } else if (message instanceof ClientMessage.Where where) {
      if (c.ready()) {
        hub.where(c, where.phase());
      }
    } else {
      ops.op(c, inFlight, (ClientMessage.OpRequest) message);
    }
  }
}
