package org.peerboard.security;

/**
 * A token bucket: {@code capacity} at once, refilled at {@code perSecond}. Not thread-safe: one
 * event loop owns it.
 */
public final class TokenBucket {
  private final double capacity;
  private final double perSecond;
  private double tokens;
  private long lastNanos;

  public TokenBucket(double capacity, double perSecond, long nowNanos) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /** Takes one token if there is one. */
  public boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Whether a token could be taken now, without taking it. */
  public boolean hasToken(long nowNanos) {
    refill(nowNanos);
    return tokens >= 1;
  }

  /** Whether the bucket is full again, so it can be forgotten. */
  public boolean idle(long nowNanos) {
    refill(nowNanos);
    return tokens >= capacity;
  }

  private void refill(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
    lastNanos = nowNanos;
  }
}
