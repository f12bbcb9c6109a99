package org.peerboard.board.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.workshop.model.Template;

@DisplayName("Note rules")
class NoteRulesTest {
  private static final UUID BOARD = UUID.randomUUID();
  private static final Template GRID =
      new Template(
          "t",
          Map.of(),
          List.of(item("custody"), item("leaving")),
          List.of(item("issues")),
          List.of(item("foster"), item("facility")),
          List.of(item("improvements")));
  private static final BoardState COLLECTING = state(Stage.COLLECTING, null, false);

  private final Actor alice = new Actor(BOARD, Role.PARTICIPANT, UUID.randomUUID());
  private final Actor bruno = new Actor(BOARD, Role.PARTICIPANT, UUID.randomUUID());
  private final Actor moderator = new Actor(BOARD, Role.MODERATOR, null);
  private final Actor viewer = new Actor(BOARD, Role.VIEWER, null);
  private final Note alicesNote =
      new Note(
          UUID.randomUUID(),
          "custody:issues",
          List.of(),
          "text",
          alice.participantId(),
          Role.PARTICIPANT,
          false,
          null,
          null,
          3,
          false,
          false,
          null);

  static BoardState state(Stage stage, String focus, boolean lateNotes) {
    return new BoardState(
        stage,
        focus,
        Settings.DEFAULTS.apply(
            new Settings.Patch(null, null, lateNotes, null, null, null, null, false, null, null)));
  }

  private static Template.Item item(String key) {
    return new Template.Item(key, Map.of("en", key));
  }

  private static ErrorCode code(Decision decision) {
    return decision instanceof Decision.Rejected r ? r.code() : null;
  }

  @Test
  @DisplayName("a participant adds a note to a lane of the grid or an extra lane while collecting")
  void participantAdds() {
    assertTrue(
        NoteRules.mayAdd(alice, COLLECTING, GRID, "custody:issues", List.of("foster")).allowed());
    assertTrue(NoteRules.mayAdd(alice, COLLECTING, GRID, "improvements", List.of()).allowed());
  }

  @Test
  @DisplayName("an unknown lane or tag is invalid")
  void unknownLaneOrTag() {
    assertEquals(
        ErrorCode.INVALID,
        code(NoteRules.mayAdd(alice, COLLECTING, GRID, "custody:weather", List.of())));
    assertEquals(
        ErrorCode.INVALID,
        code(NoteRules.mayAdd(alice, COLLECTING, GRID, "improvements", List.of("x"))));
  }

  @Test
  @DisplayName("the projector may never add: forbidden")
  void viewerNeverAdds() {
    assertEquals(
        ErrorCode.FORBIDDEN,
        code(NoteRules.mayAdd(viewer, COLLECTING, GRID, "custody:issues", List.of())));
  }

  @Test
  @DisplayName(
      "outside collecting a participant gets conflict unless late notes are allowed; the moderator may add")
  void stageRules() {
    BoardState clustering = state(Stage.CLUSTERING, null, false);
    assertEquals(
        ErrorCode.CONFLICT,
        code(NoteRules.mayAdd(alice, clustering, GRID, "custody:issues", List.of())));
    assertTrue(
        NoteRules.mayAdd(
                alice, state(Stage.CLUSTERING, null, true), GRID, "custody:issues", List.of())
            .allowed());
    assertTrue(
        NoteRules.mayAdd(moderator, clustering, GRID, "custody:issues", List.of()).allowed());
    BoardState closed = state(Stage.CLOSED, null, true);
    assertEquals(
        ErrorCode.CONFLICT,
        code(NoteRules.mayAdd(moderator, closed, GRID, "custody:issues", List.of())));
  }

  @Test
  @DisplayName(
      "with a phase in focus, other phases take no new notes from participants; extra lanes stay open")
  void focus() {
    BoardState focused = state(Stage.COLLECTING, "leaving", false);
    assertEquals(
        ErrorCode.CONFLICT,
        code(NoteRules.mayAdd(alice, focused, GRID, "custody:issues", List.of())));
    assertTrue(NoteRules.mayAdd(alice, focused, GRID, "leaving:issues", List.of()).allowed());
    assertTrue(NoteRules.mayAdd(alice, focused, GRID, "improvements", List.of()).allowed());
  }

  @Test
  @DisplayName("a participant changes only their own notes; the moderator changes any")
  void ownership() {
    Op.NoteEdit edit = new Op.NoteEdit(alicesNote.id(), "new", null, null);
    assertTrue(NoteRules.mayEdit(alice, COLLECTING, GRID, alicesNote, edit).allowed());
    assertEquals(
        ErrorCode.FORBIDDEN, code(NoteRules.mayEdit(bruno, COLLECTING, GRID, alicesNote, edit)));
    assertEquals(ErrorCode.FORBIDDEN, code(NoteRules.mayDelete(bruno, COLLECTING, alicesNote)));
    assertEquals(ErrorCode.FORBIDDEN, code(NoteRules.mayDelete(viewer, COLLECTING, alicesNote)));
    assertTrue(NoteRules.mayEdit(moderator, COLLECTING, GRID, alicesNote, edit).allowed());
    assertTrue(NoteRules.mayDelete(moderator, COLLECTING, alicesNote).allowed());
  }

  @Test
  @DisplayName("a stale version is a conflict; the current version or none is accepted")
  void versions() {
    assertEquals(
        ErrorCode.CONFLICT,
        code(
            NoteRules.mayEdit(
                alice,
                COLLECTING,
                GRID,
                alicesNote,
                new Op.NoteEdit(alicesNote.id(), "x", null, 2))));
    assertTrue(
        NoteRules.mayEdit(
                alice, COLLECTING, GRID, alicesNote, new Op.NoteEdit(alicesNote.id(), "x", null, 3))
            .allowed());
    assertEquals(
        ErrorCode.CONFLICT,
        code(
            NoteRules.mayMove(
                moderator,
                COLLECTING,
                GRID,
                alicesNote,
                new Op.NoteMove(alicesNote.id(), "improvements", 1))));
  }

  @Test
  @DisplayName("on a closed board the moderator can still delete (redact) but not edit")
  void closedBoard() {
    BoardState closed = state(Stage.CLOSED, null, false);
    assertTrue(NoteRules.mayDelete(moderator, closed, alicesNote).allowed());
    assertEquals(
        ErrorCode.CONFLICT,
        code(
            NoteRules.mayEdit(
                moderator,
                closed,
                GRID,
                alicesNote,
                new Op.NoteEdit(alicesNote.id(), "x", null, null))));
    assertEquals(ErrorCode.CONFLICT, code(NoteRules.mayDelete(alice, closed, alicesNote)));
    assertEquals(
        ErrorCode.CONFLICT,
        code(NoteRules.mayDelete(alice, state(Stage.CLOSED, null, true), alicesNote)),
        "late notes never reopen a closed board");
  }

  @Test
  @DisplayName("a participant cannot move their note out of the phase in focus")
  void moveRespectsFocus() {
    BoardState focused = state(Stage.COLLECTING, "custody", false);
    assertEquals(
        ErrorCode.CONFLICT,
        code(
            NoteRules.mayMove(
                alice,
                focused,
                GRID,
                alicesNote,
                new Op.NoteMove(alicesNote.id(), "leaving:issues", null))));
    assertTrue(
        NoteRules.mayMove(
                alice,
                focused,
                GRID,
                alicesNote,
                new Op.NoteMove(alicesNote.id(), "improvements", null))
            .allowed());
  }

  @Test
  @DisplayName("the moderator clusters while collecting or clustering, not while voting or closed")
  void clusteringStages() {
    assertTrue(BoardRules.mayCluster(moderator, state(Stage.CLUSTERING, null, false)).allowed());
    assertEquals(
        ErrorCode.CONFLICT,
        code(BoardRules.mayCluster(moderator, state(Stage.VOTING, null, false))));
    assertEquals(
        ErrorCode.CONFLICT,
        code(BoardRules.mayCluster(moderator, state(Stage.CLOSED, null, false))));
    assertEquals(ErrorCode.FORBIDDEN, code(BoardRules.mayCluster(alice, COLLECTING)));
    assertEquals(ErrorCode.FORBIDDEN, code(BoardRules.mayRun(viewer)));
  }
}
