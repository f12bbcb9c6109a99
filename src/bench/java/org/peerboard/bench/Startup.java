package org.peerboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.peerboard.PeerBoard;
import org.peerboard.db.EmbeddedDatabase;

/**
 * Scenario f: start to ready. A child JVM from launch until it listens (what an operator waits
 * for), and {@code PeerBoard.start} inside a warm JVM, each with an existing embedded data
 * directory and with an external database (another embedded PostgreSQL reached by its URL, as
 * {@code DATABASE_URL} would).
 */
final class Startup {
  private Startup() {}

  static Report run() throws Exception {
    Report report = new Report("f");
    int runs = 3;
    report.note(
        "load average before the run: "
            + Machine.load()
            + "; busiest processes: "
            + Machine.busiest());

    Path dir = Files.createTempDirectory("peerboard-bench-start");
    int port = Target.freePort();
    int dbPort = Target.freePort();
    long first = timeInProcess(dir, port, dbPort, null);
    List<Long> forked = new ArrayList<>();
    List<Long> warm = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      forked.add(timeForked(dir, port, dbPort, null));
      warm.add(timeInProcess(dir, port, dbPort, null));
    }
    row(report, "embedded, existing data directory: new JVM launch to listening", forked, true);
    row(report, "embedded, existing data directory: PeerBoard.start in a warm JVM", warm, false);
    report.note("the very first start (initdb + migrations) took " + first + " ms in process");

    Path external = Files.createTempDirectory("peerboard-bench-external");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(external, Target.freePort())) {
      String url = Target.urlOf(db.settings());
      Path scratch = Files.createTempDirectory("peerboard-bench-ext-data");
      long migrate = timeInProcess(scratch, port, 0, url);
      List<Long> extForked = new ArrayList<>();
      List<Long> extWarm = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        extForked.add(timeForked(scratch, port, 0, url));
        extWarm.add(timeInProcess(scratch, port, 0, url));
      }
      row(report, "external database: new JVM launch to listening", extForked, true);
      row(report, "external database: PeerBoard.start in a warm JVM", extWarm, false);
      report.note(
          "the first start on the empty external database (migrations) took "
              + migrate
              + " ms in process");
    }
    report.note(
        runs
            + " starts each, stopped cleanly in between; the fork runs `java -Xmx2g -cp <class path>`");
    return report;
  }

  private static void row(Report report, String what, List<Long> millis, boolean judged) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    long median = sorted.get(sorted.size() / 2);
    report.row(
        what + ", ms median (all runs)",
        median + " (" + millis + ")",
        judged ? "<= 2,000 ms" : "-",
        judged ? median <= 2000 : null);
  }

  private static long timeInProcess(Path dir, int port, int dbPort, String url) throws Exception {
    long t0 = System.nanoTime();
    PeerBoard app = PeerBoard.start(Target.config(dir, port, dbPort, url));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    app.close();
    return ms;
  }

  private static long timeForked(Path dir, int port, int dbPort, String url) throws Exception {
    Target.Forked forked = Target.Forked.start(dir, port, dbPort, url);
    forked.quiet = true;
    long ms = forked.readyMillis;
    forked.close();
    return ms;
  }
}
