package org.peerboard.agenda.model;

import java.util.List;
import org.peerboard.board.model.Op;

/** The run-sheet's ops, as the allow-list parser reads them (shape and sizes checked already). */
public sealed interface AgendaOp extends Op {
  /** {@code board.agenda}: replaces the board's planned steps. */
  record SetAgenda(List<Step> steps) implements AgendaOp {}

  /** {@code board.step}: starts step {@code index} (0-based) of the agenda. */
  record StartStep(int index) implements AgendaOp {}
}
