package org.peerboard.board.model;

import java.util.List;
import java.util.UUID;

/** A change a client asks for. Parsed from the wire by one allow-list parser; anything else is invalid. */
public sealed interface Op {
  String name();

  record NoteAdd(UUID noteId, String lane, List<String> tags, String text) implements Op {
    public String name() {
      return "note.add";
    }
  }

  /** Either field may be absent (null) to keep it as it is; version null means last write wins. */
  record NoteEdit(UUID noteId, String text, List<String> tags, Integer version) implements Op {
    public String name() {
      return "note.edit";
    }
  }

  record NoteMove(UUID noteId, String lane, Integer version) implements Op {
    public String name() {
      return "note.move";
    }
  }

  record NoteDelete(UUID noteId) implements Op {
    public String name() {
      return "note.delete";
    }
  }
}
