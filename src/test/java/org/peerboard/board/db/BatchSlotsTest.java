package org.peerboard.board.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pipeline's slots as a rulebook: slow boards never hold every slot. */
@DisplayName("Batch slots are shared fairly")
class BatchSlotsTest {
  private static final long NOW = 1_000_000_000_000L;

  @Test
  @DisplayName("a board whose heavy op was in a slow batch is marked slow for a minute")
  void slowBatchMarksItsHeavyBoards() {
    BatchSlots slots = new BatchSlots();
    UUID heavy = UUID.randomUUID();
    UUID quick = UUID.randomUUID();
    slots.started(false);
    slots.finished(false, List.of(heavy), BatchSlots.SLOW_MILLIS, NOW);
    assertTrue(slots.slow(heavy, NOW + 1));
    assertFalse(slots.slow(quick, NOW + 1), "a board never in a slow batch");
    assertFalse(slots.slow(heavy, NOW + BatchSlots.SLOW_FOR_NANOS + 1), "a minute later");
  }

  @Test
  @DisplayName("a quick batch marks nobody")
  void quickBatch() {
    BatchSlots slots = new BatchSlots();
    UUID board = UUID.randomUUID();
    slots.started(false);
    slots.finished(false, List.of(board), BatchSlots.SLOW_MILLIS - 1, NOW);
    assertFalse(slots.slow(board, NOW));
  }

  @Test
  @DisplayName(
      "however many boards are slow, their batches hold at most half the slots; the rest stay free for the others")
  void slowBatchesHoldHalf() {
    BatchSlots slots = new BatchSlots();
    int slow = 0;
    while (slots.slowFree()) {
      slots.started(true);
      slow++;
    }
    assertTrue(slow == BatchSlots.SLOW_SLOTS && slow < BatchSlots.MAX_IN_FLIGHT);
    assertTrue(slots.free(), "a batch of other boards may still start");
    while (slots.free()) {
      slots.started(false);
    }
    slots.finished(true, List.of(), 1, NOW);
    assertTrue(slots.slowFree(), "a slow batch ended: another slow one may start");
  }
}
