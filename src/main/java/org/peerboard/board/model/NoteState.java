package org.peerboard.board.model;

/** A note inside an event: the full {@link Note} as the log keeps it, or the {@link NoteView} one viewer is shown. */
public sealed interface NoteState permits Note, NoteView {
  java.util.UUID id();
}
