package org.peerboard.board.db;

import io.vertx.core.Future;
import org.peerboard.board.model.Op;

/** A feature's ops, applied inside the board's transaction (see {@link BoardStore#apply}). */
public interface OpHandler {
  /** The change the op makes, or null when the op is not this feature's. */
  Future<Change> apply(Tx tx, Op op);
}
