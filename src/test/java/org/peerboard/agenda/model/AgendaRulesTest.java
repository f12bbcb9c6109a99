package org.peerboard.agenda.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardState;
import org.peerboard.board.model.Decision;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Settings;
import org.peerboard.board.model.Stage;
import org.peerboard.workshop.model.Template;

@DisplayName("Run-sheet rules")
class AgendaRulesTest {
  private static final UUID BOARD = UUID.randomUUID();
  private static final Actor MODERATOR = new Actor(BOARD, Role.MODERATOR, null);
  private static final Actor PARTICIPANT = new Actor(BOARD, Role.PARTICIPANT, UUID.randomUUID());
  private static final Template TEMPLATE =
      new Template(
          "t",
          Map.of("en", "T"),
          List.of(
              new Template.Item("before", Map.of("en", "Before", "it", "Prima")),
              new Template.Item("after", Map.of("en", "After", "it", "Dopo"))),
          List.of(new Template.Item("issues", Map.of("en", "Issues"))),
          List.of(),
          List.of(new Template.Item("ideas", Map.of("en", "Ideas", "it", "Idee"))));

  private static BoardState board(Stage stage) {
    return new BoardState(stage, null, Settings.DEFAULTS);
  }

  private static ErrorCode code(Decision decision) {
    return decision instanceof Decision.Rejected r ? r.code() : null;
  }

  private static Step step(int minutes) {
    return new Step(null, null, Stage.COLLECTING, minutes);
  }

  @Test
  @DisplayName("an agenda has 1 to 40 steps of 1 to 240 minutes, titles of at most 80 characters")
  void shape() {
    assertEquals(ErrorCode.INVALID, code(AgendaRules.wellFormed(List.of())));
    List<Step> forty = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      forty.add(step(i % 2 == 0 ? 1 : 240));
    }
    assertTrue(AgendaRules.wellFormed(forty).allowed());
    forty.add(step(5));
    assertEquals(ErrorCode.INVALID, code(AgendaRules.wellFormed(forty)));
    assertEquals(ErrorCode.INVALID, code(AgendaRules.wellFormed(List.of(step(0)))));
    assertEquals(ErrorCode.INVALID, code(AgendaRules.wellFormed(List.of(step(241)))));
    assertTrue(
        AgendaRules.wellFormed(List.of(new Step("é".repeat(80), null, Stage.VOTING, 5))).allowed());
    assertEquals(
        ErrorCode.INVALID,
        code(AgendaRules.wellFormed(List.of(new Step("é".repeat(81), null, Stage.VOTING, 5)))));
    assertEquals(
        ErrorCode.INVALID,
        code(AgendaRules.wellFormed(List.of(new Step(null, null, Stage.CLOSED, 5)))));
  }

  @Test
  @DisplayName(
      "only runners plan and step, never on a closed board, only to steps and phases that exist")
  void whoAndWhen() {
    List<Step> steps = List.of(new Step(null, "after", Stage.COLLECTING, 5));
    assertTrue(AgendaRules.maySet(MODERATOR, board(Stage.VOTING), TEMPLATE, steps).allowed());
    assertEquals(
        ErrorCode.FORBIDDEN,
        code(AgendaRules.maySet(PARTICIPANT, board(Stage.COLLECTING), TEMPLATE, steps)));
    assertEquals(
        ErrorCode.CONFLICT,
        code(AgendaRules.maySet(MODERATOR, board(Stage.CLOSED), TEMPLATE, steps)));
    assertEquals(
        ErrorCode.INVALID,
        code(
            AgendaRules.maySet(
                MODERATOR,
                board(Stage.COLLECTING),
                TEMPLATE,
                List.of(new Step(null, "holidays", Stage.COLLECTING, 5)))));
    assertTrue(AgendaRules.mayStart(MODERATOR, board(Stage.CLUSTERING), 3, 2).allowed());
    assertEquals(
        ErrorCode.INVALID, code(AgendaRules.mayStart(MODERATOR, board(Stage.COLLECTING), 3, 3)));
    assertEquals(
        ErrorCode.INVALID, code(AgendaRules.mayStart(MODERATOR, board(Stage.COLLECTING), 3, -1)));
    assertEquals(
        ErrorCode.FORBIDDEN,
        code(AgendaRules.mayStart(PARTICIPANT, board(Stage.COLLECTING), 3, 0)));
    assertEquals(
        ErrorCode.CONFLICT, code(AgendaRules.mayStart(MODERATOR, board(Stage.CLOSED), 3, 0)));
  }

  @Test
  @DisplayName(
      "a template proposes a step per phase (15), per extra lane (20), clustering (15), voting (10)")
  void proposal() {
    List<Step> steps = DefaultAgenda.of(TEMPLATE, "it", "Raggruppare", "Votare");
    assertEquals(
        List.of(
            new Step("Prima", "before", Stage.COLLECTING, 15),
            new Step("Dopo", "after", Stage.COLLECTING, 15),
            new Step("Idee", null, Stage.COLLECTING, 20),
            new Step("Raggruppare", null, Stage.CLUSTERING, 15),
            new Step("Votare", null, Stage.VOTING, 10)),
        steps);
    assertTrue(AgendaRules.wellFormed(steps).allowed());
  }
}
