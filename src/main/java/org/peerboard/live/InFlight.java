package org.peerboard.live;

import io.vertx.core.buffer.Buffer;
import org.peerboard.board.db.Stages;
import org.peerboard.security.TokenBucket;

/** What one socket has in flight; kept beside the {@link Connection}, which the hub owns. */
final class InFlight {
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

  /**
   * A malformed frame (unreadable, binary, too large, a wrong shape) spends the socket's budget of
   * them: past it the socket is closed 1008. A client that follows the protocol never sends one; a
   * flood of them would otherwise be parsed and answered one by one.
   */
  boolean badFrame(Connection c) {
    if (badFrames.tryTake(System.nanoTime())) {
      return true;
    }
    c.close(WsHandler.POLICY_VIOLATION, "too many malformed frames");
    return false;
  }
}
