package org.peerboard.vote.model;

import java.util.Map;
import java.util.UUID;

/** One participant's vote on one item: dots, or a score per criterion, and an optional comment. */
public record Ballot(
    UUID participantId, UUID itemId, int dots, Map<String, Integer> scores, String comment) {}
