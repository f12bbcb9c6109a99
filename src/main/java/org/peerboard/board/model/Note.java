package org.peerboard.board.model;

import java.util.List;
import java.util.UUID;

/**
 * A note as stored: at most 500 characters in one lane, with tags, a pseudonymous author and a
 * version. {@code secret}: written while the board hid notes, not yet revealed; {@code held}:
 * waiting for approval. In the event log a note's {@code text} is null once it was taken away
 * (deleted or redacted).
 */
public record Note(
    UUID id,
    String lane,
    List<String> tags,
    String text,
    UUID authorId,
    Role authorRole,
    boolean hidden,
    UUID clusterId,
    UUID duplicateOf,
    int version,
    boolean secret,
    boolean held,
    String authorName)
    implements NoteState {

  public static final int MAX_TEXT = 500;
}
