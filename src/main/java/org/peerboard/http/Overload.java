package org.peerboard.http;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's queue is full: the request or op is answered {@code unavailable} (503), and the
 * log gets one WARN line every ten seconds at most, with how many were turned away, never a stack
 * trace per request.
 */
public final class Overload {
  private static final Logger LOG = LoggerFactory.getLogger(Overload.class);
  private static final long EVERY_NANOS = 10_000_000_000L;
  private static final AtomicLong turnedAway = new AtomicLong();
  private static final AtomicLong lastLine = new AtomicLong(System.nanoTime() - EVERY_NANOS);

  private Overload() {}

  public static boolean is(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectionPoolTooBusyException) {
        return true;
      }
    }
    return false;
  }

  /** Counts one turned-away request or op, and logs a line when the last one is ten seconds old. */
  public static void note() {
    long count = turnedAway.incrementAndGet();
    long now = System.nanoTime();
    long last = lastLine.get();
    if (now - last >= EVERY_NANOS && lastLine.compareAndSet(last, now)) {
      turnedAway.addAndGet(-count);
      LOG.warn(
          "The database queue is full: {} request(s) or op(s) answered unavailable since the last such line",
          count);
    }
  }
}
