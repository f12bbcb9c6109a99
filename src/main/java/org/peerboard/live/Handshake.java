package org.peerboard.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.i18n.Messages;
import org.peerboard.live.model.ClientMessage;

/**
 * A socket's hello: within the hello budgets, its token resolved to an actor, then a welcome with
 * the board or with the events missed since the seq the client gives. A failed hello closes the
 * socket.
 */
final class Handshake {
  private final Access access;
  private final BoardStore store;
  private final LiveHub hub;
  private final Welcomes welcomes;
  private final LiveBudgets budgets;

  Handshake(Access access, BoardStore store, LiveHub hub, LiveBudgets budgets) {
    this.access = access;
    this.store = store;
    this.hub = hub;
    this.welcomes = new Welcomes(store);
    this.budgets = budgets;
  }

  void hello(Connection c, InFlight inFlight, ClientMessage.Hello hello) {
    if (c.actor != null || c.helloPending) {
      if (inFlight.badFrame(c)) {
        c.error(null, new Rejection(ErrorCode.INVALID, "error.alreadyHello"));
      }
      return;
    }
    if (budgets.helloRefused(inFlight.address, hello.token())) {
      c.error(null, new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited"));
      c.close(WsHandler.POLICY_VIOLATION, "too many hellos, wait a little");
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
              c.error(null, failure);
              c.close(WsHandler.POLICY_VIOLATION, "hello failed");
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
}
