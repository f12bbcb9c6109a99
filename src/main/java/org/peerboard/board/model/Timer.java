package org.peerboard.board.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The session countdown. Running, it has an end time that phones and projector count down to;
 * paused, it keeps the seconds that were left. Transitions are plain functions so the rules are
 * tested without a server.
 */
public record Timer(Instant endsAt, long remainingSeconds, boolean running) {
  public static final int MAX_SECONDS = 4 * 60 * 60;

  /**
   * The timer after the action, or null when the action stops it; rejects what makes no sense now.
   */
  public static Timer apply(Timer current, TimerAction action, Integer seconds, Instant now) {
    switch (action) {
      case START:
        return new Timer(
            now.plusSeconds(requireSeconds(seconds, 1)), requireSeconds(seconds, 1), true);
      case STOP:
        if (current == null) {
          throw new Rejection(ErrorCode.CONFLICT, "error.timerNotSet");
        }
        return null;
      case PAUSE:
        if (current == null || !current.running()) {
          throw new Rejection(ErrorCode.CONFLICT, "error.timerNotRunning");
        }
        return new Timer(
            null, Math.max(0, Duration.between(now, current.endsAt()).toSeconds()), false);
      case RESUME:
        if (current == null || current.running()) {
          throw new Rejection(ErrorCode.CONFLICT, "error.timerNotPaused");
        }
        return new Timer(
            now.plusSeconds(current.remainingSeconds()), current.remainingSeconds(), true);
      case ADD:
      default:
        if (current == null) {
          throw new Rejection(ErrorCode.CONFLICT, "error.timerNotSet");
        }
        int delta = requireSeconds(seconds, -MAX_SECONDS);
        if (current.running()) {
          Instant ends = current.endsAt().plusSeconds(delta);
          return new Timer(ends.isBefore(now) ? now : ends, current.remainingSeconds(), true);
        }
        return new Timer(null, Math.max(0, current.remainingSeconds() + delta), false);
    }
  }

  private static int requireSeconds(Integer seconds, int min) {
    if (seconds == null || seconds < min || seconds > MAX_SECONDS || seconds == 0) {
      throw new Rejection(ErrorCode.INVALID, "error.timerSeconds");
    }
    return seconds;
  }
}
