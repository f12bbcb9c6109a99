package org.peerboard.bench;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Times each note from the moment its op is written to the socket: until its ack reaches the
 * sender, until each socket of the board gets its {@code note.added}, and until the LAST of them
 * does. Values in microseconds.
 */
final class Tracker {
  private static final class Pending {
    final long sentNanos;
    final int expected;
    final boolean measured;
    final AtomicInteger got = new AtomicInteger();
    final AtomicLong last = new AtomicLong();
    final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    volatile long ackNanos;

    Pending(long sentNanos, int expected, boolean measured) {
      this.sentNanos = sentNanos;
      this.expected = expected;
      this.measured = measured;
    }
  }

  private final ConcurrentHashMap<String, Pending> notes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Pending> ops = new ConcurrentHashMap<>();
  final Recorder toLast = new Recorder(3);
  final Recorder toEach = new Recorder(3);
  final Recorder ack = new Recorder(3);
  final Recorder spread = new Recorder(3);
  final Recorder ackToFirst = new Recorder(3);

  /**
   * Acks slower than this are listed with the time their op was sent, to set them against GC and
   * checkpoints.
   */
  static final long STALL_MICROS = 100_000;

  final java.util.Queue<SlowAck> stalls = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * An ack of {@link #STALL_MICROS} or more: when its op was sent (wall clock) and how long the ack
   * took.
   */
  record SlowAck(long sentMillis, long tookMillis) {
    @Override
    public String toString() {
      return Report.clock(java.time.Instant.ofEpochMilli(sentMillis)) + " (" + tookMillis + " ms)";
    }
  }

  final AtomicLong acked = new AtomicLong();
  final AtomicLong sent = new AtomicLong();
  volatile boolean measuring;

  /**
   * Called just before the op frame is written; {@code expected} is how many sockets should get the
   * event.
   */
  void sending(String opId, String noteId, int expected, long now) {
    Pending p = new Pending(now, expected, measuring);
    if (noteId != null) {
      notes.put(noteId, p);
    }
    ops.put(opId, p);
    sent.incrementAndGet();
  }

  void acked(String opId, long now) {
    Pending p = ops.remove(opId);
    if (p != null) {
      acked.incrementAndGet();
      p.ackNanos = now;
      if (p.measured) {
        long took = micros(now - p.sentNanos);
        ack.recordValue(took);
        if (took >= STALL_MICROS) {
          long sentMillis =
              System.currentTimeMillis() - (System.nanoTime() - p.sentNanos) / 1_000_000;
          stalls.add(new SlowAck(sentMillis, took / 1000));
        }
      }
    }
  }

  void delivered(String noteId, long now) {
    Pending p = notes.get(noteId);
    if (p == null) {
      return;
    }
    if (p.measured) {
      toEach.recordValue(micros(now - p.sentNanos));
    }
    p.last.accumulateAndGet(now, Math::max);
    p.first.accumulateAndGet(now, Math::min);
    if (p.got.incrementAndGet() == p.expected) {
      notes.remove(noteId);
      if (p.measured) {
        toLast.recordValue(micros(p.last.get() - p.sentNanos));
        spread.recordValue(micros(p.last.get() - p.first.get()));
        if (p.ackNanos > 0) {
          ackToFirst.recordValue(micros(Math.max(0, p.first.get() - p.ackNanos)));
        }
      }
    }
  }

  /** The slow acks, at most {@code max} of them, or a line saying there were none. */
  String stallSummary(int max) {
    List<String> all = stalls.stream().map(SlowAck::toString).toList();
    if (all.isEmpty()) {
      return "no ack took " + STALL_MICROS / 1000 + " ms or more";
    }
    return all.size()
        + " ack(s) took "
        + STALL_MICROS / 1000
        + " ms or more, sent at (UTC): "
        + String.join(", ", all.subList(0, Math.min(max, all.size())))
        + (all.size() > max ? ", ..." : "");
  }

  int undelivered() {
    return notes.size();
  }

  int unacked() {
    return ops.size();
  }

  /** Waits until every note reached every socket and every op was acked, or the time is up. */
  void drain(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while ((undelivered() > 0 || unacked() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  static long micros(long nanos) {
    return Math.max(1, nanos / 1_000);
  }

  /** "p50 / p99 / max" in ms. */
  static String ms(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "n/a";
    }
    return String.format(
        "%.1f / %.1f / %.1f",
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getMaxValue() / 1000.0);
  }

  static double p99ms(Histogram h) {
    return h.getValueAtPercentile(99) / 1000.0;
  }
}
