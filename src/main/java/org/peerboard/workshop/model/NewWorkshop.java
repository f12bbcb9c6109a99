package org.peerboard.workshop.model;

import java.time.LocalDate;
import java.util.List;

/** A validated request to set up a workshop with one board per group. */
public record NewWorkshop(
    String title,
    String place,
    LocalDate date,
    String language,
    String templateId,
    List<String> groups,
    String privacyNotice) {

  public static final int MAX_GROUPS = 30;
  public static final int MAX_NAME = 80;
  public static final int MAX_TITLE = 200;
  public static final int MAX_NOTICE = 4000;
}
