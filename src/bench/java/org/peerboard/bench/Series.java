package org.peerboard.bench;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Scenario series (issue 28): builds compared interleaved with the same client, the floor measured
 * in the same run. {@code -Dbench.builds=floor,old=jar:/path/old.jar,new=jar:/path/new.jar} (name =
 * server mode: {@code floor}, {@code jar:<path>}, {@code fork} or {@code inproc} for this tree),
 * {@code -Dbench.rounds=3}; each round runs every build once per {@code -Dbench.seriesLoops} (comma
 * list; {@code default} leaves PEERBOARD_LIVE_LOOPS unset), the builds in a rotated order each
 * round, with scenario a's settings (one board, {@code bench.participants} sockets, {@code
 * bench.rate} notes/s, {@code bench.warmup} s, {@code bench.duration} s counted). While the floor
 * runs, the disk is probed as scenario disk does (8 KB written and {@code fdatasync}ed at the note
 * rate), so each round has its own fsync p99. With {@code -Dbench.seriesE=true} each round also
 * runs e's closed loop at 200 senders (50 boards x 4, each sending its next note when its ack
 * comes; {@code bench.eWarmup} s, default 10, then {@code bench.eDuration} s, default 20, counted)
 * on every build (or those named in {@code bench.eBuilds}), on each loop setting of {@code
 * bench.eLoops} (default: {@code default} only). Prints one table per kind of run and writes them
 * to {@code bench.seriesOut} (default /tmp/series.md), never into docs/benchmarks.md by itself.
 */
final class Series {
  private Series() {}

  record Run(
      String build,
      String loops,
      int round,
      String load,
      String cpu,
      String last,
      String ack,
      String spread,
      String lost,
      double lastP50,
      double lastP99,
      String disk) {}

  static Report run() throws Exception {
    Map<String, String> builds = new LinkedHashMap<>();
    for (String b : Opts.str("builds", "floor,this=fork").split(",")) {
      String[] kv = b.trim().split("=", 2);
      builds.put(kv[0], kv.length == 2 ? kv[1] : kv[0]);
    }
    if (System.getProperty("bench.dbWatch") == null) {
      // the builds are compared as an outside client sees them: no watcher queries the database
      System.setProperty("bench.dbWatch", "false");
    }
    int rounds = Opts.integer("rounds", 3);
    String[] loopsList = Opts.str("seriesLoops", "1,default").split(",");
    boolean withE = Opts.flag("seriesE", false);
    boolean withA = Opts.flag("seriesA", true);
    // -Dbench.eLoops=1,default: the loop settings e runs on (default: the default loops only)
    String[] eLoops = Opts.str("eLoops", "default").split(",");
    // -Dbench.eBuilds=a,b: the builds e runs on (default all)
    List<String> eBuilds =
        Opts.str("eBuilds", "").isBlank() ? List.of() : List.of(Opts.str("eBuilds", "").split(","));
    Path out = Path.of(Opts.str("seriesOut", "/tmp/series.md"));
    List<String> names = new ArrayList<>(builds.keySet());
    List<Run> runs = new ArrayList<>();
    List<String> eRows = new ArrayList<>();
    String started = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    String command = Report.command();
    for (int round = 1; round <= rounds; round++) {
      List<String> order = rotate(names, round - 1);
      if (withA) {
        for (String loops : loopsList) {
          for (String name : order) {
            String mode = builds.get(name);
            System.setProperty("bench.server", mode);
            if (loops.equals("default")) {
              System.clearProperty("bench.loops");
            } else {
              System.setProperty("bench.loops", loops);
            }
            System.out.printf("%n=== round %d, loops %s, %s (%s) ===%n", round, loops, name, mode);
            Disk.Probe probe = null;
            Thread prober = null;
            Histogram[] disk = new Histogram[1];
            if (mode.equals("floor")) {
              Path dir = Files.createTempDirectory("peerboard-bench-disk");
              probe = new Disk.Probe(dir, "fdatasync");
              Disk.Probe p = probe;
              prober = new Thread(() -> disk[0] = probeDisk(p), "disk-probe");
              prober.setDaemon(true);
              prober.start();
            }
            Live.run("a", 1, Opts.integer("participants", 200), Opts.number("rate", 20), 12, 1);
            String diskFigures = "";
            if (prober != null) {
              prober.interrupt();
              prober.join(5_000);
              probe.close();
              Histogram h = disk[0] == null ? probe.syncs : disk[0];
              diskFigures =
                  String.format(
                      "%.2f / %.2f / %.1f (%d)",
                      h.getValueAtPercentile(50) / 1000.0,
                      h.getValueAtPercentile(99) / 1000.0,
                      h.getMaxValue() / 1000.0,
                      h.getTotalCount());
            }
            Live.Summary s = Live.lastRun;
            Run r =
                new Run(
                    name,
                    loops,
                    round,
                    s.loadBefore(),
                    s.cpu(),
                    Tracker.ms(s.toLast()),
                    Tracker.ms(s.ack()),
                    Tracker.ms(s.spread()),
                    s.lost(),
                    s.toLast().getValueAtPercentile(50) / 1000.0,
                    Tracker.p99ms(s.toLast()),
                    diskFigures);
            runs.add(r);
            System.out.println("SERIES " + r);
            write(out, started, command, runs, eRows);
          }
        }
      }
      if (withE) {
        for (String loops : eLoops) {
          for (String name : order) {
            if (!eBuilds.isEmpty() && !eBuilds.contains(name)) {
              continue;
            }
            String mode = builds.get(name);
            System.setProperty("bench.server", mode);
            if (loops.equals("default")) {
              System.clearProperty("bench.loops");
            } else {
              System.setProperty("bench.loops", loops);
            }
            System.out.printf(
                "%n=== round %d, e at 200 senders, loops %s, %s (%s) ===%n",
                round, loops, name, mode);
            String row = closedLoop(name, loops, round);
            eRows.add(row);
            System.out.println("SERIES-E " + row);
            write(out, started, command, runs, eRows);
          }
        }
      }
    }
    System.clearProperty("bench.server");
    Report report = new Report("series");
    report.note("series written to " + out);
    return report;
  }

  private static List<String> rotate(List<String> names, int by) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      order.add(names.get((i + by) % names.size()));
    }
    return order;
  }

  /** 8 KB write + fdatasync at the note rate until interrupted. */
  private static Histogram probeDisk(Disk.Probe probe) {
    ByteBuffer page = ByteBuffer.allocate(8192);
    long interval = (long) (1e9 / Opts.number("rate", 20));
    long start = System.nanoTime();
    // only the counted part of the run: skip the boot, joins and warm-up
    long from = start + (long) ((Opts.integer("warmup", 10) + 8) * 1e9);
    boolean reset = false;
    try {
      for (long i = 0; !Thread.currentThread().isInterrupted(); i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        if (!reset && System.nanoTime() >= from) {
          probe.syncs.reset();
          reset = true;
        }
        page.putLong(0, i);
        probe.flush(page);
      }
    } catch (java.io.IOException e) {
      // closed under us at the end
    }
    return probe.syncs;
  }

  /** e's closed loop at 200 senders: 50 boards x 4, each sending its next note on its ack. */
  private static String closedLoop(String name, String loops, int round) throws Exception {
    int boards = 50;
    int perBoard = 4;
    int warmup = Opts.integer("eWarmup", 10);
    int seconds = Opts.integer("eDuration", 20);
    List<Target> targets = Target.start(1);
    String load = Machine.load();
    try (Fleet fleet = new Fleet()) {
      Target target = targets.get(0);
      Rest rest = new Rest(target.base());
      Tracker tracker = new Tracker();
      tracker.measuring = true;
      List<Rest.Board> made = rest.boards(boards);
      List<List<Rest.Participant>> people = rest.joinAll(made, perBoard, 16);
      List<Peer> all = new ArrayList<>();
      for (int b = 0; b < boards; b++) {
        for (Rest.Participant p : people.get(b)) {
          all.add(new Peer(b, p.boardId(), p.token(), tracker));
        }
      }
      fleet.connect(all, List.of(target), 0L, 100);
      Machine machine = new Machine(target.processes());
      boolean[] running = {true};
      for (Peer s : all) {
        s.onAck =
            p -> {
              if (running[0]) {
                p.sendNote("A durable note from the closed loop", perBoard);
              }
            };
        s.sendNote("A durable note from the closed loop", perBoard);
      }
      Thread.sleep(warmup * 1000L);
      tracker.ack.getIntervalHistogram();
      machine.start();
      long acked0 = tracker.acked.get();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long acked = tracker.acked.get() - acked0;
      double elapsed = (System.nanoTime() - t0) / 1e9;
      Histogram ack = tracker.ack.getIntervalHistogram();
      String cpu = machine.usage();
      running[0] = false;
      all.forEach(s -> s.onAck = null);
      tracker.drain(30_000);
      fleet.closeAll(all);
      return String.format(
          "| %d | %s | %s | %s | %.0f/s | %s | %.1f | %s | %s |",
          round,
          loops,
          name,
          load,
          acked / elapsed,
          Tracker.ms(ack),
          ack.getValueAtPercentile(99.9) / 1000.0,
          lost(target, tracker),
          cpu);
    } finally {
      targets.forEach(Target::close);
    }
  }

  /**
   * "acked / not in the database / not delivered to every socket / unanswered", once the run has
   * drained: every note acked must be stored and reach its board's sockets.
   */
  private static String lost(Target target, Tracker tracker) {
    long acked = tracker.acked.get();
    String stored;
    try (java.sql.Connection db = Checkpoints.connect(target.databaseUrl());
        java.sql.ResultSet rs = db.createStatement().executeQuery("select count(*) from note")) {
      rs.next();
      stored = Long.toString(Math.max(0, acked - rs.getLong(1)));
    } catch (java.sql.SQLException e) {
      stored = "? (" + e.getMessage() + ")";
    }
    return acked + " / " + stored + " / " + tracker.undelivered() + " / " + tracker.unacked();
  }

  private static void write(
      Path out, String started, String command, List<Run> runs, List<String> eRows)
      throws java.io.IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("Series started ").append(started).append(": `").append(command).append("`\n\n");
    if (!runs.isEmpty()) {
      sb.append(
          "| round | loops | build | load average before | note to LAST socket p50 / p99 / max, ms"
              + " | ack p50 / p99 / max, ms | first-to-last spread p50 / p99 / max, ms | lost"
              + " | disk fsync p50 / p99 / max, ms (flushes) | CPU |\n");
      sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
      for (Run r : runs) {
        sb.append(
            String.format(
                "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                r.round(),
                r.loops(),
                r.build(),
                r.load(),
                r.last(),
                r.ack(),
                r.spread(),
                r.lost(),
                r.disk(),
                r.cpu().replace("CPU in cores: ", "")));
      }
      sb.append('\n');
    }
    if (!eRows.isEmpty()) {
      sb.append(
          "| round | loops | build | load average before | acked/s | ack p50 / p99 / max, ms"
              + " | ack p99.9, ms | acked / not stored / not delivered / unanswered | CPU |\n");
      sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
      eRows.forEach(row -> sb.append(row).append('\n'));
    }
    Files.writeString(out, sb.toString());
  }
}
