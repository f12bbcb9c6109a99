package org.peerboard.board.model;

import static org.peerboard.board.model.Decision.ALLOWED;
import static org.peerboard.board.model.Decision.reject;

import java.util.List;
import org.peerboard.workshop.model.Template;

/**
 * Who may add, change or delete notes, and when. A role that may never do something is {@code
 * forbidden}; one that may, but not now, gets {@code conflict}.
 */
public final class NoteRules {
  private NoteRules() {}

  public static Decision mayAdd(
      Actor actor, BoardState board, Template template, String lane, List<String> tags) {
    if (actor.role() == Role.VIEWER) {
      return reject(ErrorCode.FORBIDDEN, "error.viewerReadOnly");
    }
    Decision shape = validLaneAndTags(template, lane, tags);
    if (!shape.allowed()) {
      return shape;
    }
    if (board.stage() == Stage.CLOSED) {
      return reject(ErrorCode.CONFLICT, "error.boardClosed");
    }
    if (actor.role() == Role.PARTICIPANT) {
      Decision now = participantMayWrite(board);
      return now.allowed() ? inFocus(board, lane) : now;
    }
    return ALLOWED;
  }

  /**
   * Participants write while collecting, or later when the moderator allows late notes; never when
   * closed.
   */
  private static Decision participantMayWrite(BoardState board) {
    if (board.stage() == Stage.CLOSED) {
      return reject(ErrorCode.CONFLICT, "error.boardClosed");
    }
    if (board.stage() != Stage.COLLECTING && !board.lateNotes()) {
      return reject(ErrorCode.CONFLICT, "error.notCollecting");
    }
    return ALLOWED;
  }

  /** With a phase in focus, only its lanes (and extra lanes) take notes from participants. */
  private static Decision inFocus(BoardState board, String lane) {
    String phase = Template.phaseOf(lane);
    if (board.focus() != null && phase != null && !board.focus().equals(phase)) {
      return reject(ErrorCode.CONFLICT, "error.phaseNotInFocus");
    }
    return ALLOWED;
  }

  /** Editing text or tags, or moving a note to another lane. */
  public static Decision mayChange(Actor actor, BoardState board, Note note, Integer seenVersion) {
    Decision owner = mayTouch(actor, note);
    if (!owner.allowed()) {
      return owner;
    }
    if (board.stage() == Stage.CLOSED) {
      return reject(ErrorCode.CONFLICT, "error.boardClosed");
    }
    if (actor.role() == Role.PARTICIPANT) {
      Decision now = participantMayWrite(board);
      if (!now.allowed()) {
        return now;
      }
    }
    return BoardRules.fresh(seenVersion, note.version());
  }

  public static Decision mayEdit(
      Actor actor, BoardState board, Template template, Note note, Op.NoteEdit edit) {
    if (edit.tags() != null) {
      Decision tags = validLaneAndTags(template, note.lane(), edit.tags());
      if (!tags.allowed()) {
        return tags;
      }
    }
    return mayChange(actor, board, note, edit.version());
  }

  /**
   * A participant moves their own note while collecting; a moderator moves any note while
   * clustering is open.
   */
  public static Decision mayMove(
      Actor actor, BoardState board, Template template, Note note, Op.NoteMove move) {
    if (!template.hasLane(move.lane())) {
      return reject(ErrorCode.INVALID, "error.unknownLane");
    }
    if (actor.role().runsTheBoard()) {
      Decision cluster = BoardRules.mayCluster(actor, board);
      return cluster.allowed() ? BoardRules.fresh(move.version(), note.version()) : cluster;
    }
    Decision change = mayChange(actor, board, note, move.version());
    return change.allowed() ? inFocus(board, move.lane()) : change;
  }

  /** Deleting stays possible for moderators on a closed board: it is how they redact. */
  public static Decision mayDelete(Actor actor, BoardState board, Note note) {
    Decision owner = mayTouch(actor, note);
    if (!owner.allowed()) {
      return owner;
    }
    if (actor.role() == Role.PARTICIPANT) {
      return participantMayWrite(board);
    }
    return ALLOWED;
  }

  private static Decision mayTouch(Actor actor, Note note) {
    return switch (actor.role()) {
      case VIEWER -> reject(ErrorCode.FORBIDDEN, "error.viewerReadOnly");
      case PARTICIPANT ->
          actor.isAuthorOf(note) ? ALLOWED : reject(ErrorCode.FORBIDDEN, "error.notYourNote");
      case MODERATOR, ORGANISER -> ALLOWED;
    };
  }

  private static Decision validLaneAndTags(Template template, String lane, List<String> tags) {
    if (!template.hasLane(lane)) {
      return reject(ErrorCode.INVALID, "error.unknownLane");
    }
    for (String tag : tags) {
      if (!template.hasTag(tag)) {
        return reject(ErrorCode.INVALID, "error.unknownTag");
      }
    }
    return ALLOWED;
  }
}
