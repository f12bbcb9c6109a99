package org.peerboard.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Scenarios a, a2, b and the scale-out run: boards full of connected participants, notes sent at a
 * fixed rate by participants taking turns (open loop: a sender never waits for its ack), latency
 * from writing the op to the LAST socket of the board getting the event, and at the end every
 * socket's seq and notes checked against the database.
 */
final class Live {
  private Live() {}

  static Report run(
      String id, int boards, int perBoard, double rate, double p99Target, int instances)
      throws Exception {
    int duration = Opts.integer("duration", 60);
    int warmup = Opts.integer("warmup", 10);
    Report report = new Report(id);
    // 10,000 sockets need 20,000 descriptors in one JVM with the server in it, the hard limit here:
    // fork it
    String mode = boards * perBoard > 5_000 ? "fork" : "inproc";
    List<Target> targets = Target.start(instances, mode);
    try (Fleet fleet = new Fleet()) {
      Rest rest = new Rest(targets.get(0).base());
      List<Rest.Board> made = rest.boards(boards);
      long t = System.nanoTime();
      List<List<Rest.Participant>> people = rest.joinAll(made, perBoard, 16);
      System.out.printf(
          "joined %d participants in %.1f s%n", boards * perBoard, (System.nanoTime() - t) / 1e9);
      Tracker tracker = new Tracker();
      List<List<Peer>> peers = new ArrayList<>();
      List<Peer> all = new ArrayList<>();
      for (int b = 0; b < boards; b++) {
        List<Peer> onBoard = new ArrayList<>();
        for (Rest.Participant p : people.get(b)) {
          onBoard.add(new Peer(b, p.boardId(), p.token(), tracker));
        }
        peers.add(onBoard);
      }
      // interleave boards, so that with two instances every board has sockets on both
      for (int i = 0; i < perBoard; i++) {
        for (List<Peer> onBoard : peers) {
          all.add(onBoard.get(i));
        }
      }
      t = System.nanoTime();
      fleet.connect(all, targets, 0L, 200);
      System.out.printf(
          "connected %d sockets in %.1f s%n", all.size(), (System.nanoTime() - t) / 1e9);
      report.note(
          String.format(
              "connecting the %d sockets (200 hellos in flight) took %.1f s and %d retried hellos",
              all.size(), (System.nanoTime() - t) / 1e9, fleet.retries.get()));
      Thread.sleep(3_000);

      long[] pids =
          targets.stream()
              .flatMapToLong(x -> java.util.stream.LongStream.of(x.processes()))
              .distinct()
              .toArray();
      Machine machine = new Machine(pids);
      String loadBefore = Machine.load();
      report.note(
          "load average before the run: "
              + loadBefore
              + "; busiest processes: "
              + Machine.busiest());
      machine.start();
      // the database watchers query PostgreSQL all through the run (WAL waits every 20 ms), CPU
      // the server does not get: -Dbench.dbWatch=false (the series' default) leaves them out
      boolean dbWatch = Opts.flag("dbWatch", true);
      Checkpoints checkpoints = dbWatch ? new Checkpoints(targets.get(0).databaseUrl()) : null;
      DiskStalls disk = new DiskStalls();
      WalWaits walWaits = dbWatch ? new WalWaits(targets.get(0).databaseUrl()) : null;
      long interval = (long) (1e9 / rate);
      long total = (long) ((warmup + duration) * rate);
      long measureFrom = (long) (warmup * rate);
      int[] turn = new int[boards];
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        if (i == measureFrom) {
          tracker.measuring = true;
        }
        int b = (int) (i % boards);
        List<Peer> onBoard = peers.get(b);
        Peer sender = onBoard.get(turn[b]++ % onBoard.size());
        sender.sendNote(
            String.format(
                "Note %d: the family was not told who would follow the child after the "
                    + "removal, and nobody called back for three weeks.",
                i),
            onBoard.size());
        if (i > 0 && i % (long) (rate * 10) == 0) {
          System.out.printf(
              "  %d s: sent %d, acked %d, in flight %d%n",
              (System.nanoTime() - start) / 1_000_000_000L,
              tracker.sent.get(),
              tracker.acked.get(),
              tracker.undelivered());
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      tracker.drain(30_000);
      if (dbWatch) {
        checkpoints.close();
        walWaits.close();
      }
      disk.close();
      String cpu = machine.usage();
      report.note(cpu);
      report.note("load average after the run: " + Machine.load());

      Histogram last = tracker.toLast.getIntervalHistogram();
      Histogram each = tracker.toEach.getIntervalHistogram();
      Histogram ack = tracker.ack.getIntervalHistogram();
      Histogram spread = tracker.spread.getIntervalHistogram();
      Histogram ackToFirst = tracker.ackToFirst.getIntervalHistogram();
      int lostSockets = 0;
      long missing = 0;
      long gaps = 0;
      long duplicates = 0;
      long closed = 0;
      for (int b = 0; b < boards; b++) {
        JsonObject board = rest.board(made.get(b).id(), made.get(b).moderatorKey());
        long head = board.getLong("seq");
        long digest = 0;
        int notes = 0;
        for (Object n : board.getJsonArray("notes")) {
          JsonObject note = (JsonObject) n;
          digest += Peer.hash(note.getString("id"), note.getString("text"));
          notes++;
        }
        for (Peer p : peers.get(b)) {
          missing += Math.max(0, head - p.lastSeq);
          gaps += p.gaps;
          duplicates += p.duplicates;
          closed += p.closed ? 1 : 0;
          if (p.lastSeq != head
              || p.gaps > 0
              || p.duplicates > 0
              || p.digest != digest
              || p.notes != notes) {
            lostSockets++;
          }
        }
      }
      boolean clean = lostSockets == 0 && missing == 0;
      lastRun =
          new Summary(
              loadBefore,
              Machine.load(),
              cpu,
              last,
              ack,
              spread,
              lostSockets + " / " + missing + " / " + gaps + " / " + duplicates + " / " + closed,
              clean);
      String setup =
          String.format(
              "%d board(s) x %d participants%s, %.0f notes/s, %d s measured after %d s warm-up",
              boards,
              perBoard,
              instances > 1 ? " split over " + instances + " PeerBoard processes" : "",
              rate,
              duration,
              warmup);
      report.note(
          setup
              + "; sent "
              + tracker.sent.get()
              + " notes in "
              + String.format("%.0f", elapsed)
              + " s; deflate "
              + (fleet.deflate ? "on" : "off")
              + "; server "
              + Opts.str("server", mode)
              + "; "
              + Target.storage(targets.get(0)));
      report.row(
          "note to LAST socket, ms p50 / p99 / max (" + last.getTotalCount() + " notes)",
          Tracker.ms(last),
          "p99 <= " + fmt(p99Target) + " ms",
          Tracker.p99ms(last) <= p99Target && last.getTotalCount() > 0);
      report.row("note to each socket, ms p50 / p99 / max", Tracker.ms(each), "-", null);
      report.row("ack (after commit), ms p50 / p99 / max", Tracker.ms(ack), "-", null);
      report.row(
          "ack to FIRST socket's event, ms p50 / p99 / max", Tracker.ms(ackToFirst), "-", null);
      report.row(
          "first to last socket (fan-out spread), ms p50 / p99 / max",
          Tracker.ms(spread),
          "-",
          null);
      report.row(
          "lost: sockets not equal to the database / events missing / gaps / duplicates / closed",
          lostSockets + " / " + missing + " / " + gaps + " / " + duplicates + " / " + closed,
          "0",
          clean);
      report.note(
          "not delivered to every socket at the end: "
              + tracker.undelivered()
              + ", unacked: "
              + tracker.unacked());
      report.note("slow acks: " + tracker.stallSummary(100));
      report.note("disk stalls: " + disk.summary(List.copyOf(tracker.stalls)));
      if (dbWatch) {
        report.note("WAL flush waits: " + walWaits.summary(List.copyOf(tracker.stalls)));
        report.note("PostgreSQL checkpoints: " + checkpoints.summary());
        report.note("new WAL segment files: " + checkpoints.walSummary());
      }
      fleet.closeAll(all);
    } finally {
      for (int i = targets.size() - 1; i >= 0; i--) {
        targets.get(i).close();
      }
    }
    return report;
  }

  /** The figures of the last run, for a series of runs (issue 28, {@link Series}). */
  record Summary(
      String loadBefore,
      String loadAfter,
      String cpu,
      Histogram toLast,
      Histogram ack,
      Histogram spread,
      String lost,
      boolean clean) {}

  static volatile Summary lastRun;

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  static void sleepSeconds(long s) throws InterruptedException {
    TimeUnit.SECONDS.sleep(s);
  }
}
