package org.peerboard.agenda.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.peerboard.board.model.Stage;

/**
 * One planned step of a board's run-sheet: what it is called (optional), the phase it opens for
 * posting (or none), the stage it sets, and how many minutes it is planned to last.
 */
public record Step(String title, String phase, Stage stage, int minutes) {
  public static final int MAX_TITLE = 80;
  public static final int MIN_MINUTES = 1;
  public static final int MAX_MINUTES = 240;

  /** The step as the log, the snapshot and the exports spell it. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("title", title);
    map.put("phase", phase);
    map.put("stage", stage.wire());
    map.put("minutes", minutes);
    return map;
  }

  /** A step read back from {@link #asMap}. */
  public static Step of(Map<?, ?> map) {
    return new Step(
        (String) map.get("title"),
        (String) map.get("phase"),
        Stage.fromWire((String) map.get("stage")).orElse(Stage.COLLECTING),
        ((Number) map.get("minutes")).intValue());
  }
}
