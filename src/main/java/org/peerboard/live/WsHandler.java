package org.peerboard.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.peerboard.Config;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.Stages;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Failures;
import org.peerboard.i18n.Messages;
import org.peerboard.live.model.ClientMessage;
import org.peerboard.security.Limiter;
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
  private static final long OP_TIMEOUT_SECONDS = 10;

  /**
   * Beyond this much unsent data (after the kernel's buffers) a socket is cut off and catches up on
   * reconnect.
   */
  static final int WRITE_QUEUE_BYTES = 256 * 1024;

  private final Access access;
  private final BoardStore store;
  private final LiveHub hub;
  private final int maxFrameBytes;

  private final Limiter<UUID> notesPerParticipant;
  private final Vertx vertx;
  private final Config.Defences defences;

  /**
   * Every op counts against its token's budget: a participant's, or a larger one for a board's
   * runner key.
   */
  private final Limiter<String> opsPerParticipant;

  private final Limiter<String> opsPerRunner;
  private final Limiter<String> hellosPerToken;

  /** Hellos from one address: a NAT of phones reconnecting fits, a storm of tokens does not. */
  private final Limiter<String> hellosPerAddress;

  /** Participants' new notes per board, whoever posts them: many tokens cannot flood one board. */
  private final Limiter<UUID> notesPerBoard;

  private final Config.Budgets budgets;
  private final Welcomes welcomes;

  /** What one socket has in flight; kept beside the {@link Connection}, which the hub owns. */
  private static final class InFlight {
    int ops;

    /**
     * Ops refused over budget since the last one accepted: a client that keeps sending through them
     * is cut off.
     */
    int refusedInARow;

    long helloTimer = -1;

    /** The fragments of an unfinished message, never more than the message limit in all. */
    Buffer partial;

    boolean partialBinary;

    /** Closes the socket when an unfinished message is not finished in time. */
    long partialTimer = -1;

    /** Malformed frames this socket may still send (refilled over the minute), then 1008. */
    TokenBucket badFrames;

    String address;

    /** When the last frame was read, for {@link Stages} (bench only). */
    long readNanos;
  }

  /**
   * Refusals in a row after which a socket is closed (1008): no real client sends on through a
   * hundred {@code rate_limited} answers, and answering a flood frame by frame would cost the other
   * boards.
   */
  static final int REFUSALS_BEFORE_CLOSE = 100;

  /** Frames' codes for a close: the message is too big, or fragments came out of order. */
  static final short MESSAGE_TOO_BIG = 1009;

  static final short PROTOCOL_ERROR = 1002;

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
    this.welcomes = new Welcomes(store);
    this.hellosPerAddress =
        new Limiter<>(
            budgets.hellosPerAddressPerMinute(), budgets.hellosPerAddressPerMinute() / 60.0);
    this.notesPerBoard =
        new Limiter<>(budgets.notesPerBoardPerMinute(), budgets.notesPerBoardPerMinute() / 60.0);
    this.access = access;
    this.store = store;
    this.hub = hub;
    this.maxFrameBytes = maxFrameBytes;
    this.defences = defences;
    this.notesPerParticipant = new Limiter<>(notesPerMinute, notesPerMinute / 60.0);
    this.opsPerParticipant = new Limiter<>(defences.opsPerMinute(), defences.opsPerMinute() / 60.0);
    this.opsPerRunner =
        new Limiter<>(defences.runnerOpsPerMinute(), defences.runnerOpsPerMinute() / 60.0);
    this.hellosPerToken =
        new Limiter<>(defences.hellosPerMinute(), defences.hellosPerMinute() / 60.0);
  }

  /** Forgets tokens that are within their limits again; called once a minute. */
  public void sweepLimits() {
    notesPerParticipant.sweep();
    opsPerParticipant.sweep();
    opsPerRunner.sweep();
    hellosPerToken.sweep();
    hellosPerAddress.sweep();
    notesPerBoard.sweep();
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

  /**
   * A malformed frame (unreadable, binary, too large, a wrong shape) spends the socket's budget of
   * them: past it the socket is closed 1008. A client that follows the protocol never sends one; a
   * flood of them would otherwise be parsed and answered one by one.
   */
  private boolean badFrame(Connection c, InFlight inFlight) {
    if (inFlight.badFrames.tryTake(System.nanoTime())) {
      return true;
    }
    c.close(POLICY_VIOLATION, "too many malformed frames");
    return false;
  }

  private void deliver(Connection c, InFlight inFlight, boolean binary, Buffer message) {
    if (binary) {
      if (badFrame(c, inFlight)) {
        error(c, null, new Rejection(ErrorCode.INVALID, "error.invalidFrame"));
      }
    } else {
      onText(c, inFlight, message.toString(StandardCharsets.UTF_8));
    }
  }

  private void onText(Connection c, InFlight inFlight, String frame) {
    if (frame.length() > maxFrameBytes
        || (frame.length() * 3L > maxFrameBytes
            && frame.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes)) {
      if (badFrame(c, inFlight)) {
        error(c, null, new Rejection(ErrorCode.INVALID, "error.frameTooLarge"));
      }
      return;
    }
    ClientMessage message;
    try {
      message = FrameParser.parse(frame);
    } catch (FrameParser.BadFrame bad) {
      if (badFrame(c, inFlight)) {
        error(c, bad.opId(), bad.rejection());
      }
      return;
    }
    if (Stages.ON && message instanceof ClientMessage.OpRequest request) {
      Stages.begin(request.opId(), inFlight.readNanos);
    }
    if (message instanceof ClientMessage.Hello hello) {
      hello(c, inFlight, hello);
    } else if (message instanceof ClientMessage.Where where) {
      if (c.ready()) {
        hub.where(c, where.phase());
      }
    } else {
      op(c, inFlight, (ClientMessage.OpRequest) message);
    }
  }

  private void hello(Connection c, InFlight inFlight, ClientMessage.Hello hello) {
    if (c.actor != null || c.helloPending) {
      if (badFrame(c, inFlight)) {
        error(c, null, new Rejection(ErrorCode.INVALID, "error.alreadyHello"));
      }
      return;
    }
    if (!hellosPerAddress.tryTake(inFlight.address)
        || (hello.token() != null && !hellosPerToken.tryTake(hello.token()))) {
      error(c, null, new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited"));
      c.close(POLICY_VIOLATION, "too many hellos, wait a little");
      return;
    }
    c.helloPending = true;
    c.language = Messages.language(hello.lang());
    c.clientId = hello.clientId() != null ? hello.clientId() : UUID.randomUUID().toString();
    access
        .resolve(hello.boardId(), hello.token())
        .compose(
            actor -> {
              c.actor = actor;
              return hello.since() == null
                  ? welcomeWithBoard(c)
                  : welcomeWithEvents(c, hello.since());
            })
        .onFailure(
            failure -> {
              c.actor = null;
              error(c, null, failure);
              c.close(POLICY_VIOLATION, "hello failed");
            });
  }

  private Future<Void> welcomeWithBoard(Connection c) {
    String participantId =
        c.actor.participantId() == null ? null : c.actor.participantId().toString();
    return welcomes
        .welcome(c.actor, participantId)
        .map(
            welcome -> {
              c.send(welcome.frame());
              c.sentSeq = welcome.seq();
              c.helloPending = false;
              hub.register(c, welcome.seq());
              return null;
            });
  }

  private Future<Void> welcomeWithEvents(Connection c, long since) {
    return store
        .head(c.actor.boardId())
        .compose(
            head -> {
              if (since > head) {
                return welcomeWithBoard(c);
              }
              c.send(welcome(c, head, null));
              c.sentSeq = since;
              c.helloPending = false;
              hub.register(c, head);
              return Future.succeededFuture();
            });
  }

  private static OutFrame.Welcome welcome(Connection c, long seq, JsonObject board) {
    return new OutFrame.Welcome(
        c.actor.role().wire(),
        c.actor.participantId() == null ? null : c.actor.participantId().toString(),
        seq,
        board);
  }

  private void op(Connection c, InFlight inFlight, ClientMessage.OpRequest request) {
    if (!c.ready() || c.helloPending) {
      error(
          c, request.opId().toString(), new Rejection(ErrorCode.UNAUTHORIZED, "error.helloFirst"));
      return;
    }
    if (inFlight.ops >= defences.pendingOpsPerSocket()) {
      refuse(c, inFlight, request, "error.tooManyPending");
      return;
    }
    if (!withinBudget(c)) {
      refuse(c, inFlight, request, "error.rateLimited");
      return;
    }
    inFlight.refusedInARow = 0;
    if (c.actor.participantId() != null
        && writesNote(request.op())
        && (!notesPerParticipant.tryTake(c.actor.participantId())
            || (request.op() instanceof Op.NoteAdd && !notesPerBoard.tryTake(c.actor.boardId())))) {
      error(
          c, request.opId().toString(), new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited"));
      return;
    }
    // an op that takes longer is answered `unavailable`; if it commits later, a retry with its opId
    // gets the ack
    inFlight.ops++;
    if (Stages.ON) {
      Stages.stamp(request.opId(), Stages.SUBMITTED);
    }
    store
        .apply(c.actor, c.clientId, request.opId(), request.op())
        .timeout(OP_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .onComplete(
            result -> {
              inFlight.ops--;
              if (result.failed()) {
                error(c, request.opId().toString(), result.cause());
                return;
              }
              c.send(
                  new OutFrame.Ack(
                      request.opId().toString(), result.result().seq(), result.result().result()));
              if (Stages.ON) {
                Stages.stamp(request.opId(), Stages.ACKED);
                Stages.finishLater(request.opId(), c.actor.boardId(), result.result().seq());
              }
              // a new event reaches the hub from the pipeline (BoardStore.onCommitted); a
              // replayed op's event was committed before, and is fetched if this hub lacks it
              if (result.result().replay()) {
                hub.signal(c.actor.boardId(), result.result().seq());
              }
            });
  }

  private void refuse(
      Connection c, InFlight inFlight, ClientMessage.OpRequest request, String messageKey) {
    if (++inFlight.refusedInARow > REFUSALS_BEFORE_CLOSE) {
      c.close(POLICY_VIOLATION, "too many requests, slow down");
      return;
    }
    error(c, request.opId().toString(), new Rejection(ErrorCode.RATE_LIMITED, messageKey));
  }

  /**
   * A participant spends their own budget; a board's runners (one key per role) share a larger one.
   */
  private boolean withinBudget(Connection c) {
    if (c.actor.participantId() != null) {
      return opsPerParticipant.tryTake(c.actor.participantId().toString());
    }
    return opsPerRunner.tryTake(c.actor.role().wire() + ":" + c.actor.boardId());
  }

  private static boolean writesNote(Op op) {
    return op instanceof Op.NoteAdd || op instanceof Op.NoteEdit;
  }

  private void error(Connection c, String opId, Throwable failure) {
    Failures.Failure classified = Failures.classify(failure);
    if (!classified.expected()) {
      LOG.error("Unexpected failure on a socket", failure);
    }
    ErrorCode code = classified.code();
    String key = classified.messageKey();
    c.send(new OutFrame.Error(opId, code.wire(), Messages.error(c.language, key)));
  }
}
