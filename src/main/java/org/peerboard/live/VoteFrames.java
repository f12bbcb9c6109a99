package org.peerboard.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerboard.board.model.PlainText;
import org.peerboard.vote.model.RoundKind;
import org.peerboard.vote.model.VoteOp;

/** The vote ops' part of the allow-list parser. */
final class VoteFrames {
  private static final int MAX_CRITERIA = 6;
  private static final int MAX_LABEL = 80;

  private VoteFrames() {}

  static VoteOp.Open open(JsonObject data) {
    String lane =
        data.getValue("lane") == null ? "improvements" : FrameFields.string(data, "lane", 100);
    RoundKind kind =
        RoundKind.fromWire(FrameFields.string(data, "kind", 20))
            .orElseThrow(() -> FrameFields.invalid("error.invalidShape"));
    List<VoteOp.Criterion> criteria = null;
    Object raw = data.getValue("criteria");
    if (raw != null) {
      if (!(raw instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_CRITERIA) {
        throw FrameFields.invalid("error.invalidShape");
      }
      criteria = new ArrayList<>();
      for (Object c : array) {
        criteria.add(criterion(c));
      }
    }
    return new VoteOp.Open(
        lane,
        kind,
        FrameFields.optionalInt(data, "budget"),
        FrameFields.optionalInt(data, "cap"),
        criteria,
        FrameFields.optionalBool(data, "anonymous"),
        FrameFields.optionalBool(data, "comments"));
  }

  static VoteOp.Cast cast(JsonObject data) {
    Map<String, Integer> scores = null;
    Object raw = data.getValue("scores");
    if (raw != null) {
      if (!(raw instanceof JsonObject object) || object.size() > MAX_CRITERIA) {
        throw FrameFields.invalid("error.invalidShape");
      }
      scores = new LinkedHashMap<>();
      for (String key : object.fieldNames()) {
        Integer score = FrameFields.optionalInt(object, key);
        if (score == null || key.length() > 40) {
          throw FrameFields.invalid("error.invalidShape");
        }
        scores.put(key, score);
      }
    }
    Integer dots = FrameFields.optionalInt(data, "dots");
    if ((dots == null) == (scores == null)) {
      throw FrameFields.invalid("error.invalidShape");
    }
    String comment = comment(data.getValue("comment"));
    return new VoteOp.Cast(
        FrameFields.uuid(data, "roundId"), FrameFields.uuid(data, "itemId"), dots, scores, comment);
  }

  private static String comment(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String given)) {
      throw FrameFields.invalid("error.textLength");
    }
    String text = PlainText.strip(given);
    if (text.codePointCount(0, text.length()) > 500) {
      throw FrameFields.invalid("error.textLength");
    }
    return text.isBlank() ? null : text.strip();
  }

  static List<String> phases(JsonObject data) {
    if (!(data.getValue("phases") instanceof JsonArray array) || array.size() > 20) {
      throw FrameFields.invalid("error.invalidShape");
    }
    List<String> phases = new ArrayList<>();
    for (Object phase : array) {
      if (!(phase instanceof String s) || s.isEmpty() || s.length() > 100) {
        throw FrameFields.invalid("error.invalidShape");
      }
      phases.add(s);
    }
    return phases;
  }

  private static VoteOp.Criterion criterion(Object raw) {
    if (raw instanceof String key && key.matches("[a-z][a-z0-9-]{0,39}")) {
      return new VoteOp.Criterion(key, null);
    }
    if (raw instanceof JsonObject object
        && object.getValue("key") instanceof String key
        && key.matches("[a-z][a-z0-9-]{0,39}")
        && object.getValue("labels") instanceof JsonObject labels) {
      Map<String, String> map = new LinkedHashMap<>();
      for (String language : List.of("it", "en")) {
        if (!(labels.getValue(language) instanceof String label)
            || label.isBlank()
            || label.length() > MAX_LABEL) {
          throw FrameFields.invalid("error.invalidShape");
        }
        map.put(language, label.strip());
      }
      return new VoteOp.Criterion(key, map);
    }
    throw FrameFields.invalid("error.invalidShape");
  }
}
