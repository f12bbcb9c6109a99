package org.peerboard.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples {@code pg_stat_activity} every 20 ms during a run for backends waiting on a WAL flush
 * ({@code wait_event = 'WalSync'}: a commit's {@code fdatasync}, or the WAL writer's), and keeps
 * every wait seen for 50 ms or more, so that slow acks can be set against the time PostgreSQL spent
 * waiting for the disk.
 */
final class WalWaits implements AutoCloseable {
  private static final long SAMPLE_MS = 20;
  private static final long SLOW_MS = 50;

  /**
   * One backend seen waiting on the flush from {@code fromMillis} to {@code toMillis} (wall clock),
   * in this query.
   */
  record Wait(long fromMillis, long toMillis, String query) {
    long millis() {
      return toMillis - fromMillis;
    }
  }

  private final String postgresUrl;
  private final List<Wait> slow = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stop;
  private volatile String failure;

  WalWaits(String postgresUrl) {
    this.postgresUrl = postgresUrl;
    this.thread = new Thread(this::watch, "wal-wait-watch");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void watch() {
    // pid -> the wait in progress: since when it was first seen, and in what query
    Map<Integer, Wait> open = new HashMap<>();
    try (Connection db = Checkpoints.connect(postgresUrl);
        Statement st = db.createStatement()) {
      while (!stop) {
        Thread.sleep(SAMPLE_MS);
        long now = System.currentTimeMillis();
        Map<Integer, String> waiting = new HashMap<>();
        try (ResultSet rs =
            st.executeQuery(
                "select pid, coalesce(left(query, 40), backend_type) from "
                    + "pg_stat_activity where wait_event = 'WalSync'")) {
          while (rs.next()) {
            waiting.put(rs.getInt(1), rs.getString(2));
          }
        }
        for (Map.Entry<Integer, String> w : waiting.entrySet()) {
          open.merge(
              w.getKey(),
              new Wait(now, now, w.getValue()),
              (was, seen) -> new Wait(was.fromMillis(), now, was.query()));
        }
        open.entrySet()
            .removeIf(
                e -> {
                  if (waiting.containsKey(e.getKey())) {
                    return false;
                  }
                  keep(e.getValue());
                  return true;
                });
      }
      open.values().forEach(this::keep);
    } catch (SQLException e) {
      failure = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A wait seen in consecutive samples spanning at least {@link #SLOW_MS} (so it lasted about that
   * or longer).
   */
  private synchronized void keep(Wait wait) {
    if (wait.millis() >= SLOW_MS) {
      slow.add(wait);
    }
  }

  /** One line: the long flush waits, and how many of the slow acks were in flight during one. */
  synchronized String summary(List<Tracker.SlowAck> slowAcks) {
    if (failure != null) {
      return "not measured: " + failure;
    }
    long inOne =
        slowAcks.stream()
            .filter(
                s ->
                    slow.stream()
                        .anyMatch(
                            w ->
                                w.fromMillis() <= s.sentMillis() + s.tookMillis()
                                    && w.toMillis() >= s.sentMillis()))
            .count();
    long longest = slow.stream().mapToLong(Wait::millis).max().orElse(0);
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "%d wait(s) of 50 ms or more for a WAL flush "
                    + "(pg_stat_activity, wait_event WalSync, sampled every 20 ms), the longest at least %d ms",
                slow.size(), longest));
    if (!slowAcks.isEmpty()) {
      sb.append(
          String.format(
              "; %d of the %d slow acks were in flight during one", inOne, slowAcks.size()));
    }
    List<String> listed =
        slow.stream()
            .limit(30)
            .map(
                w ->
                    Report.clock(Instant.ofEpochMilli(w.fromMillis()))
                        + " ("
                        + w.millis()
                        + " ms, "
                        + w.query().replaceAll("\\s+", " ").trim()
                        + ")")
            .toList();
    if (!listed.isEmpty()) {
      sb.append("; from (UTC): ")
          .append(String.join(", ", listed))
          .append(slow.size() > listed.size() ? ", ..." : "");
    }
    return sb.toString();
  }

  @Override
  public void close() {
    stop = true;
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
