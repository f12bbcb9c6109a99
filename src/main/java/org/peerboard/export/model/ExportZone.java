package org.peerboard.export.model;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The time zone of the times in CSV and XLSX downloads and pages: where the workshops are held,
 * {@code PEERBOARD_TIME_ZONE}, by default Europe/Rome. JSON keeps UTC.
 */
public final class ExportZone {
  public static final ZoneId ZONE = of(System.getenv("PEERBOARD_TIME_ZONE"));

  private ExportZone() {}

  static ZoneId of(String configured) {
    try {
      return configured == null || configured.isBlank()
          ? ZoneId.of("Europe/Rome")
          : ZoneId.of(configured.strip());
    } catch (DateTimeException e) {
      return ZoneId.of("Europe/Rome");
    }
  }
}
