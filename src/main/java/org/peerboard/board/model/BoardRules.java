package org.peerboard.board.model;

import static org.peerboard.board.model.Decision.ALLOWED;
import static org.peerboard.board.model.Decision.reject;

import org.peerboard.workshop.model.Template;

/**
 * Who may run a board and when. Participants and the projector may never ({@code forbidden});
 * moderators and organisers may, unless the stage says not now ({@code conflict}).
 */
public final class BoardRules {
  private BoardRules() {}

  /**
   * Stage, reveal, hiding notes, removing a participant: always possible for those who run the
   * board.
   */
  public static Decision mayRun(Actor actor) {
    return actor.role().runsTheBoard()
        ? ALLOWED
        : reject(ErrorCode.FORBIDDEN, "error.moderatorOnly");
  }

  /** Focus, timer and settings: not on a closed board. */
  public static Decision mayRunOpenBoard(Actor actor, BoardState board) {
    Decision role = mayRun(actor);
    if (!role.allowed()) {
      return role;
    }
    return board.stage() == Stage.CLOSED
        ? reject(ErrorCode.CONFLICT, "error.boardClosed")
        : ALLOWED;
  }

  /** Clustering, duplicates and moving notes between lanes: while collecting or clustering. */
  public static Decision mayCluster(Actor actor, BoardState board) {
    Decision role = mayRun(actor);
    if (!role.allowed()) {
      return role;
    }
    return switch (board.stage()) {
      case COLLECTING, CLUSTERING -> ALLOWED;
      case VOTING -> reject(ErrorCode.CONFLICT, "error.votingInProgress");
      case CLOSED -> reject(ErrorCode.CONFLICT, "error.boardClosed");
    };
  }

  public static Decision mayFocus(Actor actor, BoardState board, Template template, String phase) {
    Decision open = mayRunOpenBoard(actor, board);
    if (!open.allowed()) {
      return open;
    }
    if (phase != null && template.phases().stream().noneMatch(p -> p.key().equals(phase))) {
      return reject(ErrorCode.INVALID, "error.unknownPhase");
    }
    return ALLOWED;
  }

  /**
   * Settings: not on a closed board; a spotlight on a phase or a lane must name one of the
   * template's, so the projector is never told to show something it cannot find.
   */
  public static Decision maySetSettings(
      Actor actor, BoardState board, Template template, Settings.Patch patch) {
    Decision open = mayRunOpenBoard(actor, board);
    if (!open.allowed() || patch.spotlight() == null) {
      return open;
    }
    String target = patch.spotlight();
    if (target.startsWith("phase:")) {
      String phase = target.substring("phase:".length());
      return template.phases().stream().anyMatch(p -> p.key().equals(phase))
          ? ALLOWED
          : reject(ErrorCode.INVALID, "error.unknownPhase");
    }
    if (target.startsWith("lane:")) {
      return template.hasLane(target.substring("lane:".length()))
          ? ALLOWED
          : reject(ErrorCode.INVALID, "error.unknownLane");
    }
    return ALLOWED;
  }

  /** A version the client saw, if it sent one, must still be current. */
  public static Decision fresh(Integer seen, int current) {
    return seen == null || seen == current
        ? ALLOWED
        : reject(ErrorCode.CONFLICT, "error.staleVersion");
  }
}
