package org.peerboard.live;

import static org.peerboard.live.FrameFields.MAX_ID;
import static org.peerboard.live.FrameFields.invalid;
import static org.peerboard.live.FrameFields.optionalBool;
import static org.peerboard.live.FrameFields.optionalUuid;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.peerboard.board.model.Settings;

/** The board.settings op's part of the allow-list parser: a patch of at least one setting. */
final class SettingsFrames {
  private SettingsFrames() {}

  static Settings.Patch patch(JsonObject data) {
    Object view = data.getValue("view");
    if (view != null
        && !"notes".equals(view)
        && !"clusters".equals(view)
        && !"actions".equals(view)
        && !"where".equals(view)) {
      throw invalid("error.invalidShape");
    }
    boolean clearSpotlight = data.containsKey("spotlight") && data.getValue("spotlight") == null;
    Settings.Patch patch =
        new Settings.Patch(
            optionalBool(data, "anonymous"),
            optionalBool(data, "hideNotes"),
            optionalBool(data, "lateNotes"),
            optionalBool(data, "approveNotes"),
            (String) view,
            optionalBool(data, "showQr"),
            spotlight(data),
            clearSpotlight,
            optionalBool(data, "reactions"),
            optionalBool(data, "reactInVoting"));
    if (patch.anonymous() == null
        && patch.hideNotes() == null
        && patch.lateNotes() == null
        && patch.approveNotes() == null
        && patch.view() == null
        && patch.showQr() == null
        && patch.spotlight() == null
        && patch.reactions() == null
        && patch.reactInVoting() == null
        && !clearSpotlight) {
      throw invalid("error.invalidShape");
    }
    return patch;
  }

  /**
   * What the projector brings forward: a note or cluster id (a UUID, kept in its canonical form),
   * or a whole phase ({@code phase:<key>}) or lane ({@code lane:<id>}); whether that phase or lane
   * exists is the board's rule.
   */
  private static String spotlight(JsonObject data) {
    Object value = data.getValue("spotlight");
    if (value instanceof String s && (s.startsWith("phase:") || s.startsWith("lane:"))) {
      String key = s.substring(s.indexOf(':') + 1);
      if (key.isEmpty() || key.length() > MAX_ID) {
        throw invalid("error.invalidShape");
      }
      return s;
    }
    UUID id = optionalUuid(data, "spotlight");
    return id == null ? null : id.toString();
  }
}
