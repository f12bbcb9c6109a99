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
 * Watches PostgreSQL's checkpoints and WAL files during a run (twice a second: {@code
 * pg_stat_checkpointer}, {@code pg_control_checkpoint()} and {@code pg_ls_waldir()}), so that slow
 * acks can be set against them: each checkpoint is reported with the time it started (its redo
 * point), when it was seen complete, and its write and sync time; each new WAL segment file with
 * the time it was seen.
 */
final class Checkpoints implements AutoCloseable {
  private final String postgresUrl;
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
  private final List<String> walAdded = Collections.synchronizedList(new ArrayList<>());
  private final Thread thread;
  private volatile boolean stop;

  Checkpoints(String postgresUrl) {
    this.postgresUrl = postgresUrl;
    this.thread = new Thread(this::watch, "checkpoint-watch");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void watch() {
    try (Connection db = connect(postgresUrl);
        Statement st = db.createStatement()) {
      if (Boolean.parseBoolean(Opts.str("pgLog", "false"))) {
        // PostgreSQL logs what could stall an ack: slow statements, lock waits, autovacuum,
        // checkpoints, WAL files
        for (String setting :
            new String[] {
              "log_min_duration_statement = 50",
              "log_lock_waits = on",
              "deadlock_timeout = '50ms'",
              "log_autovacuum_min_duration = 0",
              "log_checkpoints = on"
            }) {
          st.execute("alter system set " + setting);
        }
        st.execute("select pg_reload_conf()");
      }
      long[] before = counters(st);
      java.util.Set<String> walFiles = walFiles(st);
      while (!stop) {
        Thread.sleep(500);
        java.util.Set<String> nowFiles = walFiles(st);
        for (String file : nowFiles) {
          if (!walFiles.contains(file)) {
            walAdded.add(Report.clock(Instant.now()));
          }
        }
        walFiles = nowFiles;
        long[] now = counters(st);
        if (now[0] != before[0]) {
          try (ResultSet rs =
              st.executeQuery("select checkpoint_time from pg_control_checkpoint()")) {
            rs.next();
            seen.add(
                String.format(
                    "checkpoint (%d) from %s, complete by %s: write %d ms, sync %d ms",
                    now[0] - before[0],
                    Report.clock(rs.getTimestamp(1).toInstant()),
                    Report.clock(Instant.now()),
                    now[1] - before[1],
                    now[2] - before[2]));
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

  /** A JDBC connection to the database of a {@code postgres://user:password@host:port/db} URL. */
  static Connection connect(String postgresUrl) throws SQLException {
    URI uri = URI.create(postgresUrl);
    String[] userInfo =
        uri.getUserInfo() == null ? new String[] {"postgres", ""} : uri.getUserInfo().split(":", 2);
    return DriverManager.getConnection(
        "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
        userInfo[0],
        userInfo.length > 1 ? userInfo[1] : "");
  }

  /**
   * The WAL segment files now in {@code pg_wal}; a new name is a segment PostgreSQL created (or
   * recycled).
   */
  private static java.util.Set<String> walFiles(Statement st) throws SQLException {
    java.util.Set<String> names = new java.util.HashSet<>();
    try (ResultSet rs =
        st.executeQuery("select name from pg_ls_waldir() where name ~ '^[0-9A-F]{24}$'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static long[] counters(Statement st) throws SQLException {
    try (ResultSet rs =
        st.executeQuery(
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

  /** When new WAL segment files appeared (seen within half a second). */
  String walSummary() {
    synchronized (walAdded) {
      return walAdded.isEmpty()
          ? "none"
          : walAdded.size() + ", seen at (UTC) " + String.join(", ", walAdded);
    }
  }

  @Override
  public void close() {
    stop = true;
  }
}
