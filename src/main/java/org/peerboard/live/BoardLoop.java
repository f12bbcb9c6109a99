package org.peerboard.live;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.OnLoop;
import org.peerboard.board.db.Stages;
import org.peerboard.board.db.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hubs of the boards pinned to one event loop, touched only on that loop. This process's own
 * commits are handed over with their events and told from memory; a NOTIFY from another process
 * makes a board's hub read the log after the last seq it fetched; every socket is then sent the
 * events after the last seq it was sent, in order, so no socket sees a gap or a duplicate. A socket
 * further behind than the recent window reads from the log on its own, without holding up the
 * others. Frames for sockets that another loop serves are handed to that loop in one task per loop
 * and fan-out ({@link Outbox}), in order.
 */
final class BoardLoop {
  private static final Logger LOG = LoggerFactory.getLogger(BoardLoop.class);
  private static final int PAGE = 500;

  /** How long this process's own NOTIFY waits for its events to be handed over (see ownCommit). */
  private static final long OWN_COMMIT_GRACE_MS = 1_000;

  final Context context;
  private final Vertx vertx;
  private final BoardStore store;
  private final PresenceShare presenceShare;
  private final Map<UUID, BoardHub> boards = new HashMap<>();
  private final Outbox outbox;

  BoardLoop(Context context, Vertx vertx, BoardStore store, PresenceShare presenceShare) {
    this.context = context;
    this.vertx = vertx;
    this.store = store;
    this.presenceShare = presenceShare;
    this.outbox = new Outbox(context);
  }

  /**
   * Another process's figures for a board changed: this process's sockets of that board hear the
   * new sum.
   */
  void othersChanged(UUID boardId) {
    BoardHub hub = boards.get(boardId);
    if (hub != null) {
      presenceSoon(hub);
    }
  }

  /** A socket has been welcomed at {@code sentSeq}; the log's head is {@code head}. */
  void register(Connection c, long head) {
    if (c.closed) {
      return;
    }
    BoardHub hub = boards.computeIfAbsent(c.actor.boardId(), BoardHub::new);
    hub.sockets.add(c);
    if (hub.head < 0) {
      // a new hub: events committed between the welcome and now may have been notified to nobody
      hub.head = Math.min(head, c.sentSeq);
      fetch(hub);
    } else if (head > hub.head) {
      // the log is ahead of this hub: later events may scrub earlier ones (deletion, redaction,
      // hiding), so the
      // socket waits for the fetch, which then delivers to every socket
      fetch(hub);
    } else {
      deliver(hub, c);
    }
    presenceSoon(hub);
  }

  /** A phone says which phase it is looking at; moderators see how many are in each. */
  void where(Connection c, String phase) {
    if (Objects.equals(c.phase, phase)) {
      return;
    }
    c.phase = phase;
    BoardHub hub = boards.get(c.actor.boardId());
    if (hub != null) {
      presenceSoon(hub);
    }
  }

  /**
   * Joins, leaves and phase changes are told to the board at most four times a second, always with
   * the latest figures: a join storm of n phones would otherwise cost n²/2 frames.
   */
  private void presenceSoon(BoardHub hub) {
    if (hub.presencePending) {
      return;
    }
    hub.presencePending = true;
    // the timer runs on this loop: it is set from it
    vertx.setTimer(
        250,
        id -> {
          hub.presencePending = false;
          if (!hub.sockets.isEmpty()) {
            presence(hub);
          }
        });
  }

  void unregister(Connection c) {
    BoardHub hub = boards.get(c.actor.boardId());
    if (hub == null || !hub.sockets.remove(c)) {
      return;
    }
    if (hub.sockets.isEmpty()) {
      boards.remove(hub.boardId);
      presenceShare.local(hub.boardId, PresenceShare.Counts.NONE);
    } else {
      presenceSoon(hub);
    }
  }

  /** The board's workshop was deleted: its sockets on this loop are closed with 4004. */
  void deleted(UUID boardId) {
    BoardHub hub = boards.remove(boardId);
    if (hub != null) {
      presenceShare.local(boardId, PresenceShare.Counts.NONE);
      List.copyOf(hub.sockets)
          .forEach(c -> c.close(LiveHub.BOARD_DELETED, "this board was deleted"));
    }
  }

  /** Something was committed on this board up to {@code seq}. */
  void signal(UUID boardId, long seq) {
    BoardHub hub = boards.get(boardId);
    if (hub != null && seq > hub.head) {
      fetch(hub);
    }
  }

  /**
   * This process committed an event (every one it commits comes here, from the pipeline): it is
   * delivered from memory, saving the read-back from the log. While a read is in flight, or when an
   * earlier event (another process's) is missing, it is held, and told in order after the read.
   */
  void committed(UUID boardId, StoredEvent event) {
    BoardHub hub = boards.get(boardId);
    if (hub == null || event.seq() <= hub.head) {
      return;
    }
    hub.held.put(event.seq(), event);
    if (hub.fetching) {
      return;
    }
    long[] stamps = Stages.ON ? Stages.of(boardId, event.seq()) : null;
    if (Stages.ON) {
      Stages.stamp(stamps, Stages.HUB);
      outbox.stamps = stamps;
    }
    boolean gap = !tellHeld(hub);
    deliverAll(hub);
    if (Stages.ON) {
      Stages.stamp(stamps, Stages.HOME_WRITTEN);
      Stages.latest(stamps, Stages.ALL_WRITTEN);
    }
    if (gap) {
      fetch(hub);
    }
  }

  /**
   * This process's own NOTIFY for a board: its events come through {@link #committed}, which may be
   * a moment behind, so the log is not read for them. Should they not have come within a second
   * (which would be a bug), the log is read all the same.
   */
  void ownCommit(UUID boardId, long seq) {
    BoardHub hub = boards.get(boardId);
    if (hub == null || seq <= hub.head) {
      return;
    }
    hub.ownHead = Math.max(hub.ownHead, seq);
    if (!hub.ownCheckPending) {
      checkOwnLater(hub);
    }
  }

  /** In a second, the events notified until now must have been handed over. */
  private void checkOwnLater(BoardHub hub) {
    hub.ownCheckPending = true;
    long expected = hub.ownHead;
    vertx.setTimer(
        OWN_COMMIT_GRACE_MS,
        id -> {
          hub.ownCheckPending = false;
          if (boards.get(hub.boardId) != hub) {
            return;
          }
          if (expected > hub.head && !hub.fetching) {
            LOG.warn(
                "Board {}: events up to {} were notified but not handed over; reading the log",
                hub.boardId,
                expected);
            fetch(hub);
          } else if (hub.ownHead > hub.head) {
            checkOwnLater(hub);
          }
        });
  }

  /**
   * Tells the held events that follow the head, in order; false when some are left behind a gap.
   */
  private static boolean tellHeld(BoardHub hub) {
    hub.held.headMap(hub.head, true).clear();
    while (!hub.held.isEmpty() && hub.held.firstKey() == hub.head + 1) {
      hub.remember(new BoardHub.Rendered(hub.held.pollFirstEntry().getValue()));
    }
    return hub.held.isEmpty();
  }

  /** After the LISTEN connection came back: every board reads what it may have missed. */
  void signalAll() {
    boards.values().forEach(this::fetch);
  }

  /** Closes the sockets of this loop's boards (the server is going away). */
  void closeAll(short code, String reason) {
    // the other processes stop counting this one's sockets now rather than in 30 s
    boards.keySet().forEach(board -> presenceShare.local(board, PresenceShare.Counts.NONE));
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
    store
        .events(hub.boardId, hub.head, Long.MAX_VALUE, PAGE)
        .onComplete(
            result -> {
              hub.fetching = false;
              if (result.failed()) {
                LOG.warn(
                    "Could not read events of board {}: {}",
                    hub.boardId,
                    result.cause().getMessage());
                return;
              }
              List<StoredEvent> events = result.result();
              for (StoredEvent event : events) {
                if (event.seq() == hub.head + 1) {
                  hub.remember(new BoardHub.Rendered(event));
                }
              }
              boolean gap = !tellHeld(hub);
              deliverAll(hub);
              if (hub.fetchAgain || events.size() == PAGE || gap) {
                fetch(hub);
              }
            });
  }

  /**
   * Tells every socket of the board what it has not been sent: first those that other loops serve,
   * whose writes are handed to their loops at once, so that they write while this loop writes its
   * own (issue 28).
   */
  private void deliverAll(BoardHub hub) {
    List<Connection> sockets = List.copyOf(hub.sockets);
    Object here = outbox.homeLoop;
    for (Connection c : sockets) {
      if (c.loop != here) {
        deliver(hub, c);
      }
    }
    outbox.flush();
    boolean first = Stages.ON;
    for (Connection c : sockets) {
      if (c.loop == here) {
        deliver(hub, c);
        if (first) {
          Stages.stamp(outbox.stamps, Stages.FIRST_WRITE);
          first = false;
        }
      }
    }
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
    long upTo =
        Math.min(
            hub.head, hub.oldestRecent() == Long.MAX_VALUE ? hub.head : hub.oldestRecent() - 1);
    store
        .events(hub.boardId, c.sentSeq, upTo, PAGE)
        .onComplete(
            result -> {
              c.catchingUp = false;
              if (result.failed()) {
                LOG.warn(
                    "Catch-up of a socket on board {} failed: {}",
                    hub.boardId,
                    result.cause().getMessage());
                outbox.close(c, (short) 1011, "catch-up failed, reconnect");
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

  /**
   * Sends one event; a removed participant's socket, or one whose key was replaced, gets it, then
   * is closed.
   */
  private void send(Connection c, BoardHub.Rendered rendered) {
    Buffer frame;
    try {
      frame = rendered.frameFor(c.actor);
    } catch (RuntimeException e) {
      LOG.error(
          "Could not render event {} of board {}; the socket reconnects and reloads",
          rendered.seq(),
          c.actor.boardId(),
          e);
      outbox.close(c, (short) 1011, "reload");
      return;
    }
    outbox.send(c, frame);
    c.sentSeq = rendered.seq();
    if (rendered.removes(c.actor)) {
      outbox.close(c, LiveHub.REMOVED, "removed from the board");
    } else if (rendered.rotatesKeyOf(c.actor)) {
      outbox.close(c, LiveHub.KEY_ROTATED, "this link's key was replaced");
    }
  }

  /**
   * Tells the board's sockets who is on it, in this process and in the others (see {@link
   * PresenceShare}).
   */
  private void presence(BoardHub hub) {
    PresenceShare.Counts here = hub.counts();
    presenceShare.local(hub.boardId, here);
    PresenceShare.Counts all = here.plus(presenceShare.others(hub.boardId));
    Buffer frame = new OutFrame.Presence(all.online(), all.participants(), null).encode();
    Buffer forRunners =
        new OutFrame.Presence(all.online(), all.participants(), all.phases()).encode();
    hub.sockets.forEach(
        c -> {
          if (c.ready()) {
            outbox.send(c, c.actor.role().runsTheBoard() ? forRunners : frame);
          }
        });
  }

  /**
   * Writes for sockets of this loop go out at once; those for sockets that other loops serve are
   * collected per loop and handed over in one task when the current fan-out is done, so a thousand
   * sockets on another loop cost that loop one task per event, not a thousand. Tasks run in the
   * order they were handed over, so order holds. Loops are told apart by thread, not by context:
   * every socket has a context of its own (a duplicate of its loop's), and keying by it handed
   * every write over as a task of its own, even on this loop (issue 28).
   */
  static final class Outbox {
    private final Context home;

    /** Per other event loop: a context of that loop to run on, and the writes for it. */
    private final Map<Object, Map.Entry<Context, List<Runnable>>> pending = new HashMap<>();

    /** The stamps of the op being fanned out ({@link Stages}, bench only). */
    long[] stamps;

    /** The event loop the outbox is used on (its board loop's). */
    final Object homeLoop;

    Outbox(Context home) {
      this.home = home;
      this.homeLoop = OnLoop.loopOf(home);
    }

    void send(Connection c, Buffer frame) {
      if (c.loop == homeLoop) {
        c.write(frame);
      } else {
        later(c.context, () -> c.write(frame));
      }
    }

    void close(Connection c, short code, String reason) {
      if (c.loop == homeLoop) {
        c.close(code, reason);
      } else {
        later(c.context, () -> c.close(code, reason));
      }
    }

    private void later(Context loop, Runnable write) {
      if (pending.isEmpty()) {
        home.runOnContext(v -> flush());
      }
      pending
          .computeIfAbsent(OnLoop.loopOf(loop), k -> Map.entry(loop, new ArrayList<>()))
          .getValue()
          .add(write);
    }

    /** Hands the writes collected for other loops to them, one task per loop. */
    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      long[] writing = stamps;
      pending.forEach(
          (loop, writes) ->
              writes
                  .getKey()
                  .runOnContext(
                      v -> {
                        writes.getValue().forEach(Runnable::run);
                        if (Stages.ON) {
                          Stages.latest(writing, Stages.ALL_WRITTEN);
                        }
                      }));
      pending.clear();
    }
  }
}
