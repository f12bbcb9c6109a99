package org.peerboard.react;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.peerboard.react.model.ReactionRules;
import org.peerboard.react.model.ReactionRules.Target;

@DisplayName("The rules of \"me too\"")
class ReactionRulesTest {
  private static final UUID BOARD = UUID.randomUUID();
  private static final Actor PARTICIPANT = new Actor(BOARD, Role.PARTICIPANT, UUID.randomUUID());
  private static final Target OTHERS = new Target(false, false, false, false);

  private static BoardState board(Stage stage, Settings.Patch patch) {
    return new BoardState(stage, null, Settings.DEFAULTS.apply(patch));
  }

  private static BoardState board(Stage stage) {
    return board(stage, Settings.Patch.ofReactions(null, null));
  }

  private static ErrorCode code(Decision decision) {
    return decision instanceof Decision.Rejected r ? r.code() : null;
  }

  @Test
  @DisplayName("participants agree; moderators, organisers and the projector never do")
  void roles() {
    assertTrue(ReactionRules.mayReact(PARTICIPANT, board(Stage.COLLECTING)).allowed());
    for (Role role : new Role[] {Role.MODERATOR, Role.ORGANISER, Role.VIEWER}) {
      assertEquals(
          ErrorCode.FORBIDDEN,
          code(ReactionRules.mayReact(new Actor(BOARD, role, null), board(Stage.COLLECTING))));
    }
  }

  @Test
  @DisplayName(
      "collecting and clustering yes, voting only with reactInVoting, closed is stage_closed")
  void stages() {
    assertTrue(ReactionRules.mayReact(PARTICIPANT, board(Stage.CLUSTERING)).allowed());
    assertEquals(
        ErrorCode.CONFLICT, code(ReactionRules.mayReact(PARTICIPANT, board(Stage.VOTING))));
    assertTrue(
        ReactionRules.mayReact(
                PARTICIPANT, board(Stage.VOTING, Settings.Patch.ofReactions(null, true)))
            .allowed());
    assertEquals(
        ErrorCode.STAGE_CLOSED,
        code(
            ReactionRules.mayReact(
                PARTICIPANT, board(Stage.CLOSED, Settings.Patch.ofReactions(null, true)))));
    assertEquals("stage_closed", ErrorCode.STAGE_CLOSED.wire());
  }

  @Test
  @DisplayName("reactions off is forbidden, in every stage")
  void settingOff() {
    for (Stage stage : Stage.values()) {
      assertEquals(
          ErrorCode.FORBIDDEN,
          code(
              ReactionRules.mayReact(
                  PARTICIPANT, board(stage, Settings.Patch.ofReactions(false, true)))));
    }
  }

  @Test
  @DisplayName("not one's own note, and only notes one can read")
  void notes() {
    assertTrue(ReactionRules.mayReactTo(OTHERS).allowed());
    assertEquals(
        ErrorCode.FORBIDDEN, code(ReactionRules.mayReactTo(new Target(true, false, false, false))));
    assertEquals(
        ErrorCode.FORBIDDEN, code(ReactionRules.mayReactTo(new Target(false, true, false, false))));
    assertEquals(
        ErrorCode.FORBIDDEN, code(ReactionRules.mayReactTo(new Target(false, false, true, false))));
    assertEquals(
        ErrorCode.FORBIDDEN, code(ReactionRules.mayReactTo(new Target(false, false, false, true))));
  }

  @Test
  @DisplayName(
      "the room sees counts unless reactions are off or notes wait for a reveal; runners always")
  void counts() {
    Settings on = Settings.DEFAULTS;
    Settings off = on.apply(Settings.Patch.ofReactions(false, null));
    Settings hiding =
        on.apply(new Settings.Patch(null, true, null, null, null, null, null, false, null, null));
    assertTrue(ReactionRules.seesCount(Role.VIEWER, on, OTHERS));
    assertTrue(ReactionRules.seesCount(Role.PARTICIPANT, on, OTHERS));
    assertFalse(ReactionRules.seesCount(Role.PARTICIPANT, off, OTHERS));
    assertFalse(ReactionRules.seesCount(Role.VIEWER, hiding, OTHERS));
    assertTrue(ReactionRules.seesCount(Role.VIEWER, hiding.revealedNow(), OTHERS));
    assertFalse(
        ReactionRules.seesCount(Role.PARTICIPANT, on, new Target(true, true, false, false)));
    assertTrue(ReactionRules.seesCount(Role.MODERATOR, off, new Target(false, true, true, true)));
  }
}
