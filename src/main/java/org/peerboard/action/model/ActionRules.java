package org.peerboard.action.model;

import static org.peerboard.board.model.Decision.ALLOWED;
import static org.peerboard.board.model.Decision.reject;

import java.util.UUID;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.Decision;
import org.peerboard.board.model.ErrorCode;

/**
 * Who may shape the action plan: those who run the board (moderator, organiser), in every stage, a
 * closed board included (the plan is usually made after the vote). Participants and the projector
 * never.
 */
public final class ActionRules {
  private ActionRules() {}

  public static Decision mayPlan(Actor actor) {
    return actor.role().runsTheBoard()
        ? ALLOWED
        : reject(ErrorCode.FORBIDDEN, "error.actionRunners");
  }

  /** A new action, while the board holds fewer than {@link Action#MAX_PER_BOARD}. */
  public static Decision mayCreate(Actor actor, long actionsOnBoard) {
    Decision role = mayPlan(actor);
    if (!role.allowed()) {
      return role;
    }
    return actionsOnBoard >= Action.MAX_PER_BOARD
        ? reject(ErrorCode.CONFLICT, "error.tooManyActions")
        : ALLOWED;
  }

  /** An action comes from one proposal at most: a note or a cluster, not both. */
  public static Decision mayLink(UUID noteId, UUID clusterId) {
    return noteId != null && clusterId != null
        ? reject(ErrorCode.INVALID, "error.actionOneOrigin")
        : ALLOWED;
  }
}
