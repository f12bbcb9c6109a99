package org.peerboard.live;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out in this process. A signal (a local commit or a NOTIFY from any process) makes the board's hub read the
 * log after the last seq it fetched; every socket is then sent the events after the last seq it was sent, in
 * order, so no socket sees a gap or a duplicate. A socket further behind than the recent window reads from the
 * log on its own, without holding up the others.
 */
public final class LiveHub {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);
  private static final int PAGE = 500;
  static final short REMOVED = 4003;
  static final short KEY_ROTATED = 4001;
  static final short BOARD_DELETED = 4004;

  private final BoardStore store;
  private final Map<UUID, BoardHub> boards = new HashMap<>();

  private final io.vertx.core.Vertx vertx;
  private final PresenceShare presenceShare;

  public LiveHub(io.vertx.core.Vertx vertx, BoardStore store, io.vertx.sqlclient.Pool pool) {
    this.vertx = vertx;
    this.store = store;
    this.presenceShare = new PresenceShare(vertx, pool);
    presenceShare.start(this::othersChanged);
  }

  PresenceShare presenceShare() {
    return presenceShare;
  }

  /** Another process's figures for a board changed: this process's sockets of that board hear the new sum. */
  private void othersChanged(UUID boardId) {
    BoardHub hub = boards.get(boardId);
    if (hub != null) {
      presenceSoon(hub);
    }
  }

  /** A socket has been welcomed at {@code sentSeq}; the log's head is {@code head}. */
  void register(Connection c, long head) {
    BoardHub hub = boards.computeIfAbsent(c.actor.boardId(), BoardHub::new);
    hub.sockets.add(c);
    if (hub.head < 0) {
      // a new hub: events committed between the welcome and now may have been notified to nobody
      hub.head = Math.min(head, c.sentSeq);
      fetch(hub);
    } else if (head > hub.head) {
      // the log is ahead of this hub: later events may scrub earlier ones (deletion, redaction, hiding), so the
      // socket waits for the fetch, which then delivers to every socket
      fetch(hub);
    } else {
      deliver(hub, c);
    }
    presenceSoon(hub);
  }

  /** A phone says which phase it is looking at; moderators see how many are in each. */
  void where(Connection c, String phase) {
    if (java.util.Objects.equals(c.phase, phase)) {
      return;
    }
    c.phase = phase;
    BoardHub hub = boards.get(c.actor.boardId());
    if (hub != null) {
      presenceSoon(hub);
    }
  }

  /**
   * Joins, leaves and phase changes are told to the board at most four times a second, always with the latest
   * figures: a join storm of n phones would otherwise cost n²/2 frames.
   */
  private void presenceSoon(BoardHub hub) {
    if (hub.presencePending) {
      return;
    }
    hub.presencePending = true;
    vertx.setTimer(250, id -> {
      hub.presencePending = false;
      if (!hub.sockets.isEmpty()) {
        presence(hub);
      }
    });
  }

  void unregister(Connection c) {
    if (c.actor == null) {
      return;
    }
    BoardHub hub = boards.get(c.actor.boardId());
    if (hub == null) {
      return;
    }
    hub.sockets.remove(c);
    if (hub.sockets.isEmpty()) {
      boards.remove(hub.boardId);
      presenceShare.local(hub.boardId, PresenceShare.Counts.NONE);
    } else {
      presenceSoon(hub);
    }
  }

  /** Something was committed on this board up to {@code seq}. */
  public void signal(UUID boardId, long seq) {
    BoardHub hub = boards.get(boardId);
    if (hub != null && seq > hub.head) {
      fetch(hub);
    }
  }

  /**
   * This process committed an event: when it is the next one the hub expects, it is delivered from memory, saving
   * the read-back from the log; otherwise the hub reads the log as for any signal.
   */
  public void committed(UUID boardId, StoredEvent event) {
    BoardHub hub = boards.get(boardId);
    if (hub == null) {
      return;
    }
    if (hub.fetching || event.seq() != hub.head + 1) {
      signal(boardId, event.seq());
      return;
    }
    hub.remember(new BoardHub.Rendered(event));
    for (Connection c : List.copyOf(hub.sockets)) {
      deliver(hub, c);
    }
  }

  /** The board's workshop was deleted: its sockets in this process are closed with 4004. */
  public void deleted(UUID boardId) {
    BoardHub hub = boards.remove(boardId);
    if (hub != null) {
      presenceShare.local(boardId, PresenceShare.Counts.NONE);
      List.copyOf(hub.sockets).forEach(c -> c.close(BOARD_DELETED, "this board was deleted"));
    }
  }

  /** After the LISTEN connection came back: every board reads what it may have missed. */
  public void signalAll() {
    boards.values().forEach(this::fetch);
  }

  public void closeAll(short code, String reason) {
    // the other processes stop counting this one's sockets now rather than in 30 s
    boards.keySet().forEach(board -> presenceShare.local(board, PresenceShare.Counts.NONE));
    presenceShare.stop();
    boards.values().forEach(hub -> hub.sockets.forEach(c -> c.close(code, reason)));
    boards.clear();
  }

  private void fetch(BoardHub hub) {
    if (hub.fetching) {
      hub.fetchAgain = true;
      return;
    }
    hub.fetching = true;
    hub.fetchAgain = false;
    store.events(hub.boardId, hub.head, Long.MAX_VALUE, PAGE).onComplete(result -> {
      hub.fetching = false;
      if (result.failed()) {
        LOG.warn("Could not read events of board {}: {}", hub.boardId, result.cause().getMessage());
        return;
      }
      List<StoredEvent> events = result.result();
      for (StoredEvent event : events) {
        if (event.seq() == hub.head + 1) {
          hub.remember(new BoardHub.Rendered(event));
        }
      }
      for (Connection c : List.copyOf(hub.sockets)) {
        deliver(hub, c);
      }
      if (hub.fetchAgain || events.size() == PAGE) {
        fetch(hub);
      }
    });
  }

  private void deliver(BoardHub hub, Connection c) {
    if (c.catchingUp || !c.ready() || c.sentSeq >= hub.head) {
      return;
    }
    if (hub.oldestRecent() <= c.sentSeq + 1) {
      while (c.sentSeq < hub.head && !c.closed) {
        send(c, hub.recentAt(c.sentSeq + 1));
      }
      return;
    }
    c.catchingUp = true;
    long upTo = Math.min(hub.head, hub.oldestRecent() == Long.MAX_VALUE ? hub.head : hub.oldestRecent() - 1);
    store.events(hub.boardId, c.sentSeq, upTo, PAGE).onComplete(result -> {
      c.catchingUp = false;
      if (result.failed()) {
        LOG.warn("Catch-up of a socket on board {} failed: {}", hub.boardId, result.cause().getMessage());
        c.close((short) 1011, "catch-up failed, reconnect");
        return;
      }
      for (StoredEvent event : result.result()) {
        if (event.seq() == c.sentSeq + 1 && !c.closed) {
          send(c, new BoardHub.Rendered(event));
        }
      }
      deliver(hub, c);
    });
  }

  /** Sends one event; a removed participant's socket gets the event, then is closed. */
  private void send(Connection c, BoardHub.Rendered rendered) {
    try {
      c.send(rendered.frameFor(c.actor));
    } catch (RuntimeException e) {
      LOG.error("Could not render event {} of board {}; the socket reconnects and reloads", rendered.event.seq(),
          c.actor.boardId(), e);
      c.close((short) 1011, "reload");
      return;
    }
    c.sentSeq = rendered.event.seq();
    if (rendered.event.type().equals("participant.removed") && c.actor.participantId() != null
        && c.actor.participantId().toString().equals(rendered.event.data().getString("participantId"))) {
      c.close(REMOVED, "removed from the board");
    }
    if (rendered.event.type().equals("board.keysRotated")
        && rendered.event.data().getJsonArray("roles").contains(c.actor.role().wire())) {
      c.close(KEY_ROTATED, "this link's key was replaced");
    }
  }

  /** Tells the board's sockets who is on it, in this process and in the others (see {@link PresenceShare}). */
  private void presence(BoardHub hub) {
    PresenceShare.Counts here = hub.counts();
    presenceShare.local(hub.boardId, here);
    PresenceShare.Counts all = here.plus(presenceShare.others(hub.boardId));
    JsonObject presence = new JsonObject()
        .put("type", "presence")
        .put("online", all.online())
        .put("participants", all.participants());
    String frame = presence.encode();
    JsonObject phases = new JsonObject();
    all.phases().forEach(phases::put);
    String forRunners = presence.put("phases", phases).encode();
    hub.sockets.forEach(c -> {
      if (c.ready()) {
        c.send(c.actor.role().runsTheBoard() ? forRunners : frame);
      }
    });
  }
}
