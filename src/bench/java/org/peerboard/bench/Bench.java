package org.peerboard.bench;

import java.nio.file.Path;

/**
 * The benchmark harness of issue 7. {@code -Dbench.scenario} is one of a, a2, a3, b, c, d, e, f,
 * scaleout, disk, series, rtt, serve (or a comma list); every run prints a table and updates its
 * block in docs/benchmarks.md. See docs/benchmarks.md.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    String scenarios = Opts.str("scenario", "a");
    Path docs = Path.of(Opts.str("docs", "docs/benchmarks.md"));
    for (String scenario : scenarios.split(",")) {
      Report report = run(scenario.trim());
      report.print();
      report.write(docs);
    }
    System.exit(0);
  }

  static Report run(String scenario) throws Exception {
    return switch (scenario) {
      case "a" ->
          Live.run("a", 1, Opts.integer("participants", 200), Opts.number("rate", 20), 12, 1);
      case "a2" ->
          Live.run("a2", 1, Opts.integer("participants", 1000), Opts.number("rate", 10), 15, 1);
      // issue 17: a plenary of 2,000 on one board (4,000 descriptors with the server in this JVM)
      case "a3" ->
          Live.run("a3", 1, Opts.integer("participants", 2000), Opts.number("rate", 10), 30, 1);
      case "b" ->
          Live.run(
              "b",
              Opts.integer("boards", 50),
              Opts.integer("participants", 200),
              Opts.number("rate", 100),
              250,
              1);
      case "scaleout" ->
          Live.run(
              "scaleout",
              1,
              Opts.integer("participants", 200),
              Opts.number("rate", 20),
              12,
              Opts.integer("instances", 2));
      case "c" -> Memory.run();
      case "d" -> JoinStorm.run();
      case "e" -> Writes.run();
      case "f" -> Startup.run();
      case "disk" -> Disk.run();
      case "suggest" -> Suggest.run();
      case "repaint" -> Repaint.run();
      // issue 28: builds and the floor interleaved with the same client
      case "series" -> Series.run();
      // issue 28: one round trip to the database, by transport and socket
      case "rtt" -> RoundTrip.run();
      // issue 28: one server kept up for runs through -Dbench.url (cold, then warm)
      case "serve" -> Serve.run();
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    };
  }
}
