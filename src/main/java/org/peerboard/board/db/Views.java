package org.peerboard.board.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.peerboard.board.model.Actor;

/**
 * What each role is shown of a note, built from the stored form field by field: the author's id never leaves
 * the server, a participant learns only whether a note is theirs, and the text of hidden, held or secret notes
 * reaches only those who run the board and the note's author.
 */
public final class Views {
  private Views() {}

  public static JsonObject note(JsonObject stored, Actor viewer) {
    boolean hidden = Boolean.TRUE.equals(stored.getBoolean("hidden"));
    boolean secret = Boolean.TRUE.equals(stored.getBoolean("secret"));
    boolean mine = viewer.participantId() != null && viewer.participantId().toString()
        .equals(stored.getString("authorId"));
    JsonObject view = new JsonObject()
        .put("id", stored.getString("id"))
        .put("lane", stored.getString("lane"))
        .put("tags", stored.getJsonArray("tags"))
        .put("version", stored.getInteger("version"))
        .put("clusterId", stored.getString("clusterId"))
        .put("duplicateOf", stored.getString("duplicateOf"))
        .put("mine", mine)
        .put("byModerator", !"participant".equals(stored.getString("authorRole")))
        .put("hidden", hidden);
    if (Boolean.TRUE.equals(stored.getBoolean("held"))) {
      view.put("held", true);
    }
    boolean mayRead = viewer.role().runsTheBoard() || mine || (!hidden && !secret);
    if (stored.containsKey("text") && mayRead) {
      view.put("text", stored.getString("text"));
    }
    if (secret && !hidden && (!mayRead || viewer.role().runsTheBoard())) {
      view.put("secret", true); // withheld text; moderators see it with the mark, authors see theirs plainly
    }
    if (stored.getString("authorName") != null && (mayRead || viewer.role().runsTheBoard())) {
      view.put("author", stored.getString("authorName"));
    }
    return view;
  }

  /** Whether a note shows at all in a snapshot for this viewer (hidden notes vanish for participants). */
  public static boolean listed(JsonObject stored, Actor viewer) {
    return !Boolean.TRUE.equals(stored.getBoolean("hidden")) || viewer.role().runsTheBoard()
        || (viewer.participantId() != null && viewer.participantId().toString().equals(stored.getString("authorId")));
  }

  /** Event data for this viewer: every note in it (one, or a list) cut down by {@link #note}. */
  public static JsonObject eventData(JsonObject data, Actor viewer) {
    JsonObject view = data.copy();
    if (viewer.role() == org.peerboard.board.model.Role.PARTICIPANT && data.containsKey("roles")) {
      // board.keysRotated (the one event with `roles`): a code rotated because it leaked is for the runners to hand
      // out and the projector to show the room, not for every phone. A reopened board's new code (board.staged)
      // is for everyone.
      view.remove("joinCode");
    }

    JsonObject note = data.getJsonObject("note");
    if (note != null) {
      view.put("note", note(note, viewer));
    }
    JsonArray notes = data.getJsonArray("notes");
    if (notes != null) {
      JsonArray cut = new JsonArray();
      notes.forEach(n -> cut.add(note((JsonObject) n, viewer)));
      view.put("notes", cut);
    }
    return view;
  }
}
