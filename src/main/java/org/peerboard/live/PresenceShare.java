package org.peerboard.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence across PeerBoard processes on one database. Each process tells the others, on
 * PostgreSQL's {@code peerboard_presence} channel, how many sockets and participants it has on each
 * board and in which phases, whenever its own figures change (with the board's presence frame, so
 * at most four times a second) and again every {@link #HEARTBEAT_MS}; every process adds the
 * others' latest figures to its own. Figures not renewed within {@link #EXPIRE_MS} are dropped (a
 * process that died). A process that has heard no other sends only a short hello every {@link
 * #HEARTBEAT_MS}, so a single process costs one notification every 10 s. Presence is ephemeral: a
 * lost notification is made good by the next heartbeat. Called from every live loop and the LISTEN
 * connection's context, so its methods hold its lock (a few calls a second).
 */
final class PresenceShare {
  private static final Logger LOG = LoggerFactory.getLogger(PresenceShare.class);
  static final String CHANNEL = "peerboard_presence";
  static final long HEARTBEAT_MS = 10_000;
  static final long EXPIRE_MS = 3 * HEARTBEAT_MS;

  /**
   * PostgreSQL refuses a notification payload of 8000 bytes or more; phases beyond this are left
   * out.
   */
  private static final int MAX_PAYLOAD = 7_000;

  /** What one process sees of one board. */
  record Counts(int online, int participants, Map<String, Integer> phases) {
    static final Counts NONE = new Counts(0, 0, Map.of());

    Counts plus(Counts other) {
      Map<String, Integer> sum = new HashMap<>(phases);
      other.phases.forEach((phase, n) -> sum.merge(phase, n, Integer::sum));
      return new Counts(online + other.online, participants + other.participants, sum);
    }
  }

  private record Heard(Counts counts, long at) {}

  private final Vertx vertx;
  private final Pool pool;
  private final String self = UUID.randomUUID().toString();

  /** Board, then process: the latest figures each other process sent. */
  private final Map<UUID, Map<String, Heard>> others = new HashMap<>();

  /** Other processes and when each was last heard from. */
  private final Map<String, Long> peers = new HashMap<>();

  /** What this process last told the others about each of its boards. */
  private final Map<UUID, Counts> told = new HashMap<>();

  private Consumer<UUID> changed = board -> {};
  private long timer = -1;

  PresenceShare(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** {@code changed} is told the board whose figures from other processes changed. */
  synchronized void start(Consumer<UUID> changed) {
    this.changed = changed;
    timer = vertx.setPeriodic(HEARTBEAT_MS, id -> heartbeat());
  }

  synchronized void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  /** The sum of the other processes' figures for this board. */
  synchronized Counts others(UUID board) {
    Map<String, Heard> heard = others.get(board);
    if (heard == null) {
      return Counts.NONE;
    }
    long now = System.currentTimeMillis();
    return heard.values().stream()
        .filter(h -> now - h.at() < EXPIRE_MS)
        .map(Heard::counts)
        .reduce(Counts.NONE, Counts::plus);
  }

  /**
   * This process's own figures for a board (NONE once its last socket left); sent when they
   * changed.
   */
  synchronized void local(UUID board, Counts counts) {
    Counts before = told.get(board);
    if (counts.equals(before == null ? Counts.NONE : before)) {
      return;
    }
    if (counts.online() == 0) {
      told.remove(board);
    } else {
      told.put(board, counts);
    }
    if (!peers.isEmpty()) {
      send(board, counts);
    }
  }

  /** A (re)subscription to the channel: say hello, so other processes send their figures. */
  synchronized void hello() {
    notify(new JsonObject().put("p", self).put("hello", true).encode());
  }

  /** A notification from the channel, ours included. */
  synchronized void received(String payload) {
    JsonObject message;
    try {
      message = new JsonObject(payload);
    } catch (DecodeException e) {
      LOG.warn("Ignoring a malformed presence notification");
      return;
    }
    String process = message.getString("p");
    if (process == null || process.equals(self)) {
      return;
    }
    boolean newPeer = !peers.containsKey(process);
    peers.put(process, System.currentTimeMillis());
    if (newPeer || message.getBoolean("hello", false)) {
      // it may know nothing of this process yet: its figures, or a ping so that it counts this
      // process as a peer
      if (told.isEmpty()) {
        notify(new JsonObject().put("p", self).encode());
      } else {
        told.forEach(this::send);
      }
    }
    String board = message.getString("b");
    if (board == null) {
      return;
    }
    try {
      UUID boardId = UUID.fromString(board);
      Map<String, Integer> phases = new HashMap<>();
      JsonObject ph = message.getJsonObject("ph", new JsonObject());
      ph.forEach(e -> phases.put(e.getKey(), ((Number) e.getValue()).intValue()));
      Counts counts = new Counts(message.getInteger("o", 0), message.getInteger("n", 0), phases);
      Map<String, Heard> heard = others.computeIfAbsent(boardId, k -> new HashMap<>());
      if (counts.online() == 0) {
        heard.remove(process);
        if (heard.isEmpty()) {
          others.remove(boardId);
        }
      } else {
        heard.put(process, new Heard(counts, System.currentTimeMillis()));
      }
      changed.accept(boardId);
    } catch (IllegalArgumentException | ClassCastException e) {
      LOG.warn("Ignoring a malformed presence notification: {}", e.getMessage());
    }
  }

  /**
   * Every 10 s: a hello or this process's figures, and the figures of processes gone quiet are
   * dropped.
   */
  private synchronized void heartbeat() {
    long now = System.currentTimeMillis();
    peers.values().removeIf(at -> now - at >= EXPIRE_MS);
    if (peers.isEmpty() || told.isEmpty()) {
      notify(new JsonObject().put("p", self).encode());
    } else {
      told.forEach(this::send);
    }
    Set<UUID> stale = new HashSet<>();
    others.forEach(
        (board, heard) -> {
          if (heard.values().removeIf(h -> now - h.at() >= EXPIRE_MS)) {
            stale.add(board);
          }
        });
    others.values().removeIf(Map::isEmpty);
    stale.forEach(changed);
  }

  private void send(UUID board, Counts counts) {
    JsonObject message =
        new JsonObject()
            .put("p", self)
            .put("b", board.toString())
            .put("o", counts.online())
            .put("n", counts.participants());
    JsonObject phases = new JsonObject();
    int room = MAX_PAYLOAD - message.encode().length() - 10;
    // the busiest phases first; a flood of made-up phase names cannot push the notification over
    // the limit
    List<Map.Entry<String, Integer>> byCount =
        counts.phases().entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
            .toList();
    Map<String, Integer> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> e : byCount) {
      int size = new JsonObject().put(e.getKey(), e.getValue()).encode().length();
      if (size > room) {
        break;
      }
      room -= size;
      kept.put(e.getKey(), e.getValue());
    }
    kept.forEach(phases::put);
    notify(message.put("ph", phases).encode());
  }

  private void notify(String payload) {
    pool.preparedQuery("select pg_notify($1, $2)")
        .execute(Tuple.of(CHANNEL, payload))
        .onFailure(e -> LOG.debug("Could not share presence: {}", e.getMessage()));
  }
}
