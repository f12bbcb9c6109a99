package org.peerboard.board.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.workshop.model.Template;

@DisplayName("Spotlight rules: what the moderator may bring forward on the projector")
class SpotlightRulesTest {
  private static final UUID BOARD = UUID.randomUUID();
  private static final Template GRID =
      new Template(
          "t",
          Map.of(),
          List.of(item("custody"), item("leaving")),
          List.of(item("issues")),
          List.of(item("foster")),
          List.of(item("improvements")));
  private final Actor moderator = new Actor(BOARD, Role.MODERATOR, null);
  private final Actor viewer = new Actor(BOARD, Role.VIEWER, null);

  private static Template.Item item(String key) {
    return new Template.Item(key, Map.of("en", key));
  }

  private static Settings.Patch spotlight(String target) {
    return new Settings.Patch(null, null, null, null, null, null, target, false, null, null);
  }

  private static BoardState board(Stage stage) {
    return new BoardState(stage, null, Settings.DEFAULTS);
  }

  private static ErrorCode code(Decision decision) {
    return decision instanceof Decision.Rejected r ? r.code() : null;
  }

  private Decision set(Stage stage, String target) {
    return BoardRules.maySetSettings(moderator, board(stage), GRID, spotlight(target));
  }

  @Test
  @DisplayName("a phase, a lane of the grid, an extra lane, or a note or cluster id may be spotlit")
  void knownTargets() {
    assertTrue(set(Stage.COLLECTING, "phase:custody").allowed());
    assertTrue(set(Stage.CLUSTERING, "lane:custody:issues").allowed());
    assertTrue(set(Stage.VOTING, "lane:improvements").allowed());
    assertTrue(set(Stage.COLLECTING, UUID.randomUUID().toString()).allowed());
  }

  @Test
  @DisplayName("a phase or lane the template does not have is invalid")
  void unknownTargets() {
    assertEquals(ErrorCode.INVALID, code(set(Stage.COLLECTING, "phase:weather")));
    assertEquals(ErrorCode.INVALID, code(set(Stage.COLLECTING, "phase:custody:issues")));
    assertEquals(ErrorCode.INVALID, code(set(Stage.COLLECTING, "lane:custody")));
    assertEquals(ErrorCode.INVALID, code(set(Stage.COLLECTING, "lane:custody:weather")));
  }

  @Test
  @DisplayName("the projector may never spotlight, and nobody may on a closed board")
  void roleAndStage() {
    assertEquals(
        ErrorCode.FORBIDDEN,
        code(
            BoardRules.maySetSettings(
                viewer, board(Stage.COLLECTING), GRID, spotlight("phase:custody"))));
    assertEquals(ErrorCode.CONFLICT, code(set(Stage.CLOSED, "phase:custody")));
  }

  @Test
  @DisplayName("a new spotlight replaces the old one, and clearing removes it")
  void replaceAndClear() {
    Settings lit = Settings.DEFAULTS.apply(spotlight("phase:custody"));
    assertEquals("phase:custody", lit.spotlight());
    assertEquals("lane:improvements", lit.apply(spotlight("lane:improvements")).spotlight());
    assertNull(
        lit.apply(new Settings.Patch(null, null, null, null, null, null, null, true, null, null))
            .spotlight());
  }
}
