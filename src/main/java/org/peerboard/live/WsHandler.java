package org.peerboard.live;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Failures;
import org.peerboard.i18n.Messages;
import org.peerboard.live.model.ClientMessage;
import org.peerboard.security.Limiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol of one socket: hello, then welcome with the board or the missed events, then ops answered by an
 * ack after commit or an error. A bad frame gets an error and the socket stays open; a failed hello closes it.
 */
public final class WsHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WsHandler.class);
  public static final short POLICY_VIOLATION = 1008;
  private static final long OP_TIMEOUT_SECONDS = 10;
  /** Beyond this much unsent data (after the kernel's buffers) a socket is cut off and catches up on reconnect. */
  static final int WRITE_QUEUE_BYTES = 256 * 1024;

  private final Access access;
  private final BoardStore store;
  private final LiveHub hub;
  private final int maxFrameBytes;

  private final Limiter<java.util.UUID> notesPerParticipant;

  public WsHandler(Access access, BoardStore store, LiveHub hub, int maxFrameBytes, int notesPerMinute) {
    this.access = access;
    this.store = store;
    this.hub = hub;
    this.maxFrameBytes = maxFrameBytes;
    this.notesPerParticipant = new Limiter<>(notesPerMinute, notesPerMinute / 60.0);
  }

  /** Forgets participants who are within their limits again; called once a minute. */
  public void sweepLimits() {
    notesPerParticipant.sweep();
  }

  public void accept(ServerWebSocket socket) {
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    Connection c = new Connection(socket, io.vertx.core.Vertx.currentContext());
    socket.textMessageHandler(frame -> onText(c, frame));
    socket.binaryMessageHandler(frame -> error(c, null, new Rejection(ErrorCode.INVALID, "error.invalidFrame")));
    socket.closeHandler(v -> {
      c.closed = true;
      hub.unregister(c);
    });
    socket.exceptionHandler(e -> LOG.debug("socket error: {}", e.getMessage()));
  }

  private void onText(Connection c, String frame) {
    if (frame.length() > maxFrameBytes || (frame.length() * 3L > maxFrameBytes
        && frame.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxFrameBytes)) {
      error(c, null, new Rejection(ErrorCode.INVALID, "error.frameTooLarge"));
      return;
    }
    ClientMessage message;
    try {
      message = FrameParser.parse(frame);
    } catch (FrameParser.BadFrame bad) {
      error(c, bad.opId(), bad.rejection());
      return;
    }
    if (message instanceof ClientMessage.Hello hello) {
      hello(c, hello);
    } else if (message instanceof ClientMessage.Where where) {
      if (c.ready()) {
        hub.where(c, where.phase());
      }
    } else {
      op(c, (ClientMessage.OpRequest) message);
    }
  }

  private void hello(Connection c, ClientMessage.Hello hello) {
    if (c.actor != null || c.helloPending) {
      error(c, null, new Rejection(ErrorCode.INVALID, "error.alreadyHello"));
      return;
    }
    c.helloPending = true;
    c.language = Messages.language(hello.lang());
    c.clientId = hello.clientId() != null ? hello.clientId() : java.util.UUID.randomUUID().toString();
    access.resolve(hello.boardId(), hello.token())
        .compose(actor -> {
          c.actor = actor;
          return hello.since() == null ? welcomeWithBoard(c) : welcomeWithEvents(c, hello.since());
        })
        .onFailure(failure -> {
          c.actor = null;
          error(c, null, failure);
          c.close(POLICY_VIOLATION, "hello failed");
        });
  }

  private Future<Void> welcomeWithBoard(Connection c) {
    return store.snapshot(c.actor).map(board -> {
      long seq = board.getLong("seq");
      c.send(welcome(c, seq, board));
      c.sentSeq = seq;
      c.helloPending = false;
      hub.register(c, seq);
      return null;
    });
  }

  private Future<Void> welcomeWithEvents(Connection c, long since) {
    return store.head(c.actor.boardId()).compose(head -> {
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
    return new OutFrame.Welcome(c.actor.role().wire(),
        c.actor.participantId() == null ? null : c.actor.participantId().toString(), seq, board);
  }

  private void op(Connection c, ClientMessage.OpRequest request) {
    if (!c.ready() || c.helloPending) {
      error(c, request.opId().toString(), new Rejection(ErrorCode.UNAUTHORIZED, "error.helloFirst"));
      return;
    }
    if (c.actor.participantId() != null && writesNote(request.op())
        && !notesPerParticipant.tryTake(c.actor.participantId())) {
      error(c, request.opId().toString(), new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited"));
      return;
    }
    // an op that takes longer is answered `unavailable`; if it commits later, a retry with its opId gets the ack
    store.apply(c.actor, c.clientId, request.opId(), request.op()).timeout(OP_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .onComplete(result -> {
          if (result.failed()) {
            error(c, request.opId().toString(), result.cause());
            return;
          }
          c.send(new OutFrame.Ack(request.opId().toString(), result.result().seq(), result.result().result()));
          if (result.result().event() != null) {
            hub.committed(c.actor.boardId(), result.result().event());
          } else {
            hub.signal(c.actor.boardId(), result.result().seq());
          }
        });
  }

  private static boolean writesNote(org.peerboard.board.model.Op op) {
    return op instanceof org.peerboard.board.model.Op.NoteAdd || op instanceof org.peerboard.board.model.Op.NoteEdit;
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
