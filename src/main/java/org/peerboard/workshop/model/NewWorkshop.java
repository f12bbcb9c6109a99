package org.peerboard.workshop.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A validated request to set up a workshop with one board per group. {@code privacyNotice} is the
 * organiser's notice given as one text, {@code privacyNotices} given per language ({@code it},
 * {@code en}); with neither, participants see the built-in notice, which names {@code
 * organisation}, {@code contact}, {@code purpose} and {@code retainUntil}.
 */
public record NewWorkshop(
    String title,
    String place,
    LocalDate date,
    String language,
    String templateId,
    List<String> groups,
    String privacyNotice,
    // participants' rights (issue 22)
    Map<String, String> privacyNotices,
    String organisation,
    String contact,
    String purpose,
    LocalDate retainUntil) {

  public static final int MAX_GROUPS = 30;
  public static final int MAX_NAME = 80;
  public static final int MAX_TITLE = 200;
  public static final int MAX_NOTICE = 4000;

  /** The same request with an uploaded template's id. */
  public NewWorkshop withTemplate(String id) {
    return new NewWorkshop(
        title,
        place,
        date,
        language,
        id,
        groups,
        privacyNotice,
        privacyNotices,
        organisation,
        contact,
        purpose,
        retainUntil);
  }
}
