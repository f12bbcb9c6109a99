package org.peerboard.board.model;

import java.util.List;
import java.util.UUID;

/** A change a client asks for. Parsed from the wire by one allow-list parser; anything else is invalid. */
public sealed interface Op {
  String name();

  /** Ops a moderator may take back with {@code undo}: clustering and moderation of notes. */
  default boolean undoable() {
    return false;
  }

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

    @Override
    public boolean undoable() {
      return true;
    }
  }

  record NoteDelete(UUID noteId) implements Op {
    public String name() {
      return "note.delete";
    }
  }

  /** A moderator replaces a note's text (e.g. to take out personal data); earlier texts leave the log. */
  record NoteRedact(UUID noteId, String text) implements Op {
    public String name() {
      return "note.redact";
    }
  }

  record NoteHide(UUID noteId, boolean hidden, Integer version) implements Op {
    public String name() {
      return "note.hide";
    }

    @Override
    public boolean undoable() {
      return true;
    }
  }

  /** Marks {@code noteId} as a duplicate of {@code of} (null clears the mark). */
  record NoteDuplicate(UUID noteId, UUID of, Integer version) implements Op {
    public String name() {
      return "note.duplicate";
    }

    @Override
    public boolean undoable() {
      return true;
    }
  }

  record BoardStage(Stage stage) implements Op {
    public String name() {
      return "board.stage";
    }
  }

  /** {@code phase} null clears the focus. */
  record BoardFocus(String phase) implements Op {
    public String name() {
      return "board.focus";
    }
  }

  record BoardTimer(TimerAction action, Integer seconds) implements Op {
    public String name() {
      return "board.timer";
    }
  }

  /** Only the settings present change; the rest stay. */
  record BoardSettings(Settings.Patch patch) implements Op {
    public String name() {
      return "board.settings";
    }
  }

  record BoardReveal() implements Op {
    public String name() {
      return "board.reveal";
    }
  }

  record ParticipantRemove(UUID participantId) implements Op {
    public String name() {
      return "participant.remove";
    }
  }

  record ClusterCreate(UUID clusterId, String lane, String label, List<UUID> noteIds) implements Op {
    public String name() {
      return "cluster.create";
    }

    @Override
    public boolean undoable() {
      return true;
    }
  }

  record ClusterRename(UUID clusterId, String newName, Integer version) implements Op {
    public String name() {
      return "cluster.rename";
    }

    @Override
    public boolean undoable() {
      return true;
    }
  }

  record ClusterAdd(UUID clusterId, List<UUID> noteIds, Integer version) implements Op {
    public String name() {
      return "cluster.add";
    }

    @Override
    public boolean undoable() {
      return true;
    }
  }

  record ClusterRemove(List<UUID> noteIds) implements Op {
    public String name() {
      return "cluster.remove";
    }

    @Override
    public boolean undoable() {
      return true;
    }
  }

  record ClusterMerge(UUID clusterId, UUID intoClusterId, Integer version) implements Op {
    public String name() {
      return "cluster.merge";
    }

    @Override
    public boolean undoable() {
      return true;
    }
  }

  record ClusterDissolve(UUID clusterId, Integer version) implements Op {
    public String name() {
      return "cluster.dissolve";
    }

    @Override
    public boolean undoable() {
      return true;
    }
  }

  /**
   * Rotates a board's keys or join code; only through the organiser's HTTP route, never on the socket, because the
   * new keys are derived from the organiser key this op carries in memory (it is never stored).
   */
  record BoardRotate(boolean moderator, boolean projector, boolean joinCode, String organiserKey) implements Op {
    public String name() {
      return "board.rotate";
    }

    @Override
    public String toString() {
      return "BoardRotate[moderator=" + moderator + ", projector=" + projector + ", joinCode=" + joinCode + "]";
    }
  }

  /** One criterion of a rating round, with its labels (null: the built-in labels of a known criterion). */
  record Criterion(String key, java.util.Map<String, String> labels) {}

  /** Opens a vote round over the notes and clusters of a lane; null fields take their defaults. */
  record VoteOpen(String lane, String kind, Integer budget, Integer cap, List<Criterion> criteria,
                  Boolean anonymous, Boolean comments) implements Op {
    public String name() {
      return "vote.open";
    }
  }

  /** Sets (not adds) this participant's dots, or scores and comment, on one item. */
  record VoteCast(UUID roundId, UUID itemId, Integer dots, java.util.Map<String, Integer> scores, String comment)
      implements Op {
    public String name() {
      return "vote.cast";
    }
  }

  /** close, reveal or reopen a round. */
  record VoteStatus(UUID roundId, String action) implements Op {
    public String name() {
      return "vote." + action;
    }
  }

  /** Links a proposal to the phases of the grid it would improve. */
  record VoteLink(UUID roundId, UUID itemId, List<String> phases) implements Op {
    public String name() {
      return "vote.link";
    }
  }

  record Undo() implements Op {
    public String name() {
      return "undo";
    }
  }
}
