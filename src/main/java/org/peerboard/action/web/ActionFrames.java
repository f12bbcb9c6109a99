package org.peerboard.action.web;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.peerboard.action.model.Action;
import org.peerboard.action.model.ActionOp;
import org.peerboard.action.model.ActionStatus;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.NoteText;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.PlainText;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Versions;

/**
 * The action ops' part of the allow-list parser: {@code action.create}, {@code action.update},
 * {@code action.delete}. Texts are stripped and measured in characters; a due date is a real
 * calendar date written {@code YYYY-MM-DD}.
 */
public final class ActionFrames {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private ActionFrames() {}

  public static Op op(String name, JsonObject data) {
    return switch (name) {
      case "action.create" -> new ActionOp.Create(fields(data));
      case "action.update" -> {
        ActionOp.Fields fields = fields(data);
        if (fields.isEmpty()) {
          throw invalid("error.invalidShape");
        }
        yield new ActionOp.Update(uuid(data, "actionId"), fields, version(data));
      }
      case "action.delete" -> new ActionOp.Delete(uuid(data, "actionId"));
      default -> throw invalid("error.unknownOp");
    };
  }

  private static ActionOp.Fields fields(JsonObject data) {
    Set<String> cleared = new HashSet<>();
    String title = text(data, "title", Action.MAX_TITLE, "error.actionTitle", cleared);
    if (cleared.remove("title")) {
      throw invalid("error.actionTitle");
    }
    String owner = text(data, "owner", Action.MAX_OWNER, "error.actionOwner", cleared);
    String nextStep = text(data, "nextStep", Action.MAX_NEXT_STEP, "error.actionNextStep", cleared);
    LocalDate due = null;
    if (data.containsKey("due")) {
      Object raw = data.getValue("due");
      if (raw == null || "".equals(raw)) {
        cleared.add("due");
      } else if (!(raw instanceof String s) || s.length() != 10) {
        throw invalid("error.actionDue");
      } else {
        try {
          due = LocalDate.parse(s, DATE);
        } catch (DateTimeParseException e) {
          throw invalid("error.actionDue");
        }
      }
    }
    ActionStatus status = null;
    if (data.getValue("status") != null) {
      status =
          data.getValue("status") instanceof String s
              ? ActionStatus.fromWire(s).orElseThrow(() -> invalid("error.actionStatus"))
              : null;
      if (status == null) {
        throw invalid("error.actionStatus");
      }
    }
    UUID fromNoteId = optionalUuid(data, "fromNoteId", cleared);
    UUID fromClusterId = optionalUuid(data, "fromClusterId", cleared);
    return new ActionOp.Fields(
        title, fromNoteId, fromClusterId, owner, due, status, nextStep, Set.copyOf(cleared));
  }

  /** A text field: absent (null), cleared (null or blank given), or its stripped text. */
  private static String text(
      JsonObject data, String field, int max, String errorKey, Set<String> cleared) {
    if (!data.containsKey(field)) {
      return null;
    }
    Object raw = data.getValue(field);
    if (raw == null) {
      cleared.add(field);
      return null;
    }
    if (!(raw instanceof String given)) {
      throw invalid("error.invalidShape");
    }
    String text = PlainText.strip(given).strip();
    if (text.isEmpty()) {
      cleared.add(field);
      return null;
    }
    if (text.codePointCount(0, text.length()) > max
        || text.indexOf('\0') >= 0
        || !NoteText.hasVisible(text)) {
      throw invalid(errorKey);
    }
    return text;
  }

  private static UUID optionalUuid(JsonObject data, String field, Set<String> cleared) {
    if (!data.containsKey(field)) {
      return null;
    }
    Object value = data.getValue(field);
    if (value == null) {
      cleared.add(field);
      return null;
    }
    return uuid(data, field);
  }

  private static UUID uuid(JsonObject data, String field) {
    if (!(data.getValue(field) instanceof String s) || s.length() != 36) {
      throw invalid("error.invalidShape");
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw invalid("error.invalidShape");
    }
  }

  private static Integer version(JsonObject data) {
    return Versions.of(data.getValue("version"));
  }

  private static Rejection invalid(String key) {
    return new Rejection(ErrorCode.INVALID, key);
  }
}
