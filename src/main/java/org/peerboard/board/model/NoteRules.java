package org.peerboard.board.model;

import static org.peerboard.board.model.Decision.ALLOWED;
import static org.peerboard.board.model.Decision.reject;

import java.util.List;
import org.peerboard.workshop.model.Template;

/**
 * Who may add, change or delete notes, and when. A role that may never do something is {@code forbidden};
 * one that may, but not now, gets {@code conflict}.
 */
public final class NoteRules {
  private NoteRules() {}

  public static Decision mayAdd(Actor actor, BoardState board, Template template, String lane, List<String> tags) {
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
      if (board.stage() != Stage.COLLECTING && !board.lateNotes()) {
        return reject(ErrorCode.CONFLICT, "error.notCollecting");
      }
      String phase = Template.phaseOf(lane);
      if (board.focus() != null && phase != null && !board.focus().equals(phase)) {
        return reject(ErrorCode.CONFLICT, "error.phaseNotInFocus");
      }
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
    if (actor.role() == Role.PARTICIPANT && board.stage() != Stage.COLLECTING && !board.lateNotes()) {
      return reject(ErrorCode.CONFLICT, "error.notCollecting");
    }
    if (seenVersion != null && seenVersion != note.version()) {
      return reject(ErrorCode.CONFLICT, "error.staleVersion");
    }
    return ALLOWED;
  }

  public static Decision mayEdit(Actor actor, BoardState board, Template template, Note note, Op.NoteEdit edit) {
    if (edit.tags() != null) {
      Decision tags = validLaneAndTags(template, note.lane(), edit.tags());
      if (!tags.allowed()) {
        return tags;
      }
    }
    return mayChange(actor, board, note, edit.version());
  }

  public static Decision mayMove(Actor actor, BoardState board, Template template, Note note, Op.NoteMove move) {
    if (!template.hasLane(move.lane())) {
      return reject(ErrorCode.INVALID, "error.unknownLane");
    }
    return mayChange(actor, board, note, move.version());
  }

  /** Deleting stays possible for moderators on a closed board: it is how they redact. */
  public static Decision mayDelete(Actor actor, BoardState board, Note note) {
    Decision owner = mayTouch(actor, note);
    if (!owner.allowed()) {
      return owner;
    }
    if (actor.role() == Role.PARTICIPANT && board.stage() != Stage.COLLECTING && !board.lateNotes()) {
      return reject(ErrorCode.CONFLICT, board.stage() == Stage.CLOSED ? "error.boardClosed" : "error.notCollecting");
    }
    return ALLOWED;
  }

  private static Decision mayTouch(Actor actor, Note note) {
    return switch (actor.role()) {
      case VIEWER -> reject(ErrorCode.FORBIDDEN, "error.viewerReadOnly");
      case PARTICIPANT -> actor.isAuthorOf(note) ? ALLOWED : reject(ErrorCode.FORBIDDEN, "error.notYourNote");
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
