package org.peerboard.live;

import java.util.concurrent.TimeUnit;
import org.peerboard.Config;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.Stages;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.live.model.ClientMessage;

/**
 * A socket's ops after hello: within its budgets they go to the store, and each is answered by an
 * ack after commit or by an error.
 */
final class SocketOps {
  private static final long OP_TIMEOUT_SECONDS = 10;

  /**
   * Refusals in a row after which a socket is closed (1008): no real client sends on through a
   * hundred {@code rate_limited} answers, and answering a flood frame by frame would cost the other
   * boards.
   */
  static final int REFUSALS_BEFORE_CLOSE = 100;

  private final BoardStore store;
  private final LiveHub hub;
  private final Config.Defences defences;
  private final LiveBudgets budgets;

  SocketOps(BoardStore store, LiveHub hub, Config.Defences defences, LiveBudgets budgets) {
    this.store = store;
    this.hub = hub;
    this.defences = defences;
    this.budgets = budgets;
  }

  void op(Connection c, InFlight inFlight, ClientMessage.OpRequest request) {
    if (!c.ready() || c.helloPending) {
      c.error(request.opId().toString(), new Rejection(ErrorCode.UNAUTHORIZED, "error.helloFirst"));
      return;
    }
    if (inFlight.ops >= defences.pendingOpsPerSocket()) {
      refuse(c, inFlight, request, "error.tooManyPending");
      return;
    }
    if (budgets.opRefused(c.actor)) {
      refuse(c, inFlight, request, "error.rateLimited");
      return;
    }
    inFlight.refusedInARow = 0;
    if (budgets.noteRefused(c.actor, request.op())) {
      c.error(
          request.opId().toString(), new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited"));
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
                c.error(request.opId().toString(), result.cause());
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
      c.close(WsHandler.POLICY_VIOLATION, "too many requests, slow down");
      return;
    }
    c.error(request.opId().toString(), new Rejection(ErrorCode.RATE_LIMITED, messageKey));
  }
}
