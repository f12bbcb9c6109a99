package org.peerboard.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures per client address (wrong join codes, wrong admin tokens). Only failures count, so the
 * hundreds of phones behind one venue address are never slowed for getting in; an address that uses
 * up its failures is <em>limited</em>, and while it is every attempt from it is refused, right or
 * wrong, so a guess that happens to be right is worth nothing. The log gets one line when an
 * address becomes limited and one summary when it is let go.
 */
public final class FailureGuard {
  private static final Logger LOG = LoggerFactory.getLogger(FailureGuard.class);

  private final String what;
  private final int perMinute;
  private final Limiter<String> failures;
  private final Map<String, Episode> limited = new ConcurrentHashMap<>();

  private static final class Episode {
    final long since = System.nanoTime();
    final AtomicLong refused = new AtomicLong();
  }

  /** {@code what} names the failures in the log ("wrong join codes"). */
  public FailureGuard(String what, int failuresPerMinute) {
    this.what = what;
    this.perMinute = failuresPerMinute;
    this.failures = new Limiter<>(failuresPerMinute, failuresPerMinute / 60.0);
  }

  /** Whether this address is limited now; a refused attempt is counted for the summary. */
  public boolean refuses(String address) {
    Episode episode = limited.get(address);
    if (episode == null) {
      return false;
    }
    if (failures.hasToken(address)) {
      return false;
    }
    episode.refused.incrementAndGet();
    return true;
  }

  /** Counts a failure; true when the address has now used up its failures (and is limited). */
  public boolean failed(String address) {
    if (failures.tryTake(address)) {
      return false;
    }
    limited
        .computeIfAbsent(
            address,
            a -> {
              LOG.warn(
                  "{} from {}: more than {} a minute; refusing every attempt from this address until it stops",
                  capitalised(what),
                  a,
                  perMinute);
              return new Episode();
            })
        .refused
        .incrementAndGet();
    return true;
  }

  /**
   * Lets go of addresses whose failures are all forgiven, with one summary line each; call once a
   * minute.
   */
  public void sweep() {
    failures.sweep();
    limited
        .entrySet()
        .removeIf(
            e -> {
              if (failures.tracks(e.getKey())) {
                return false; // not all its failures are forgiven yet: the same episode goes on
              }
              LOG.warn(
                  "{} from {}: {} attempts refused over {} s; the address is no longer limited",
                  capitalised(what),
                  e.getKey(),
                  e.getValue().refused.get(),
                  (System.nanoTime() - e.getValue().since) / 1_000_000_000L);
              return true;
            });
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
