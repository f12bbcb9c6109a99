package org.peerboard.board.db;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a batch's time went: named laps of a monotonic clock, kept beside the logic rather than
 * woven into it.
 */
final class Laps {
  private final long start = System.nanoTime();
  private final List<String> names = new ArrayList<>();
  private final List<Long> at = new ArrayList<>();

  /** Ends the lap called {@code name} now. */
  void lap(String name) {
    names.add(name);
    at.add(System.nanoTime());
  }

  /** The step, timed: its lap called {@code name} ends when it succeeds. */
  <T> Future<T> time(String name, Future<T> step) {
    return step.onSuccess(done -> lap(name));
  }

  long totalMillis() {
    return ((at.isEmpty() ? System.nanoTime() : at.get(at.size() - 1)) - start) / 1_000_000;
  }

  /** "connection and BEGIN 3 ms, lock and claim 1 ms, …" */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    long previous = start;
    for (int i = 0; i < names.size(); i++) {
      text.append(i == 0 ? "" : ", ")
          .append(names.get(i))
          .append(' ')
          .append((at.get(i) - previous) / 1_000_000)
          .append(" ms");
      previous = at.get(i);
    }
    return text.toString();
  }
}
