package org.peerboard.board.model;

import java.util.UUID;

/**
 * A note inside an event: the full {@link Note} as the log keeps it, or the {@link NoteView} one
 * viewer is shown.
 */
public sealed interface NoteState permits Note, NoteView {
  UUID id();
}
