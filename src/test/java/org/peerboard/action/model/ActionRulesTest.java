package org.peerboard.action.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.Decision;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Role;

@DisplayName("Who may shape the action plan")
class ActionRulesTest {
  private static final UUID BOARD = UUID.randomUUID();

  private static Actor as(Role role) {
    return new Actor(BOARD, role, role == Role.PARTICIPANT ? UUID.randomUUID() : null);
  }

  private static ErrorCode code(Decision decision) {
    return ((Decision.Rejected) decision).code();
  }

  @Test
  @DisplayName("moderators and organisers plan; participants and the projector never")
  void roles() {
    assertTrue(ActionRules.mayPlan(as(Role.MODERATOR)).allowed());
    assertTrue(ActionRules.mayPlan(as(Role.ORGANISER)).allowed());
    assertEquals(ErrorCode.FORBIDDEN, code(ActionRules.mayPlan(as(Role.PARTICIPANT))));
    assertEquals(ErrorCode.FORBIDDEN, code(ActionRules.mayPlan(as(Role.VIEWER))));
  }

  @Test
  @DisplayName("a board holds at most 200 actions; the role is checked first")
  void limit() {
    assertTrue(ActionRules.mayCreate(as(Role.MODERATOR), 199).allowed());
    assertEquals(ErrorCode.CONFLICT, code(ActionRules.mayCreate(as(Role.MODERATOR), 200)));
    assertEquals(ErrorCode.FORBIDDEN, code(ActionRules.mayCreate(as(Role.PARTICIPANT), 200)));
  }

  @Test
  @DisplayName("an action comes from a note or a cluster, not both")
  void oneOrigin() {
    assertTrue(ActionRules.mayLink(UUID.randomUUID(), null).allowed());
    assertTrue(ActionRules.mayLink(null, null).allowed());
    assertEquals(
        ErrorCode.INVALID, code(ActionRules.mayLink(UUID.randomUUID(), UUID.randomUUID())));
  }

  @Test
  @DisplayName("a proposal's text becomes a title: whole when it fits, else cut at a word")
  void titles() {
    assertEquals(
        "A fund  for care leavers".replace("  ", " "),
        Action.titleOf("  A fund \n for care leavers "));
    String longText = "word ".repeat(100).strip();
    String title = Action.titleOf(longText);
    assertTrue(title.endsWith("word…"), title);
    assertTrue(title.codePointCount(0, title.length()) <= Action.MAX_TITLE);
  }

  @Test
  @DisplayName("a vote result reads in both languages")
  void resultWords() {
    VoteResult dots = new VoteResult(1, 4, true, 7, null, 5);
    assertEquals("rank 1 of 4 · 7 dots · 5 voters", dots.text("en"));
    assertEquals("1° di 4 · 7 punti · 5 votanti", dots.text("it"));
    VoteResult rating = new VoteResult(2, 3, false, 0, 4.25, 1);
    assertEquals("rank 2 of 3 · mean 4.3 of 5 · 1 voter", rating.text("en"));
    assertEquals("2° di 3 · media 4,3 su 5 · 1 votante", rating.text("it"));
  }
}
