package org.peerboard.board.model;

import java.util.UUID;

/**
 * What an event does to the copies of one note in earlier events (the database does the same to the
 * stored log, see {@code V4__note_patches_in_log.sql}): a deletion, redaction or edit takes the
 * text out, hiding sets the flags (and marks the note's agreement counts, so that they are withheld
 * as the note is). A hub that keeps recent events in memory applies it to them with {@link
 * #applyTo}.
 */
public record LogPatch(UUID noteId, boolean dropText, Boolean hidden, Boolean held) {
  /** The patch this event makes to earlier events, or null. */
  public static LogPatch of(BoardEvent event) {
    if (event instanceof BoardEvent.NoteDeleted deleted) {
      return new LogPatch(deleted.noteId(), true, null, null);
    } else if (event instanceof BoardEvent.NoteRedacted redacted) {
      return new LogPatch(redacted.note().id(), true, null, null);
    } else if (event instanceof BoardEvent.NoteEdited edited) {
      // an edit scrubs the note's earlier texts as a redaction does: only the current text is ever
      // replayed
      return new LogPatch(edited.note().id(), true, null, null);
    } else if (event instanceof BoardEvent.NoteHidden hidden
        && hidden.placement().notes().size() == 1
        && hidden.placement().notes().get(0) instanceof Note note) {
      return new LogPatch(note.id(), false, note.hidden(), note.held());
    }
    return null;
  }

  /** The earlier event with this note patched. */
  public BoardEvent applyTo(BoardEvent earlier) {
    if (earlier instanceof BoardEvent.NoteReacted reacted) {
      return hidden != null && reacted.noteId().equals(noteId)
          ? new BoardEvent.NoteReacted(reacted.noteId(), reacted.count(), reacted.open(), hidden)
          : reacted;
    }
    return earlier.mapNotes(
        n -> n instanceof Note note && note.id().equals(noteId) ? patch(note) : n);
  }

  private Note patch(Note n) {
    return new Note(
        n.id(),
        n.lane(),
        n.tags(),
        dropText ? null : n.text(),
        n.authorId(),
        n.authorRole(),
        hidden == null ? n.hidden() : hidden,
        n.clusterId(),
        n.duplicateOf(),
        n.version(),
        n.secret(),
        held == null ? n.held() : held,
        n.authorName());
  }
}
