package org.peerboard.board.db;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A benchmark's view of where one op's time goes on its way from the socket to the last socket of
 * its board (issue 28): a monotonic time stamp at each stage, logged every ten seconds as the p50 /
 * p99 of each stage since the frame was read. Off unless the JVM runs with {@code
 * -Dpeerboard.stages=true} (read once; every caller tests {@link #ON} first, a constant, so the
 * stamps cost nothing when off). Never for production: it keeps every op of the interval.
 */
public final class Stages {
  private Stages() {}

  public static final boolean ON = Boolean.getBoolean("peerboard.stages");

  /** The stages, in the order an op passes them. */
  public static final int READ = 0;

  public static final int PARSED = 1;
  public static final int SUBMITTED = 2;
  public static final int QUEUED = 3;
  public static final int BATCHED = 4;
  public static final int BEGUN = 5;
  public static final int LOGGED = 6;
  public static final int COMMITTED = 7;
  public static final int HUB = 8;
  public static final int FIRST_WRITE = 9;
  public static final int HOME_WRITTEN = 10;
  public static final int ALL_WRITTEN = 11;
  public static final int ACKED = 12;

  private static final String[] NAMES = {
    "read",
    "parsed",
    "budgets+submitted",
    "on pipeline",
    "batch started",
    "connection+BEGIN",
    "statements done",
    "COMMIT done",
    "on board loop",
    "first socket written",
    "board loop's sockets written",
    "every loop's sockets written",
    "ack written"
  };

  private static final Logger LOG = LoggerFactory.getLogger(Stages.class);
  private static final Map<UUID, long[]> BY_OP = new ConcurrentHashMap<>();
  private static final Map<String, long[]> BY_EVENT = new ConcurrentHashMap<>();
  private static final List<long[]> DONE = new ArrayList<>();
  private static volatile long lastReport = System.nanoTime();

  /** The thread each stage of the last op ran on, to count the hand-overs between threads. */
  private static final String[] THREADS = new String[13];

  /** A new op was read at {@code readNanos} and parsed now. */
  public static void begin(UUID opId, long readNanos) {
    long[] stamps = new long[NAMES.length];
    stamps[READ] = readNanos;
    stamps[PARSED] = System.nanoTime();
    THREADS[PARSED] = Thread.currentThread().getName();
    BY_OP.put(opId, stamps);
  }

  public static void stamp(UUID opId, int stage) {
    long[] stamps = BY_OP.get(opId);
    if (stamps != null && stamps[stage] == 0) {
      stamps[stage] = System.nanoTime();
      THREADS[stage] = Thread.currentThread().getName();
    }
  }

  /** The op was logged as {@code seq} of {@code board}: the fan-out finds its stamps by that. */
  static void logged(UUID opId, UUID board, long seq) {
    long[] stamps = BY_OP.get(opId);
    if (stamps != null) {
      BY_EVENT.put(board + ":" + seq, stamps);
    }
  }

  /** The stamps of the op that was logged as this event, or null. */
  public static long[] of(UUID board, long seq) {
    return BY_EVENT.get(board + ":" + seq);
  }

  public static void stamp(long[] stamps, int stage) {
    if (stamps != null) {
      stamps[stage] = System.nanoTime();
      THREADS[stage] = Thread.currentThread().getName();
    }
  }

  /** Stamps {@code stage} now unless a later time is stamped there already (another thread's). */
  public static synchronized void latest(long[] stamps, int stage) {
    if (stamps != null) {
      stamps[stage] = Math.max(stamps[stage], System.nanoTime());
    }
  }

  /** The op is done with: its ack and the fan-out's last write are both stamped. */
  public static void finishLater(UUID opId, UUID board, long seq) {
    long[] stamps = BY_OP.remove(opId);
    if (stamps == null) {
      return;
    }
    // the fan-out may still be running on other loops: keep it a little, report it next time
    synchronized (DONE) {
      DONE.add(stamps);
    }
    long now = System.nanoTime();
    if (now - lastReport > 10_000_000_000L) {
      lastReport = now;
      report();
    }
    if (BY_EVENT.size() > 10_000) {
      BY_EVENT.clear();
    }
  }

  private static void report() {
    List<long[]> all;
    synchronized (DONE) {
      all = new ArrayList<>(DONE);
      DONE.clear();
    }
    if (all.isEmpty()) {
      return;
    }
    StringBuilder line =
        new StringBuilder("Stages of " + all.size() + " ops, ms since read p50/p99:");
    for (int stage = 1; stage < NAMES.length; stage++) {
      long[] since = new long[all.size()];
      int n = 0;
      for (long[] s : all) {
        if (s[stage] != 0) {
          since[n++] = s[stage] - s[READ];
        }
      }
      if (n == 0) {
        continue;
      }
      long[] sorted = Arrays.copyOf(since, n);
      Arrays.sort(sorted);
      line.append(
          String.format(
              " | %s %.2f/%.2f",
              NAMES[stage],
              sorted[n / 2] / 1e6,
              sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6));
    }
    LOG.info("{}; threads: {}", line, String.join(", ", THREADS));
    if (DUMP != null) {
      dump(all);
    }
  }

  /**
   * With {@code -Dpeerboard.stagesDump=<file>}, every op's stamps are appended to that file, one
   * CSV line per op: the read's time in ms since the JVM started (to set against {@code -Xlog:gc}'s
   * uptime), then each stage in ms since the read (empty when not stamped).
   */
  private static final String DUMP = System.getProperty("peerboard.stagesDump");

  private static final long JVM_START =
      System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;

  private static void dump(List<long[]> all) {
    StringBuilder out = new StringBuilder();
    for (long[] s : all) {
      out.append(String.format(Locale.ROOT, "%.3f", (s[READ] - JVM_START) / 1e6));
      for (int stage = 1; stage < NAMES.length; stage++) {
        out.append(',');
        if (s[stage] != 0) {
          out.append(String.format(Locale.ROOT, "%.3f", (s[stage] - s[READ]) / 1e6));
        }
      }
      out.append('\n');
    }
    try {
      Files.writeString(Path.of(DUMP), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("Stages could not be written to {}: {}", DUMP, e.toString());
    }
  }
}
