package org.peerboard.vote.model;

import static org.peerboard.board.model.Decision.ALLOWED;
import static org.peerboard.board.model.Decision.reject;

import java.util.Map;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardRules;
import org.peerboard.board.model.Decision;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Stage;

/**
 * Who may vote and how much. Only participants cast ballots; a dot budget and a per-item cap can
 * never be exceeded, and nothing is cast on a round that is not open or on a closed board.
 */
public final class VoteRules {
  private VoteRules() {}

  public static Decision mayRunVotes(Actor actor, Stage stage) {
    Decision run = BoardRules.mayRun(actor);
    if (!run.allowed()) {
      return run;
    }
    return stage == Stage.CLOSED ? reject(ErrorCode.CONFLICT, "error.boardClosed") : ALLOWED;
  }

  /** {@code othersDots}: the dots this participant has on the round's other items. */
  public static Decision mayCastDots(
      Actor actor, Stage stage, Round round, int dots, int othersDots) {
    Decision basic = mayCast(actor, stage, round, RoundKind.DOTS);
    if (!basic.allowed()) {
      return basic;
    }
    if (dots < 0) {
      return reject(ErrorCode.INVALID, "error.invalidShape");
    }
    if (dots > round.cap()) {
      return reject(ErrorCode.CONFLICT, "error.voteCap");
    }
    if (othersDots + dots > round.budget()) {
      return reject(ErrorCode.CONFLICT, "error.voteBudget");
    }
    return ALLOWED;
  }

  public static Decision mayScore(
      Actor actor, Stage stage, Round round, Map<String, Integer> scores) {
    Decision basic = mayCast(actor, stage, round, RoundKind.RATING);
    if (!basic.allowed()) {
      return basic;
    }
    for (Map.Entry<String, Integer> score : scores.entrySet()) {
      if (!round.criteria().contains(score.getKey())) {
        return reject(ErrorCode.INVALID, "error.voteCriterion");
      }
      if (score.getValue() < Round.MIN_SCORE || score.getValue() > Round.MAX_SCORE) {
        return reject(ErrorCode.INVALID, "error.voteScore");
      }
    }
    return ALLOWED;
  }

  private static Decision mayCast(Actor actor, Stage stage, Round round, RoundKind kind) {
    if (actor.role() != Role.PARTICIPANT) {
      return reject(ErrorCode.FORBIDDEN, "error.participantsVote");
    }
    if (stage == Stage.CLOSED) {
      return reject(ErrorCode.CONFLICT, "error.boardClosed");
    }
    if (round.status() != RoundStatus.OPEN) {
      return reject(ErrorCode.CONFLICT, "error.roundNotOpen");
    }
    if (round.kind() != kind) {
      return reject(
          ErrorCode.INVALID, kind == RoundKind.DOTS ? "error.roundIsRating" : "error.roundIsDots");
    }
    return ALLOWED;
  }
}
