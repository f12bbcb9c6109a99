package org.peerboard.board.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.Visibility;

/**
 * A bridge for {@code live/BoardHub} until it renders events with {@link StoredEvent#dataFor}: the same cut,
 * through {@link Visibility} and {@link EventCodec}. Delete it once live/ no longer calls it.
 */
@Deprecated
public final class Views {
  private Views() {}

  /** Event data for this viewer: every note in it (one, or a list) as {@link Visibility#note} shows it. */
  public static JsonObject eventData(JsonObject data, Actor viewer) {
    JsonObject view = data.copy();
    JsonObject note = data.getJsonObject("note");
    if (note != null) {
      view.put("note", EventCodec.note(Visibility.note(EventCodec.note(note), viewer)));
    }
    JsonArray notes = data.getJsonArray("notes");
    if (notes != null) {
      JsonArray cut = new JsonArray();
      notes.forEach(n -> cut.add(EventCodec.note(Visibility.note(EventCodec.note((JsonObject) n), viewer))));
      view.put("notes", cut);
    }
    return view;
  }
}
