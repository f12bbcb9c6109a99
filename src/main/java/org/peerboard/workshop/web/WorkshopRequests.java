package org.peerboard.workshop.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.NoteText;
import org.peerboard.board.model.PlainText;
import org.peerboard.board.model.Rejection;
import org.peerboard.workshop.model.NewWorkshop;
import org.peerboard.workshop.model.Retention;

/**
 * Reads request bodies of the workshop routes into validated values; anything else is {@code
 * invalid}.
 */
final class WorkshopRequests {
  private WorkshopRequests() {}

  /**
   * A workshop request; {@code templateId} overrides the body's {@code template} (an uploaded one).
   */
  static NewWorkshop newWorkshop(JsonObject body, String templateId, LocalDate today) {
    NewWorkshop request = newWorkshop(body, today);
    return templateId == null ? request : request.withTemplate(templateId);
  }

  static NewWorkshop newWorkshop(JsonObject body, LocalDate today) {
    String title = text(body, "title", NewWorkshop.MAX_TITLE, true);
    String place = text(body, "place", NewWorkshop.MAX_TITLE, false);
    LocalDate date = null;
    String rawDate = text(body, "date", 10, false);
    if (rawDate != null) {
      try {
        date = LocalDate.parse(rawDate);
      } catch (DateTimeParseException e) {
        throw invalid();
      }
    }
    String language = text(body, "language", 2, false);
    if (language == null) {
      language = "en";
    } else if (!language.equals("it") && !language.equals("en")) {
      throw invalid();
    }
    String template =
        body.getValue("template") instanceof JsonObject ? null : text(body, "template", 100, false);
    List<String> groups = new ArrayList<>();
    Object rawGroups = body.getValue("groups");
    if (rawGroups != null) {
      if (!(rawGroups instanceof JsonArray array)
          || array.isEmpty()
          || array.size() > NewWorkshop.MAX_GROUPS) {
        throw invalid();
      }
      for (Object group : array) {
        groups.add(name(group));
      }
    } else {
      groups.add("it".equals(language) ? "Gruppo 1" : "Group 1");
    }
    String notice =
        body.getValue("privacyNotice") instanceof JsonObject
            ? null
            : text(body, "privacyNotice", NewWorkshop.MAX_NOTICE, false);
    return new NewWorkshop(
        title,
        place,
        date,
        language,
        template == null ? "care-pathway" : template,
        List.copyOf(groups),
        notice,
        notices(body),
        text(body, "organisation", NewWorkshop.MAX_TITLE, false),
        text(body, "contact", NewWorkshop.MAX_TITLE, false),
        text(body, "purpose", NewWorkshop.MAX_TITLE, false),
        body.getValue("retainUntil") == null
            ? Retention.byDefault(date, today)
            : retainUntil(body, today));
  }

  /** The organiser's notice given per language, {@code {"it": "…", "en": "…"}} (one or both). */
  private static Map<String, String> notices(JsonObject body) {
    if (!(body.getValue("privacyNotice") instanceof JsonObject given)) {
      return Map.of();
    }
    Map<String, String> notices = new LinkedHashMap<>();
    for (String field : given.fieldNames()) {
      if (!field.equals("it") && !field.equals("en")) {
        throw invalid();
      }
      String text = text(given, field, NewWorkshop.MAX_NOTICE, false);
      if (text != null) {
        notices.put(field, text);
      }
    }
    if (notices.isEmpty()) {
      throw invalid();
    }
    return Map.copyOf(notices);
  }

  /**
   * A retention date the organiser chose: {@code YYYY-MM-DD}, not in the past, not beyond 10 years
   * from today.
   */
  static LocalDate retainUntil(JsonObject body, LocalDate today) {
    String raw = text(body, "retainUntil", 10, true);
    LocalDate until;
    try {
      until = LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw new Rejection(ErrorCode.INVALID, "error.retainUntilInvalid");
    }
    if (!Retention.allowed(until, today)) {
      throw new Rejection(ErrorCode.INVALID, "error.retainUntilInvalid");
    }
    return until;
  }

  static String name(Object value) {
    if (!(value instanceof String s)
        || s.isBlank()
        || !NoteText.hasVisible(s)
        || s.strip().length() > NewWorkshop.MAX_NAME
        || s.indexOf('\0') >= 0) {
      throw invalid();
    }
    return s.strip();
  }

  static String text(JsonObject body, String field, int max, boolean required) {
    Object value =
        body.getValue(field) instanceof String given
            ? PlainText.strip(given)
            : body.getValue(field);
    if (PlainText.hasLoneSurrogate(value)) {
      throw invalid();
    }
    if (value == null || (value instanceof String s && s.isBlank() && !required)) {
      if (required) {
        throw invalid();
      }
      return null;
    }
    if (!(value instanceof String s)
        || s.isBlank()
        || !NoteText.hasVisible(s)
        || s.strip().length() > max
        || s.indexOf('\0') >= 0) {
      throw invalid();
    }
    return s.strip();
  }

  static JsonObject body(RoutingContext ctx) {
    try {
      Object json = ctx.body().asJsonObject();
      if (json == null) {
        throw invalid();
      }
      return (JsonObject) json;
    } catch (DecodeException | ClassCastException e) {
      throw invalid();
    }
  }

  static Rejection invalid() {
    return new Rejection(ErrorCode.INVALID, "error.invalidShape");
  }
}
