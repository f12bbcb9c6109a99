package org.peerboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Scenario d: a board with 500 notes, then 200 people join (POST /api/join), open a socket and say
 * hello without {@code since}, so each welcome carries the full board: spread evenly over 10 s,
 * then 200 more all at once.
 */
final class JoinStorm {
  private JoinStorm() {}

  static Report run() throws Exception {
    Report report = new Report("d");
    int notes = 500;
    int joiners = Opts.integer("participants", 200);
    List<Target> targets = Target.start(1);
    try (Fleet fleet = new Fleet()) {
      Target target = targets.get(0);
      Rest rest = new Rest(target.base());
      Rest.Board board = rest.boards(1).get(0);
      Tracker tracker = new Tracker();
      Peer moderator = new Peer(0, board.id(), board.moderatorKey(), tracker);
      fleet.connect(moderator, target, null).get(30, TimeUnit.SECONDS);
      Semaphore window = new Semaphore(8);
      moderator.onAck = p -> window.release();
      for (int i = 0; i < notes; i++) {
        window.acquire();
        moderator.sendNote(
            "Seed note "
                + i
                + ": the school was not told that the child had been placed in a "
                + "facility, so the teachers kept calling the parents.",
            1);
      }
      tracker.drain(30_000);
      report.note(
          "load average before the run: "
              + Machine.load()
              + "; busiest processes: "
              + Machine.busiest());
      Machine machine = new Machine(target.processes());
      machine.start();
      List<Peer> all = new ArrayList<>();
      Histogram[] spread = storm(fleet, rest, target, board, tracker, joiners, 10_000, all);
      Histogram[] burst = storm(fleet, rest, target, board, tracker, joiners, 0, all);
      report.note(machine.usage());
      long wrong = all.stream().filter(p -> p.notes != notes + 0).count();
      report.row(
          "spread over 10 s: hello to welcome with the board (snapshot), ms p50 / p99 / max",
          Tracker.ms(spread[0]),
          "p99 <= 200 ms",
          Tracker.p99ms(spread[0]) <= 200);
      report.row(
          "spread over 10 s: POST /api/join + connect + snapshot, ms p50 / p99 / max",
          Tracker.ms(spread[1]),
          "-",
          null);
      report.row(
          "all " + joiners + " at once: snapshot, ms p50 / p99 / max",
          Tracker.ms(burst[0]),
          "-",
          null);
      report.row(
          "all " + joiners + " at once: join + connect + snapshot, ms p50 / p99 / max",
          Tracker.ms(burst[1]),
          "-",
          null);
      report.note(
          notes
              + "-note board; "
              + (2 * joiners)
              + " welcomes, "
              + wrong
              + " of them without all "
              + notes
              + " notes; deflate "
              + (fleet.deflate ? "on" : "off")
              + "; server "
              + Opts.str("server", "inproc"));
      all.add(moderator);
      fleet.closeAll(all);
    } finally {
      targets.forEach(Target::close);
    }
    return report;
  }

  /**
   * Joins {@code count} people spread over {@code overMillis}; returns the snapshot and the
   * whole-join times.
   */
  private static Histogram[] storm(
      Fleet fleet,
      Rest rest,
      Target target,
      Rest.Board board,
      Tracker tracker,
      int count,
      long overMillis,
      List<Peer> all)
      throws Exception {
    Histogram snapshot = new Histogram(3);
    Histogram whole = new Histogram(3);
    ExecutorService pool = Executors.newFixedThreadPool(overMillis == 0 ? 64 : 16);
    AtomicInteger failed = new AtomicInteger();
    List<CompletableFuture<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + TimeUnit.MILLISECONDS.toNanos(overMillis * i / count);
      LockSupport.parkNanos(due - System.nanoTime());
      String name = "J" + i;
      done.add(
          CompletableFuture.runAsync(
              () -> {
                long t0 = System.nanoTime();
                Rest.Participant p = rest.join(board.joinCode(), name);
                Peer peer = new Peer(0, p.boardId(), p.token(), tracker);
                try {
                  fleet.connect(peer, target, null).get(60, TimeUnit.SECONDS);
                  synchronized (snapshot) {
                    snapshot.recordValue(Tracker.micros(peer.welcomeNanos - peer.helloNanos));
                    whole.recordValue(Tracker.micros(peer.welcomeNanos - t0));
                    all.add(peer);
                  }
                } catch (Exception e) {
                  failed.incrementAndGet();
                }
              },
              pool));
    }
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    pool.shutdown();
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " joins failed");
    }
    return new Histogram[] {snapshot, whole};
  }
}
