package org.peerboard.export.model;

import java.util.Map;
import java.util.UUID;

/**
 * One ballot on one proposal, anonymised: {@code ballotId} is drawn at random for each voter and
 * round when the download is made, so it ties a voter's rows within a round and nothing else (not
 * across rounds, not to a participant, not to another download). No time and no profession.
 */
public record BallotRow(
    UUID roundId,
    String ballotId,
    UUID itemId,
    int itemPosition,
    int dots,
    Map<String, Integer> scores,
    String comment) {}
