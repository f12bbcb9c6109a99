package org.peerboard.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.peerboard.db.DbSettings;
import org.peerboard.db.EmbeddedDatabase;

/**
 * Scenario rtt (issue 28): what one round trip to the embedded database costs PeerBoard's own
 * client, by the way it is reached. One PostgreSQL (PeerBoard's embedded one, in a fresh data
 * directory); per way, a Vert.x of its own with one connection, and {@code bench.rttCount} (default
 * 5,000) statements one after another, each sent from the connection's event loop when the last
 * one's answer came, or {@code bench.rttGapMs} after it (a timer wakes the loop, as a note's frame
 * does; 50 is scenario a's pace): {@code select $1::int} (the trip alone), then a fifth as many
 * autocommitted one-row inserts (the trip with a commit, so a WAL flush). Ways: Java NIO over
 * loopback TCP (PeerBoard before), Linux epoll over loopback TCP, epoll over the Unix socket
 * (PeerBoard now). The ways take turns, {@code bench.rounds} (default 5) times, rotated, so that
 * the machine's moods fall on all of them. Options reach the harness through {@code -Dbench.args}.
 */
final class RoundTrip {
  private RoundTrip() {}

  record Way(String name, boolean epoll, boolean unix) {}

  static final List<Way> WAYS =
      List.of(
          new Way("NIO, loopback TCP", false, false),
          new Way("epoll, loopback TCP", true, false),
          new Way("epoll, Unix socket", true, true));

  static Report run() throws Exception {
    int count = Opts.integer("rttCount", 5_000);
    int rounds = Opts.integer("rounds", 5);
    // -Dbench.rttGapMs=50: each statement after a pause, as scenario a's notes come (20 a second)
    int gapMs = Opts.integer("rttGapMs", 0);
    Report report = new Report("rtt");
    Path dir = Files.createTempDirectory("peerboard-rtt");
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, port)) {
      DbSettings s = db.settings();
      List<String> lines = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        for (int i = 0; i < WAYS.size(); i++) {
          Way way = WAYS.get((i + round - 1) % WAYS.size());
          Histogram select = new Histogram(60_000_000_000L, 3);
          Histogram commit = new Histogram(60_000_000_000L, 3);
          measure(s, way, count, gapMs, select, commit);
          String line =
              String.format("| %d | %s | %s | %s |", round, way.name(), ms(select), ms(commit));
          System.out.println(line);
          lines.add(line);
        }
      }
      report.row(
          "one statement's round trip, ms p50 / p99 / p99.9, per round and way",
          "see the table below",
          "-",
          null);
      report.note(
          "| round | way | select $1::int p50 / p99 / p99.9, ms | autocommitted insert p50 / p99 /"
              + " p99.9, ms |\n| --- | --- | --- | --- |\n"
              + String.join("\n", lines));
    }
    return report;
  }

  /** Recorded in nanoseconds, shown in ms to the microsecond. */
  private static String ms(Histogram h) {
    return String.format(
        "%.3f / %.3f / %.3f",
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getValueAtPercentile(99.9) / 1e6);
  }

  private static <T> Future<T> onLoop(Context loop, Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    loop.runOnContext(v -> work.get().onComplete(done));
    return done.future();
  }

  /** {@code count} runs of {@code statement} one after another, {@code gapMs} apart. */
  private static Future<Void> chain(
      PreparedStatement statement, int count, int gapMs, Histogram into) {
    Promise<Void> done = Promise.promise();
    next(Vertx.currentContext().owner(), statement, count, gapMs, into, done);
    return done.future();
  }

  private static void next(
      Vertx vertx,
      PreparedStatement statement,
      int left,
      int gapMs,
      Histogram into,
      Promise<Void> done) {
    if (left == 0) {
      done.complete();
      return;
    }
    Runnable send =
        () -> {
          long t0 = System.nanoTime();
          statement
              .query()
              .execute(Tuple.of(left))
              .onFailure(done::tryFail)
              .onSuccess(
                  rows -> {
                    into.recordValue(System.nanoTime() - t0);
                    next(vertx, statement, left - 1, gapMs, into, done);
                  });
        };
    if (gapMs > 0) {
      vertx.setTimer(gapMs, id -> send.run());
    } else {
      send.run();
    }
  }

  private static void measure(
      DbSettings s, Way way, int count, int gapMs, Histogram select, Histogram commit)
      throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(way.epoll()));
    if (way.epoll() && !vertx.isNativeTransportEnabled()) {
      throw new IllegalStateException(
          "epoll did not load: " + vertx.unavailableNativeTransportCause());
    }
    try {
      PgConnectOptions options =
          new PgConnectOptions()
              .setHost(way.unix() ? s.socketDir().orElseThrow().toString() : "127.0.0.1")
              .setPort(s.port())
              .setDatabase(s.database())
              .setUser(s.user())
              .setPassword(s.password());
      // everything on one event loop, the connection's, as PeerBoard's op pipeline runs
      Context loop = vertx.getOrCreateContext();
      PgConnection c =
          onLoop(loop, () -> PgConnection.connect(vertx, options)).await(30, TimeUnit.SECONDS);
      onLoop(loop, () -> c.query("create table if not exists rtt (n int)").execute())
          .await(30, TimeUnit.SECONDS);
      PreparedStatement sel =
          onLoop(loop, () -> c.prepare("select $1::int")).await(30, TimeUnit.SECONDS);
      PreparedStatement ins =
          onLoop(loop, () -> c.prepare("insert into rtt (n) values ($1)"))
              .await(30, TimeUnit.SECONDS);
      // a warm-up the JIT compiles the paths in
      onLoop(loop, () -> chain(sel, 500, 0, new Histogram(3))).await(60, TimeUnit.SECONDS);
      // a timer wakes the loop (as a note's frame does), the loop sends, the answer comes back to
      // it, and the next statement goes after the gap
      onLoop(loop, () -> chain(sel, count, gapMs, select)).await(600, TimeUnit.SECONDS);
      onLoop(loop, () -> chain(ins, count / 5, gapMs, commit)).await(600, TimeUnit.SECONDS);
      c.close().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }
}
