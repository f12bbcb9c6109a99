package org.peerboard.agenda.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.peerboard.agenda.model.AgendaOp;
import org.peerboard.agenda.model.AgendaRules;
import org.peerboard.agenda.model.Step;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.PlainText;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Stage;

/**
 * The run-sheet's part of the allow-list parser, shared by the socket ({@code board.agenda}, {@code
 * board.step}) and the organiser's lockstep routes, which take the same bodies.
 */
public final class AgendaJson {
  private static final int MAX_PHASE = 100;

  private AgendaJson() {}

  /** {@code {"steps": [{title?, phase?, stage, minutes}]}}; any fault is {@code invalid}. */
  public static AgendaOp.SetAgenda agenda(JsonObject data) {
    if (!(data.getValue("steps") instanceof JsonArray array)) {
      throw invalid("error.agendaSteps");
    }
    if (array.isEmpty() || array.size() > AgendaRules.MAX_STEPS) {
      throw invalid("error.agendaSteps");
    }
    List<Step> steps = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof JsonObject step)) {
        throw invalid("error.invalidShape");
      }
      steps.add(planned(step));
    }
    Rejection.check(AgendaRules.wellFormed(steps));
    return new AgendaOp.SetAgenda(List.copyOf(steps));
  }

  /** {@code {"index": n}}: a whole number; whether the agenda has it is the rule's to say. */
  public static AgendaOp.StartStep step(JsonObject data) {
    Object value = data.getValue("index");
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.floor(n.doubleValue())
        || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
      throw invalid("error.stepIndex");
    }
    return new AgendaOp.StartStep(n.intValue());
  }

  private static Step planned(JsonObject json) {
    String title = null;
    Object rawTitle = json.getValue("title");
    if (rawTitle != null) {
      if (!(rawTitle instanceof String s)) {
        throw invalid("error.agendaTitle");
      }
      String stripped = PlainText.strip(s).strip();
      if (stripped.codePointCount(0, stripped.length()) > Step.MAX_TITLE
          || stripped.indexOf('\0') >= 0) {
        throw invalid("error.agendaTitle");
      }
      title = stripped.isEmpty() ? null : stripped;
    }
    String phase = null;
    Object rawPhase = json.getValue("phase");
    if (rawPhase != null) {
      if (!(rawPhase instanceof String s) || s.isEmpty() || s.length() > MAX_PHASE) {
        throw invalid("error.unknownPhase");
      }
      phase = s;
    }
    Stage stage =
        json.getValue("stage") instanceof String s
            ? Stage.fromWire(s)
                .filter(found -> found != Stage.CLOSED)
                .orElseThrow(() -> invalid("error.agendaStage"))
            : null;
    if (stage == null) {
      throw invalid("error.agendaStage");
    }
    Object minutes = json.getValue("minutes");
    if (!(minutes instanceof Number n)
        || n.doubleValue() != Math.floor(n.doubleValue())
        || n.doubleValue() < Step.MIN_MINUTES
        || n.doubleValue() > Step.MAX_MINUTES) {
      throw invalid("error.agendaMinutes");
    }
    return new Step(title, phase, stage, n.intValue());
  }

  private static Rejection invalid(String key) {
    return new Rejection(ErrorCode.INVALID, key);
  }
}
