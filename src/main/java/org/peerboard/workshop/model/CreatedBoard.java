package org.peerboard.workshop.model;

import java.util.UUID;

/**
 * A board just made, with the keys that exist in clear only in this answer and in the organiser's
 * links.
 */
public record CreatedBoard(
    UUID id, String name, String joinCode, String moderatorKey, String projectorKey) {}
