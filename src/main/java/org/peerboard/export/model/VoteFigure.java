package org.peerboard.export.model;

import java.util.Map;
import java.util.UUID;

/**
 * The revealed result of one vote item for one criterion (or the dots of a dot round, criterion {@code dots}).
 * Filled by the voting feature through {@code VoteSource}; absent until voting exists.
 */
public record VoteFigure(UUID boardId, UUID roundId, String roundKind, UUID itemId, String criterion, int ballots,
                         Double mean, Double median, Map<Integer, Integer> distribution, Integer dots) {}
