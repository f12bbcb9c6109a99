package org.peerboard.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Watches PostgreSQL's checkpoints during a run (twice a second: {@code pg_stat_checkpointer} and
 * {@code pg_control_checkpoint()}), so that slow acks can be set against them: each checkpoint is reported with
 * the time it started (its redo point), when it was seen complete, and its write and sync time.
 */
final class Checkpoints implements AutoCloseable {
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private volatile boolean stop;

  Checkpoints(String postgresUrl) {
    URI uri = URI.create(postgresUrl);
    String[] userInfo = uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
    this.jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    this.user = userInfo[0];
    this.password = userInfo.length > 1 ? userInfo[1] : "";
    this.thread = new Thread(this::watch, "checkpoint-watch");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void watch() {
    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement st = db.createStatement()) {
      if (Boolean.parseBoolean(Opts.str("pgLog", "false"))) {
        // PostgreSQL logs what could stall an ack: slow statements, lock waits, autovacuum, checkpoints, WAL files
        for (String setting : new String[] {"log_min_duration_statement = 50", "log_lock_waits = on",
            "deadlock_timeout = '50ms'", "log_autovacuum_min_duration = 0", "log_checkpoints = on"}) {
          st.execute("alter system set " + setting);
        }
        st.execute("select pg_reload_conf()");
      }
      long[] before = counters(st);
      while (!stop) {
        Thread.sleep(500);
        long[] now = counters(st);
        if (now[0] != before[0]) {
          try (ResultSet rs = st.executeQuery("select checkpoint_time from pg_control_checkpoint()")) {
            rs.next();
            seen.add(String.format("checkpoint (%d) from %s, complete by %s: write %d ms, sync %d ms",
                now[0] - before[0], Report.clock(rs.getTimestamp(1).toInstant()), Report.clock(Instant.now()),
                now[1] - before[1], now[2] - before[2]));
          }
          before = now;
        }
      }
    } catch (SQLException e) {
      seen.add("could not watch checkpoints: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long[] counters(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery(
        "select num_timed + num_requested, write_time::bigint, sync_time::bigint from pg_stat_checkpointer")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
  }

  /** The checkpoints seen so far, or a line saying there were none. */
  String summary() {
    synchronized (seen) {
      return seen.isEmpty() ? "no checkpoint during the run" : String.join("; ", seen);
    }
  }

  @Override
  public void close() {
    stop = true;
  }
}
