package org.peerboard.board.model;

import java.util.List;
import java.util.UUID;

/**
 * A change a client asks for. Parsed from the wire by one allow-list parser; anything else is
 * invalid. Each op type has one handler, registered with {@code board/db/OpHandlers}; the vote
 * feature's ops are {@code vote/model/VoteOp}.
 */
public interface Op {
  /** Ops a moderator may take back with {@code undo}: clustering and moderation of notes. */
  default boolean undoable() {
    return false;
  }

  /** An op of the kind {@link #undoable} names. */
  interface Undoable extends Op {
    @Override
    default boolean undoable() {
      return true;
    }
  }

  record NoteAdd(UUID noteId, String lane, List<String> tags, String text) implements Op {}

  /** Either field may be absent (null) to keep it as it is; version null means last write wins. */
  record NoteEdit(UUID noteId, String text, List<String> tags, Integer version) implements Op {}

  record NoteMove(UUID noteId, String lane, Integer version) implements Undoable {}

  record NoteDelete(UUID noteId) implements Op {}

  /**
   * A moderator replaces a note's text (e.g. to take out personal data); earlier texts leave the
   * log.
   */
  record NoteRedact(UUID noteId, String text) implements Op {}

  record NoteHide(UUID noteId, boolean hidden, Integer version) implements Undoable {}

  /** Marks {@code noteId} as a duplicate of {@code of} (null clears the mark). */
  record NoteDuplicate(UUID noteId, UUID of, Integer version) implements Undoable {}

  record BoardStage(Stage stage) implements Op {}

  /** {@code phase} null clears the focus. */
  record BoardFocus(String phase) implements Op {}

  record BoardTimer(TimerAction action, Integer seconds) implements Op {}

  /** Only the settings present change; the rest stay. */
  record BoardSettings(Settings.Patch patch) implements Op {}

  record BoardReveal() implements Op {}

  record ParticipantRemove(UUID participantId) implements Op {}

  record ClusterCreate(UUID clusterId, String lane, String label, List<UUID> noteIds)
      implements Undoable {}

  record ClusterRename(UUID clusterId, String newName, Integer version) implements Undoable {}

  record ClusterAdd(UUID clusterId, List<UUID> noteIds, Integer version) implements Undoable {}

  record ClusterRemove(List<UUID> noteIds) implements Undoable {}

  record ClusterMerge(UUID clusterId, UUID intoClusterId, Integer version) implements Undoable {}

  record ClusterDissolve(UUID clusterId, Integer version) implements Undoable {}

  /**
   * Rotates a board's keys or join code; only through the organiser's HTTP route, never on the
   * socket, because the new keys are derived from the organiser key this op carries in memory (it
   * is never stored).
   */
  record BoardRotate(boolean moderator, boolean projector, boolean joinCode, String organiserKey)
      implements Op {
    @Override
    public String toString() {
      return "BoardRotate[moderator="
          + moderator
          + ", projector="
          + projector
          + ", joinCode="
          + joinCode
          + "]";
    }
  }

  record Undo() implements Op {}
}
