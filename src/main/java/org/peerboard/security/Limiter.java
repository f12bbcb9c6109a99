package org.peerboard.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per key (a participant, an address), forgotten once full again. Buckets are per
 * process: with several processes each enforces its own share, which is what a limit against abuse
 * needs.
 */
public final class Limiter<K> {
  private final double capacity;
  private final double perSecond;
  private final Map<K, TokenBucket> buckets = new ConcurrentHashMap<>();

  public Limiter(double capacity, double perSecond) {
    this.capacity = capacity;
    this.perSecond = perSecond;
  }

  public boolean tryTake(K key) {
    long now = System.nanoTime();
    TokenBucket bucket =
        buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, perSecond, now));
    synchronized (bucket) {
      return bucket.tryTake(now);
    }
  }

  /** Whether this key could take a token now (a key never seen can). */
  public boolean hasToken(K key) {
    TokenBucket bucket = buckets.get(key);
    if (bucket == null) {
      return true;
    }
    synchronized (bucket) {
      return bucket.hasToken(System.nanoTime());
    }
  }

  /** Whether this key has a bucket that is not yet full again (since the last sweep). */
  public boolean tracks(K key) {
    return buckets.containsKey(key);
  }

  /** Drops buckets that are full again; call now and then. */
  public void sweep() {
    long now = System.nanoTime();
    buckets
        .entrySet()
        .removeIf(
            e -> {
              synchronized (e.getValue()) {
                return e.getValue().idle(now);
              }
            });
  }

  public int size() {
    return buckets.size();
  }
}
