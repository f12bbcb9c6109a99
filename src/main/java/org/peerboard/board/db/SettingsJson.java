package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import org.peerboard.board.model.Settings;

/** Settings between the board row's jsonb and the record. */
public final class SettingsJson {
  private SettingsJson() {}

  public static Settings read(JsonObject json) {
    Settings d = Settings.DEFAULTS;
    if (json == null) {
      return d;
    }
    return new Settings(
        json.getBoolean("anonymous", d.anonymous()),
        json.getBoolean("hideNotes", d.hideNotes()),
        json.getBoolean("revealed", d.revealed()),
        json.getBoolean("lateNotes", d.lateNotes()),
        json.getBoolean("approveNotes", d.approveNotes()),
        json.getString("view", d.view()),
        json.getBoolean("showQr", d.showQr()),
        json.getString("spotlight"),
        json.getBoolean("reactions", d.reactions()),
        json.getBoolean("reactInVoting", d.reactInVoting()));
  }

  static JsonObject write(Settings s) {
    return new JsonObject()
        .put("anonymous", s.anonymous())
        .put("hideNotes", s.hideNotes())
        .put("revealed", s.revealed())
        .put("lateNotes", s.lateNotes())
        .put("approveNotes", s.approveNotes())
        .put("view", s.view())
        .put("showQr", s.showQr())
        .put("spotlight", s.spotlight())
        .put("reactions", s.reactions())
        .put("reactInVoting", s.reactInVoting());
  }
}
