package org.peerboard.export.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of a board's event log: what happened, when, and by which role and pseudonym; for
 * {@code note.reacted} the note's count then ({@code reactions}), and no pseudonym.
 */
public record HistoryRow(
    UUID boardId,
    long seq,
    OffsetDateTime at,
    String event,
    String actorRole,
    String actor,
    UUID noteId,
    boolean undone,
    Long reactions) {}
