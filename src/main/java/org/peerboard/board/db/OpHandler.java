package org.peerboard.board.db;

import io.vertx.core.Future;
import org.peerboard.board.model.Op;

/**
 * Applies one type of op inside the board's transaction: the rules, the state tables, and the
 * change to log.
 */
@FunctionalInterface
public interface OpHandler<O extends Op> {
  Future<Change> apply(Tx tx, O op);
}
