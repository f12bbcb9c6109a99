package org.peerboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Scenario e: durable writes. Senders in a closed loop (each sends its next note.add when the ack
 * of the last one arrives, i.e. after the commit with fsync on): at several concurrencies on one
 * board, then across 50 boards.
 */
final class Writes {
  private Writes() {}

  private static volatile boolean running;

  static Report run() throws Exception {
    Report report = new Report("e");
    int seconds = Opts.integer("duration", 10);
    // a closed loop writes far faster than a person may (30 notes a minute): lift that limit for
    // this scenario
    if (Opts.str("notesPerMinute", null) == null) {
      System.setProperty("bench.notesPerMinute", "1000000");
    }
    List<Target> targets = Target.start(1);
    try (Fleet fleet = new Fleet()) {
      Target target = targets.get(0);
      Rest rest = new Rest(target.base());
      Tracker tracker = new Tracker();
      tracker.measuring = true;
      report.note(
          "load average before the run: "
              + Machine.load()
              + "; busiest processes: "
              + Machine.busiest());
      Machine machine = new Machine(target.processes());
      machine.start();
      // -Dbench.writes=50 runs the 50-board levels only (say, to compare two builds on them)
      Set<String> only = Set.of(Opts.str("writes", "1,50").split(","));
      double best1 =
          only.contains("1")
              ? level(
                  report, fleet, rest, target, tracker, 1, 64, new int[] {1, 4, 16, 64}, seconds)
              : 0;
      double best50 =
          only.contains("50")
              ? level(report, fleet, rest, target, tracker, 50, 4, new int[] {1, 2, 4}, seconds)
              : 0;
      // -Dbench.rates=none skips the open loop
      String rateList = Opts.str("rates", "1000,2000,3000,4000");
      double[] rates =
          rateList.equals("none")
              ? new double[0]
              : java.util.Arrays.stream(rateList.split(","))
                  .mapToDouble(Double::parseDouble)
                  .toArray();
      double open1 = openLoop(report, fleet, rest, target, tracker, 1, 16, rates, seconds);
      double open50 = openLoop(report, fleet, rest, target, tracker, 50, 4, rates, seconds);
      report.note(machine.usage());
      report.row(
          "closed loop: peak acked note.add/s with ack p99 <= 50 ms: one board / 50 boards",
          String.format("%.0f / %.0f", best1, best50),
          ">= 1,000/s",
          Math.max(best1, best50) >= 1000);
      report.row(
          "open loop: highest rate all acked with ack p99 <= 50 ms: one board / 50 boards",
          String.format("%.0f / %.0f", open1, open50),
          ">= 1,000/s",
          Math.max(open1, open50) >= 1000);
      report.note(
          "closed loop: each sender sends its next note when its ack arrives; open loop: notes sent on a "
              + "schedule among 16 participants on one board or 4 on each of 50; "
              + seconds
              + " s per level after 2 s of warm-up; fsync and synchronous_commit on; "
              + "every sender's socket also receives the board's events; the per-participant limit of notes a minute raised to "
              + Opts.str("notesPerMinute", "?")
              + "; server "
              + Opts.str("server", "inproc"));
    } finally {
      targets.forEach(Target::close);
    }
    return report;
  }

  /**
   * Notes offered at fixed rates (open loop: sent on a schedule, never waiting for acks, taking
   * turns among the participants of the boards); returns the highest rate at which every note was
   * acked and the ack p99 stayed within 50 ms.
   */
  private static double openLoop(
      Report report,
      Fleet fleet,
      Rest rest,
      Target target,
      Tracker tracker,
      int boards,
      int perBoard,
      double[] rates,
      int seconds)
      throws Exception {
    List<Rest.Board> made = rest.boards(boards);
    List<List<Rest.Participant>> people = rest.joinAll(made, perBoard, 16);
    List<Peer> all = new ArrayList<>();
    for (int b = 0; b < boards; b++) {
      for (Rest.Participant p : people.get(b)) {
        all.add(new Peer(b, p.boardId(), p.token(), tracker));
      }
    }
    fleet.connect(all, List.of(target), 0L, 100);
    double best = 0;
    for (double rate : rates) {
      long interval = (long) (1e9 / rate);
      long warm = (long) (2 * rate);
      long total = warm + (long) (seconds * rate);
      tracker.measuring = false;
      long acked0 = 0;
      long sent0 = 0;
      long t0 = 0;
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        if (i == warm) {
          tracker.ack.getIntervalHistogram();
          tracker.measuring = true;
          acked0 = tracker.acked.get();
          sent0 = tracker.sent.get();
          t0 = System.nanoTime();
        }
        all.get((int) (i % all.size()))
            .sendNote("A durable note offered at a fixed rate", perBoard);
      }
      double elapsed = (System.nanoTime() - t0) / 1e9;
      long sentInWindow = tracker.sent.get() - sent0;
      tracker.measuring = false;
      tracker.drain(30_000);
      Histogram ack = tracker.ack.getIntervalHistogram();
      long ackedInWindow = ack.getTotalCount();
      boolean ok = Tracker.p99ms(ack) <= 50 && ackedInWindow == sentInWindow;
      if (ok) {
        best = Math.max(best, rate);
      }
      report.row(
          String.format(
              "open loop, %d board(s), %.0f notes/s offered: acked/s; ack ms p50 / p99 / max",
              boards, rate),
          String.format("%.0f/s; %s", ackedInWindow / elapsed, Tracker.ms(ack)),
          "p99 <= 50 ms",
          null);
      System.out.printf(
          "  open loop, %d boards, %.0f/s offered: %d of %d acked, ack %s%n",
          boards, rate, ackedInWindow, sentInWindow, Tracker.ms(ack));
    }
    fleet.closeAll(all);
    return best;
  }

  /** Returns the best throughput among the levels whose ack p99 stayed within 50 ms. */
  private static double level(
      Report report,
      Fleet fleet,
      Rest rest,
      Target target,
      Tracker tracker,
      int boards,
      int maxPerBoard,
      int[] perBoardLevels,
      int seconds)
      throws Exception {
    List<Rest.Board> made = rest.boards(boards);
    List<List<Rest.Participant>> people = rest.joinAll(made, maxPerBoard, 16);
    List<List<Peer>> peers = new ArrayList<>();
    List<Peer> all = new ArrayList<>();
    for (int b = 0; b < boards; b++) {
      List<Peer> onBoard = new ArrayList<>();
      for (Rest.Participant p : people.get(b)) {
        Peer peer = new Peer(b, p.boardId(), p.token(), tracker);
        onBoard.add(peer);
        all.add(peer);
      }
      peers.add(onBoard);
    }
    fleet.connect(all, List.of(target), 0L, 100);
    double best = 0;
    for (int perBoard : perBoardLevels) {
      List<Peer> senders = new ArrayList<>();
      peers.forEach(onBoard -> senders.addAll(onBoard.subList(0, perBoard)));
      running = true;
      for (Peer s : senders) {
        s.onAck =
            p -> {
              if (running) {
                p.sendNote("A durable note from the closed loop", maxPerBoard);
              }
            };
        s.sendNote("A durable note from the closed loop", maxPerBoard);
      }
      Thread.sleep(2_000);
      tracker.ack.getIntervalHistogram();
      long acked0 = tracker.acked.get();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long acked = tracker.acked.get() - acked0;
      double elapsed = (System.nanoTime() - t0) / 1e9;
      Histogram ack = tracker.ack.getIntervalHistogram();
      running = false;
      senders.forEach(s -> s.onAck = null);
      tracker.drain(30_000);
      double rate = acked / elapsed;
      boolean ok = Tracker.p99ms(ack) <= 50;
      if (ok) {
        best = Math.max(best, rate);
      }
      report.row(
          String.format(
              "%d board(s), %d sender(s) in flight: acked/s; ack ms p50 / p99 / max",
              boards, senders.size()),
          String.format("%.0f/s; %s", rate, Tracker.ms(ack)),
          "p99 <= 50 ms",
          null);
      System.out.printf(
          "  %d boards, %d senders: %.0f acked/s, ack %s%n",
          boards, senders.size(), rate, Tracker.ms(ack));
    }
    fleet.closeAll(all);
    return best;
  }
}
