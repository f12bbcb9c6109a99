package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import org.peerboard.board.model.Actor;

/**
 * What each role is shown of a note, built from the stored form field by field: the author's id never leaves
 * the server, a participant learns only whether a note is theirs, and hidden notes lose their text for
 * everyone but those who run the board.
 */
public final class Views {
  private Views() {}

  public static JsonObject note(JsonObject stored, Actor viewer) {
    boolean hidden = Boolean.TRUE.equals(stored.getBoolean("hidden"));
    String authorId = stored.getString("authorId");
    JsonObject view = new JsonObject()
        .put("id", stored.getString("id"))
        .put("lane", stored.getString("lane"))
        .put("tags", stored.getJsonArray("tags"))
        .put("version", stored.getInteger("version"))
        .put("clusterId", stored.getString("clusterId"))
        .put("duplicateOf", stored.getString("duplicateOf"))
        .put("mine", viewer.participantId() != null && viewer.participantId().toString().equals(authorId))
        .put("byModerator", !"participant".equals(stored.getString("authorRole")));
    if (viewer.role().runsTheBoard()) {
      view.put("hidden", hidden);
    }
    if (stored.containsKey("text") && (!hidden || viewer.role().runsTheBoard() || view.getBoolean("mine"))) {
      view.put("text", stored.getString("text"));
    }
    return view;
  }

  /** Whether a note shows at all in a snapshot for this viewer (hidden notes vanish for participants). */
  public static boolean listed(JsonObject stored, Actor viewer) {
    return !Boolean.TRUE.equals(stored.getBoolean("hidden")) || viewer.role().runsTheBoard()
        || (viewer.participantId() != null && viewer.participantId().toString().equals(stored.getString("authorId")));
  }
}
