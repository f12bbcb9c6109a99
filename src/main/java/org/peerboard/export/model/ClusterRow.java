package org.peerboard.export.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A named cluster of notes inside one lane, with how many notes it holds. */
public record ClusterRow(
    UUID id,
    UUID boardId,
    String lane,
    String phase,
    String dimension,
    String name,
    int notes,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {}
