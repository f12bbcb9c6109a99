package org.peerboard.workshop.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.NoteText;
import org.peerboard.board.model.PlainText;
import org.peerboard.board.model.Rejection;
import org.peerboard.workshop.model.NewWorkshop;

/**
 * Reads request bodies of the workshop routes into validated values; anything else is {@code
 * invalid}.
 */
final class WorkshopRequests {
  private WorkshopRequests() {}

  /**
   * A workshop request; {@code templateId} overrides the body's {@code template} (an uploaded one).
   */
  static NewWorkshop newWorkshop(JsonObject body, String templateId) {
    NewWorkshop request = newWorkshop(body);
    return templateId == null
        ? request
        : new NewWorkshop(
            request.title(),
            request.place(),
            request.date(),
            request.language(),
            templateId,
            request.groups(),
            request.privacyNotice());
  }

  static NewWorkshop newWorkshop(JsonObject body) {
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
    String notice = text(body, "privacyNotice", NewWorkshop.MAX_NOTICE, false);
    return new NewWorkshop(
        title,
        place,
        date,
        language,
        template == null ? "care-pathway" : template,
        List.copyOf(groups),
        notice);
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
