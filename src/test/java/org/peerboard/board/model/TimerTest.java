package org.peerboard.board.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The session timer")
class TimerTest {
  private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

  @Test
  @DisplayName("start, pause, resume, add and stop move the end time as a facilitator expects")
  void lifecycle() {
    Timer started = Timer.apply(null, TimerAction.START, 900, T0);
    assertEquals(T0.plusSeconds(900), started.endsAt());
    Timer paused = Timer.apply(started, TimerAction.PAUSE, null, T0.plusSeconds(300));
    assertFalse(paused.running());
    assertEquals(600, paused.remainingSeconds());
    Timer resumed = Timer.apply(paused, TimerAction.RESUME, null, T0.plusSeconds(1000));
    assertEquals(T0.plusSeconds(1600), resumed.endsAt());
    Timer longer = Timer.apply(resumed, TimerAction.ADD, 120, T0.plusSeconds(1000));
    assertEquals(T0.plusSeconds(1720), longer.endsAt());
    assertNull(Timer.apply(longer, TimerAction.STOP, null, T0));
  }

  @Test
  @DisplayName("pausing a paused timer, resuming a running one or stopping none is a conflict")
  void nonsense() {
    Timer running = Timer.apply(null, TimerAction.START, 60, T0);
    assertEquals(
        ErrorCode.CONFLICT,
        assertThrows(Rejection.class, () -> Timer.apply(running, TimerAction.RESUME, null, T0))
            .code());
    Timer paused = Timer.apply(running, TimerAction.PAUSE, null, T0);
    assertEquals(
        ErrorCode.CONFLICT,
        assertThrows(Rejection.class, () -> Timer.apply(paused, TimerAction.PAUSE, null, T0))
            .code());
    assertEquals(
        ErrorCode.CONFLICT,
        assertThrows(Rejection.class, () -> Timer.apply(null, TimerAction.STOP, null, T0)).code());
    assertEquals(
        ErrorCode.INVALID,
        assertThrows(Rejection.class, () -> Timer.apply(null, TimerAction.START, -5, T0)).code());
    assertTrue(
        Timer.apply(running, TimerAction.ADD, -600, T0).endsAt().equals(T0),
        "never ends in the past");
  }
}
