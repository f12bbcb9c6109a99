package org.peerboard.vote.model;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.board.model.Op;

/**
 * The vote feature's ops, typed as the allow-list parser reads them (kinds and actions are enums
 * already).
 */
public sealed interface VoteOp extends Op {
  /**
   * One criterion of a rating round, with its labels (null: the built-in labels of a known
   * criterion).
   */
  record Criterion(String key, Map<String, String> labels) {}

  /** Opens a vote round over the notes and clusters of a lane; null fields take their defaults. */
  record Open(
      String lane,
      RoundKind kind,
      Integer budget,
      Integer cap,
      List<Criterion> criteria,
      Boolean anonymous,
      Boolean comments)
      implements VoteOp {}

  /** Sets (not adds) this participant's dots, or scores and comment, on one item. */
  record Cast(UUID roundId, UUID itemId, Integer dots, Map<String, Integer> scores, String comment)
      implements VoteOp {}

  /** Closes, reveals or reopens a round. */
  record Status(UUID roundId, VoteAction action) implements VoteOp {}

  /** Links a proposal to the phases of the grid it would improve. */
  record Link(UUID roundId, UUID itemId, List<String> phases) implements VoteOp {}
}
