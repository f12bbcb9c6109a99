package org.peerboard.export.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The facts of a workshop that every export repeats: title, place (the territory), date and
 * language.
 */
public record WorkshopFacts(
    UUID id,
    String title,
    String place,
    String date,
    String language,
    String templateId,
    OffsetDateTime createdAt) {

  /** The workshop's day as a date (a date cell in XLSX), null when none was given. */
  public LocalDate day() {
    return date == null ? null : LocalDate.parse(date);
  }
}
