package org.peerboard.react.model;

import static org.peerboard.board.model.Decision.ALLOWED;
import static org.peerboard.board.model.Decision.reject;

import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardState;
import org.peerboard.board.model.Decision;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Settings;

/**
 * Who may agree with a note, when, and who is shown how many agreed. Participants agree; those who
 * run the board and the projector never do. Counts are open to the room unless the moderator turned
 * reactions off, notes are hidden until the reveal, or the note itself is out of sight.
 */
public final class ReactionRules {
  private ReactionRules() {}

  /** What a note looks like to the rules: whose it is and whether others can read it. */
  public record Target(boolean mine, boolean hidden, boolean held, boolean secret) {
    /** Whether every participant can read the note's text. */
    public boolean open() {
      return !hidden && !held && !secret;
    }
  }

  /**
   * The board lets this actor agree with notes now: a participant, reactions on, collecting or
   * clustering (or voting with {@code reactInVoting}), never closed.
   */
  public static Decision mayReact(Actor actor, BoardState board) {
    if (actor.role() != Role.PARTICIPANT) {
      return reject(ErrorCode.FORBIDDEN, "error.participantsReact");
    }
    if (!board.settings().reactions()) {
      return reject(ErrorCode.FORBIDDEN, "error.reactionsOff");
    }
    return switch (board.stage()) {
      case COLLECTING, CLUSTERING -> ALLOWED;
      case VOTING ->
          board.settings().reactInVoting()
              ? ALLOWED
              : reject(ErrorCode.CONFLICT, "error.reactNotInVoting");
      case CLOSED -> reject(ErrorCode.STAGE_CLOSED, "error.boardClosed");
    };
  }

  /** A note someone else wrote, whose text this participant can read. */
  public static Decision mayReactTo(Target note) {
    if (note.mine()) {
      return reject(ErrorCode.FORBIDDEN, "error.reactOwnNote");
    }
    if (!note.open()) {
      return reject(ErrorCode.FORBIDDEN, "error.reactUnseenNote");
    }
    return ALLOWED;
  }

  /**
   * Whether the room (participants and projector) is shown agreement counts on this board now:
   * reactions on, and notes not hidden until a reveal still to come.
   */
  public static boolean roomSeesCounts(Settings settings) {
    return settings.reactions() && !settings.notesSecret();
  }

  /** Whether this viewer is shown how many agreed with one note. */
  public static boolean seesCount(Role viewer, Settings settings, Target note) {
    return viewer.runsTheBoard() || (roomSeesCounts(settings) && note.open());
  }
}
