package org.peerboard.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Scenario disk: the floor the machine's disk puts under every durable ack, with no PeerBoard and
 * no PostgreSQL running. Twenty times a second (scenario a's rate) it writes 8 KB in place into a
 * preallocated 16 MB file, as PostgreSQL writes its WAL, and flushes it with {@code fdatasync}
 * ({@link FileChannel#force} without metadata; or with O_DSYNC writes, {@code
 * -Dbench.diskModes=fdatasync,dsync} taking turns), on the file system the benchmark's data
 * directories live on.
 */
final class Disk {
  private Disk() {}

  /**
   * How a flush is made: {@code fdatasync} (PostgreSQL's default on Linux) or {@code dsync}
   * (O_DSYNC writes).
   */
  static final class Probe implements AutoCloseable {
    final String mode;
    final FileChannel channel;
    final Histogram syncs = new Histogram(60_000_000L, 3);
    final List<String> slow = new ArrayList<>();
    long position;

    Probe(Path dir, String mode) throws java.io.IOException {
      this.mode = mode;
      Path file = dir.resolve("probe-" + mode);
      try (FileChannel fill =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        ByteBuffer page = ByteBuffer.allocate(8192);
        for (int i = 0; i < 2048; i++) {
          page.clear();
          fill.write(page, (long) i * 8192);
        }
        fill.force(true);
      }
      channel =
          switch (mode) {
            case "fdatasync" -> FileChannel.open(file, StandardOpenOption.WRITE);
            case "dsync" ->
                FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
            default ->
                throw new IllegalArgumentException(
                    "bench.diskModes: fdatasync or dsync, not " + mode);
          };
    }

    void flush(ByteBuffer page) throws java.io.IOException {
      long t0 = System.nanoTime();
      page.clear();
      channel.write(page, position);
      if (mode.equals("fdatasync")) {
        channel.force(false);
      }
      long micros = (System.nanoTime() - t0) / 1000;
      syncs.recordValue(micros);
      position = (position + 8192) % (16L << 20);
      if (micros >= 100_000 && slow.size() < 100) {
        slow.add(
            Report.clock(Instant.now().minusNanos(micros * 1000)) + " (" + micros / 1000 + " ms)");
      }
    }

    @Override
    public void close() throws java.io.IOException {
      channel.close();
    }
  }

  static Report run() throws Exception {
    Report report = new Report("disk");
    int duration = Opts.integer("duration", 60);
    double rate = Opts.number("rate", 20);
    Path dir = Files.createTempDirectory("peerboard-bench-disk");
    List<Probe> probes = new ArrayList<>();
    try (DiskStalls stalls = new DiskStalls()) {
      for (String mode : Opts.str("diskModes", "fdatasync").split(",")) {
        probes.add(new Probe(dir, mode.trim()));
      }
      ByteBuffer page = ByteBuffer.allocate(8192);
      long interval = (long) (1e9 / rate);
      long start = System.nanoTime();
      long end = start + duration * 1_000_000_000L;
      for (long i = 0; System.nanoTime() < end; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        page.putLong(0, i);
        probes.get((int) (i % probes.size())).flush(page);
      }
      stalls.close();
      for (Probe p : probes) {
        Histogram h = p.syncs;
        report.row(
            "8 KB write + "
                + p.mode
                + ", ms p50 / p99 / p99.9 / max ("
                + h.getTotalCount()
                + " flushes)",
            String.format(
                "%.2f / %.2f / %.2f / %.1f",
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0),
            "-",
            null);
        report.row(
            p.mode + ": flushes of 12 ms or more (a's whole budget for a note) / of 100 ms or more",
            h.getCountBetweenValues(12_000, Long.MAX_VALUE)
                + " / "
                + h.getCountBetweenValues(100_000, Long.MAX_VALUE),
            "-",
            null);
        report.note(
            p.mode
                + ": flushes of 100 ms or more, at (UTC): "
                + (p.slow.isEmpty() ? "none" : String.join(", ", p.slow)));
      }
      report.note(
          String.format(
              "%.0f flushes/s (taking turns between %s) for %d s in %s; no PeerBoard, no "
                  + "PostgreSQL, nothing else of the benchmark running",
              rate, probes.stream().map(p -> p.mode).toList(), duration, dir.getParent()));
      report.note("disk stalls: " + stalls.summary(List.of()));
    } finally {
      for (Probe p : probes) {
        p.close();
        Files.deleteIfExists(dir.resolve("probe-" + p.mode));
      }
      Files.deleteIfExists(dir);
    }
    return report;
  }
}
