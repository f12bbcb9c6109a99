package org.peerboard.export.model;

import java.time.OffsetDateTime;

/** A participant as exported: a pseudonym (P1, P2 … per board, in joining order), never a name. */
public record ParticipantRow(
    String pseudonym, String profession, boolean removed, OffsetDateTime joinedAt) {}
