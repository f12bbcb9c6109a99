package org.peerboard.board.model;

import java.util.List;
import java.util.UUID;

/**
 * A note as one viewer is shown it ({@link Visibility#note}): no author id, only whether it is
 * {@code mine}; {@code text} and {@code author} null when withheld; {@code held} and {@code secret}
 * only when true.
 */
public record NoteView(
    UUID id,
    String lane,
    List<String> tags,
    int version,
    UUID clusterId,
    UUID duplicateOf,
    boolean mine,
    boolean byModerator,
    boolean hidden,
    boolean held,
    String text,
    boolean secret,
    String author)
    implements NoteState {}
