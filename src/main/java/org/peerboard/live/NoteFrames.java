package org.peerboard.live;

import static org.peerboard.live.FrameFields.MAX_ID;
import static org.peerboard.live.FrameFields.invalid;
import static org.peerboard.live.FrameFields.optionalUuid;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.NoteText;
import org.peerboard.board.model.PlainText;

/**
 * The note and cluster ops' part of the allow-list parser: a note's text and tags, a cluster's name
 * and notes.
 */
final class NoteFrames {
  private static final int MAX_TAGS = 10;
  private static final int MAX_NOTE_IDS = 500;
  private static final int MAX_CLUSTER_NAME = 120;

  private NoteFrames() {}

  static String text(JsonObject data, boolean required) {
    Object value = data.getValue("text");
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String given)) {
      throw invalid("error.invalidShape");
    }
    String text = PlainText.strip(given);
    int length = text.codePointCount(0, text.length());
    if (text.isBlank() || length > Note.MAX_TEXT || text.indexOf('\0') >= 0) {
      throw invalid("error.textLength");
    }
    if (!NoteText.hasVisible(text)) {
      throw invalid("error.textInvisible");
    }
    return text;
  }

  static List<String> tags(JsonObject data, boolean defaultEmpty) {
    Object value = data.getValue("tags");
    if (value == null) {
      return defaultEmpty ? List.of() : null;
    }
    if (!(value instanceof JsonArray array) || array.size() > MAX_TAGS) {
      throw invalid("error.invalidShape");
    }
    List<String> tags = new ArrayList<>();
    for (Object tag : array) {
      if (!(tag instanceof String s) || s.isEmpty() || s.length() > MAX_ID) {
        throw invalid("error.invalidShape");
      }
      if (!tags.contains(s)) {
        tags.add(s);
      }
    }
    return List.copyOf(tags);
  }

  static String clusterName(JsonObject data) {
    Object value =
        data.getValue("name") instanceof String given
            ? PlainText.strip(given)
            : data.getValue("name");
    if (!(value instanceof String name)
        || name.isBlank()
        || name.strip().codePointCount(0, name.strip().length()) > MAX_CLUSTER_NAME
        || name.indexOf('\0') >= 0) {
      throw invalid("error.clusterName");
    }
    return name.strip();
  }

  static List<UUID> noteIds(JsonObject data, boolean mayBeEmpty) {
    Object value = data.getValue("noteIds");
    if (value == null && mayBeEmpty) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)
        || array.size() > MAX_NOTE_IDS
        || (!mayBeEmpty && array.isEmpty())) {
      throw invalid("error.invalidShape");
    }
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      UUID id = optionalUuid(new JsonObject().put("id", array.getValue(i)), "id");
      if (id == null) {
        throw invalid("error.invalidShape");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return List.copyOf(ids);
  }
}
