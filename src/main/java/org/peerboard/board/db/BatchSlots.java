package org.peerboard.board.db;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The pipeline's batch slots, shared fairly. A board whose op other than {@code note.add} was in a
 * slow batch (its ops touch a long log, or its moderator keeps heavy ops in flight) is marked slow
 * for a minute (a burst of notes costs the same per note on any board, and marks nobody); batches
 * of slow boards travel apart from the others and hold at most half the slots, so however many
 * boards, workshops or board sets are slow at once, the other half stays free for everyone else.
 * Touched only from the pipeline's context.
 */
final class BatchSlots {
  /** Batches being committed at once, each on its own connection. */
  static final int MAX_IN_FLIGHT = 4;

  /** Of those, batches of slow boards at most. */
  static final int SLOW_SLOTS = MAX_IN_FLIGHT / 2;

  /** A batch that took longer marks its boards slow. */
  static final long SLOW_MILLIS = 500;

  /** For how long a board stays marked after its last slow batch. */
  static final long SLOW_FOR_NANOS = 60_000_000_000L;

  /** Boards marked at most (the oldest marks are dropped first when there are more). */
  static final int MARKED = 10_000;

  private int inFlight;
  private int slowInFlight;
  private final Map<UUID, Long> slowUntil = new HashMap<>();

  /** Whether another batch may start at all. */
  boolean free() {
    return inFlight < MAX_IN_FLIGHT;
  }

  /** Whether a batch of slow boards may start now. */
  boolean slowFree() {
    return free() && slowInFlight < SLOW_SLOTS;
  }

  /** Whether this board's recent batches were slow. */
  boolean slow(UUID board, long nowNanos) {
    Long until = slowUntil.get(board);
    if (until == null) {
      return false;
    }
    if (until - nowNanos < 0) {
      slowUntil.remove(board);
      return false;
    }
    return true;
  }

  void started(boolean slowBatch) {
    inFlight++;
    if (slowBatch) {
      slowInFlight++;
    }
  }

  /**
   * A batch ended after {@code millis}: its slot is free again, and when it was slow {@code heavy}
   * (the boards with an op other than {@code note.add} in it) are marked slow.
   */
  void finished(boolean slowBatch, Collection<UUID> heavy, long millis, long nowNanos) {
    inFlight--;
    if (slowBatch) {
      slowInFlight--;
    }
    if (millis >= SLOW_MILLIS) {
      if (slowUntil.size() >= MARKED) {
        slowUntil.values().removeIf(until -> until - nowNanos < 0);
      }
      if (slowUntil.size() < MARKED) {
        heavy.forEach(board -> slowUntil.put(board, nowNanos + SLOW_FOR_NANOS));
      }
    }
  }

  int inFlight() {
    return inFlight;
  }

  int slowInFlight() {
    return slowInFlight;
  }
}
