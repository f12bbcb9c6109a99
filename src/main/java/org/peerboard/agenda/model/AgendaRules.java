package org.peerboard.agenda.model;

import static org.peerboard.board.model.Decision.ALLOWED;
import static org.peerboard.board.model.Decision.reject;

import java.util.List;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardRules;
import org.peerboard.board.model.BoardState;
import org.peerboard.board.model.Decision;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Stage;
import org.peerboard.workshop.model.Template;

/** Who may plan and step through a run-sheet, and what a valid agenda is. */
public final class AgendaRules {
  public static final int MAX_STEPS = 40;

  private AgendaRules() {}

  /**
   * The shape of an agenda: 1 to 40 steps, titles of at most 80 characters, 1 to 240 minutes, a
   * stage that is not {@code closed}.
   */
  public static Decision wellFormed(List<Step> steps) {
    if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
      return reject(ErrorCode.INVALID, "error.agendaSteps");
    }
    for (Step step : steps) {
      if (step.title() != null
          && step.title().codePointCount(0, step.title().length()) > Step.MAX_TITLE) {
        return reject(ErrorCode.INVALID, "error.agendaTitle");
      }
      if (step.minutes() < Step.MIN_MINUTES || step.minutes() > Step.MAX_MINUTES) {
        return reject(ErrorCode.INVALID, "error.agendaMinutes");
      }
      if (step.stage() == null || step.stage() == Stage.CLOSED) {
        return reject(ErrorCode.INVALID, "error.agendaStage");
      }
    }
    return ALLOWED;
  }

  /**
   * {@code board.agenda}: runners, on a board that is not closed, with steps whose phases the
   * template has.
   */
  public static Decision maySet(
      Actor actor, BoardState board, Template template, List<Step> steps) {
    Decision open = BoardRules.mayRunOpenBoard(actor, board);
    if (!open.allowed()) {
      return open;
    }
    for (Step step : steps) {
      if (step.phase() != null
          && template.phases().stream().noneMatch(p -> p.key().equals(step.phase()))) {
        return reject(ErrorCode.INVALID, "error.unknownPhase");
      }
    }
    return ALLOWED;
  }

  /** {@code board.step}: runners, on a board that is not closed, to a step the agenda has. */
  public static Decision mayStart(Actor actor, BoardState board, int steps, int index) {
    Decision open = BoardRules.mayRunOpenBoard(actor, board);
    if (!open.allowed()) {
      return open;
    }
    return index < 0 || index >= steps ? reject(ErrorCode.INVALID, "error.stepIndex") : ALLOWED;
  }
}
