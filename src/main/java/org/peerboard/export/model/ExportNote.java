package org.peerboard.export.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One note as researchers download it: where it sits, how it was grouped, and who wrote it (a
 * pseudonym and the profession they gave, never a name); {@code edited}: changed by its author
 * after posting, {@code redacted}: its text replaced by a moderator; how many participants agreed
 * with it ("me too": {@code reactions}; {@code reactionShare} of the board's participants, null
 * when it has none).
 */
public record ExportNote(
    UUID id,
    UUID boardId,
    String lane,
    String phase,
    String dimension,
    List<String> tags,
    UUID clusterId,
    String clusterName,
    UUID duplicateOf,
    boolean hidden,
    boolean held,
    boolean edited,
    boolean redacted,
    String text,
    String author,
    String authorProfession,
    String authorRole,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    long reactions,
    Double reactionShare) {}
