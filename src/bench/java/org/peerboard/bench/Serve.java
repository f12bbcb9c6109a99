package org.peerboard.bench;

/**
 * Scenario {@code serve}: starts one server as {@code -Dbench.server} says ({@code jar:<path>},
 * {@code floor}, or {@code fork}, this tree in a child JVM, the default), prints its address and
 * keeps it up until this process is stopped, then stops it and its PostgreSQL. Other runs of the
 * harness then use it through {@code -Dbench.url}, one after another on the same server: a fresh
 * server's run against the same server's run after scenario e, for how much of a note's time is
 * code not yet compiled (issue 28, docs/benchmarks.md).
 */
final class Serve {
  private Serve() {}

  static Report run() throws Exception {
    Target target = Target.start(1, "fork").get(0);
    Runtime.getRuntime().addShutdownHook(new Thread(target::close, "serve-stop"));
    System.out.println(
        "Serving at "
            + target.base()
            + " ("
            + Target.storage(target)
            + "); use it with -Dbench.url="
            + target.base()
            + ", stop this process to stop it");
    System.out.flush();
    Thread.currentThread().join();
    throw new IllegalStateException("unreachable");
  }
}
