package org.peerboard.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.UUID;
import org.peerboard.board.db.BoardStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL's {@code peerboard_events} channel for commits made by any process. It
 * reconnects with a capped backoff, and after every (re)subscription asks each board to read the
 * log, so a dropped LISTEN connection loses no event. The same connection listens on {@code
 * peerboard_presence} ({@link PresenceShare}).
 */
public final class Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
  public static final String CHANNEL = "peerboard_events";

  /**
   * The seq a deletion notifies ({@code db/Erasure}): every process closes that board's sockets
   * with 4004.
   */
  public static final long DELETED = -1;

  private final PgSubscriber subscriber;

  /** {@code origin}: what this process's own NOTIFYs end with ({@link BoardStore#origin}). */
  public Notifier(Vertx vertx, PgConnectOptions options, LiveHub hub, String origin) {
    subscriber =
        PgSubscriber.subscriber(vertx, options)
            .reconnectPolicy(retries -> Math.min(5_000L, 100L * (1L << Math.min(retries, 6))));
    subscriber.closeHandler(v -> LOG.info("LISTEN subscriber closed"));
    subscriber
        .channel(CHANNEL)
        .subscribeHandler(
            v -> {
              LOG.info("Listening for board events (LISTEN {}); catching up every board", CHANNEL);
              hub.signalAll();
            })
        .handler(payload -> onNotify(hub, origin, payload));
    PresenceShare presence = hub.presenceShare();
    subscriber
        .channel(PresenceShare.CHANNEL)
        .subscribeHandler(v -> presence.hello())
        .handler(presence::received);
  }

  public Future<Void> start() {
    return subscriber.connect();
  }

  public Future<Void> stop() {
    return subscriber.close();
  }

  /**
   * {@code board:head:origin} from a commit ({@code BoardSql.LOG_EVENTS}; an older process sends
   * {@code board:head}), {@code board:-1} from a deletion.
   */
  private static void onNotify(LiveHub hub, String origin, String payload) {
    String[] parts = payload.split(":", 3);
    if (parts.length < 2) {
      LOG.warn("Ignoring a malformed notification: {}", payload);
      return;
    }
    try {
      UUID board = UUID.fromString(parts[0]);
      long seq = Long.parseLong(parts[1]);
      if (seq == DELETED) {
        hub.deleted(board);
      } else if (parts.length == 3 && parts[2].equals(origin)) {
        hub.ownCommit(board, seq);
      } else {
        hub.signal(board, seq);
      }
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring a malformed notification: {}", payload);
    }
  }
}
