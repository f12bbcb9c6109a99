package org.peerboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the kernel's I/O pressure ({@code /proc/pressure/io}, the "full" line: time during which
 * every task that had work to do was waiting on the disk) every 50 ms during a run. Windows where
 * that time is 10 ms or more are joined into episodes, so that slow acks can be set against them: a
 * commit waits for its WAL flush, and while the disk holds the flush every op waits with it.
 */
final class DiskStalls implements AutoCloseable {
  private static final Path PRESSURE = Path.of("/proc/pressure/io");
  private static final long SAMPLE_MS = 50;
  private static final long WINDOW_STALLED_MS = 10;

  /**
   * From the first stalled window's start to the last one's end, wall clock, and the time all tasks
   * were stalled.
   */
  record Episode(long fromMillis, long toMillis, double stalledMs) {}

  private final List<Episode> episodes = new ArrayList<>();
  private final Thread thread;
  private final long startMillis = System.currentTimeMillis();
  private volatile long endMillis;
  private volatile boolean stop;
  private final boolean available = Files.isReadable(PRESSURE);

  DiskStalls() {
    thread = new Thread(this::watch, "disk-stall-watch");
    thread.setDaemon(true);
    if (available) {
      thread.start();
    }
  }

  private void watch() {
    try {
      long before = fullMicros();
      long beforeAt = System.currentTimeMillis();
      Episode open = null;
      while (!stop) {
        Thread.sleep(SAMPLE_MS);
        long now = fullMicros();
        long at = System.currentTimeMillis();
        double stalled = (now - before) / 1000.0;
        if (stalled >= WINDOW_STALLED_MS) {
          open =
              open == null
                  ? new Episode(beforeAt, at, stalled)
                  : new Episode(open.fromMillis(), at, open.stalledMs() + stalled);
        } else if (open != null) {
          add(open);
          open = null;
        }
        before = now;
        beforeAt = at;
      }
      if (open != null) {
        add(open);
      }
    } catch (IOException e) {
      System.out.println("  could not read " + PRESSURE + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void add(Episode episode) {
    episodes.add(episode);
  }

  /** The cumulative microseconds of full I/O stall since boot. */
  private static long fullMicros() throws IOException {
    for (String line : Files.readAllLines(PRESSURE)) {
      if (line.startsWith("full")) {
        return Long.parseLong(line.substring(line.indexOf("total=") + 6).trim());
      }
    }
    throw new IOException("no 'full' line");
  }

  /** Episodes in which all busy tasks waited on the disk for at least {@code minMs} in all. */
  synchronized List<Episode> episodes(double minMs) {
    return episodes.stream().filter(e -> e.stalledMs() >= minMs).toList();
  }

  /**
   * Whether an episode of at least {@code minMs} overlaps the time from {@code fromMillis} to
   * {@code toMillis}.
   */
  boolean during(long fromMillis, long toMillis, double minMs) {
    return episodes(minMs).stream()
        .anyMatch(e -> e.fromMillis() <= toMillis && e.toMillis() >= fromMillis);
  }

  /**
   * One line: the episodes, how much of the run they covered, and how many of the slow acks fell in
   * one.
   */
  String summary(List<Tracker.SlowAck> slowAcks) {
    if (!available) {
      return "not measured (" + PRESSURE + " is not readable here)";
    }
    List<Episode> big = episodes(50);
    long run = Math.max(1, (endMillis == 0 ? System.currentTimeMillis() : endMillis) - startMillis);
    long covered = big.stream().mapToLong(e -> e.toMillis() - e.fromMillis()).sum();
    double longest = big.stream().mapToDouble(Episode::stalledMs).max().orElse(0);
    long inOne =
        slowAcks.stream()
            .filter(s -> during(s.sentMillis(), s.sentMillis() + s.tookMillis(), 50))
            .count();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%d episode(s) with 50 ms or more of full I/O stall (every busy task waiting on the disk), "
                + "the longest %.0f ms, covering %.1f %% of the run",
            big.size(), longest, 100.0 * covered / run));
    if (!slowAcks.isEmpty()) {
      sb.append(
          String.format(
              "; %d of the %d slow acks were in flight during one", inOne, slowAcks.size()));
    }
    List<String> listed =
        big.stream()
            .limit(40)
            .map(
                e ->
                    Report.clock(Instant.ofEpochMilli(e.fromMillis()))
                        + " ("
                        + Math.round(e.stalledMs())
                        + " ms)")
            .toList();
    if (!listed.isEmpty()) {
      sb.append("; from (UTC): ")
          .append(String.join(", ", listed))
          .append(big.size() > listed.size() ? ", ..." : "");
    }
    return sb.toString();
  }

  @Override
  public void close() {
    endMillis = System.currentTimeMillis();
    stop = true;
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
