package org.peerboard.live;

import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Versions;

/**
 * The typed readers of a frame's fields that every family of ops shares: a field that is missing
 * where required, of another type or out of its bounds is an {@code invalid} rejection.
 */
final class FrameFields {
  static final int MAX_ID = 100;

  private FrameFields() {}

  static String string(JsonObject json, String field, int maxLength) {
    if (!(json.getValue(field) instanceof String s) || s.isEmpty() || s.length() > maxLength) {
      throw invalid("error.invalidShape");
    }
    return s;
  }

  static UUID uuid(JsonObject json, String field) {
    UUID id = optionalUuid(json, field);
    if (id == null) {
      throw invalid("error.invalidShape");
    }
    return id;
  }

  static UUID optionalUuid(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.length() != 36) {
      throw invalid("error.invalidShape");
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw invalid("error.invalidShape");
    }
  }

  static boolean requiredBool(JsonObject data, String field) {
    Boolean value = optionalBool(data, field);
    if (value == null) {
      throw invalid("error.invalidShape");
    }
    return value;
  }

  static boolean bool(JsonObject data, String field, boolean fallback) {
    Boolean value = optionalBool(data, field);
    return value == null ? fallback : value;
  }

  static Boolean optionalBool(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean b)) {
      throw invalid("error.invalidShape");
    }
    return b;
  }

  static Integer optionalInt(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.floor(n.doubleValue())
        || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
      throw invalid("error.invalidShape");
    }
    return n.intValue();
  }

  static Integer version(JsonObject data) {
    return Versions.of(data.getValue("version"));
  }

  static Rejection invalid(String key) {
    return new Rejection(ErrorCode.INVALID, key);
  }
}
