package org.peerboard.workshop.model;

import java.time.LocalDate;

/**
 * How long a workshop's data is kept: by default 24 months from the workshop's date (from the day
 * it is created when that date is already past or not given), never more than 10 years from today;
 * the day after {@code retainUntil} it is deleted by itself. Plain rules, tested without a server.
 */
public final class Retention {
  public static final int DEFAULT_MONTHS = 24;
  public static final int MAX_YEARS = 10;

  /** From this many days before the date, the organiser page warns and suggests downloading. */
  public static final int WARN_DAYS = 30;

  private Retention() {}

  /** The retention date of a new workshop held on {@code date} (null: not given), created today. */
  public static LocalDate byDefault(LocalDate date, LocalDate today) {
    LocalDate from = date == null || date.isBefore(today) ? today : date;
    LocalDate until = from.plusMonths(DEFAULT_MONTHS);
    LocalDate latest = latest(today);
    return until.isAfter(latest) ? latest : until;
  }

  /** The latest retention date allowed today. */
  public static LocalDate latest(LocalDate today) {
    return today.plusYears(MAX_YEARS);
  }

  /** Whether an organiser may choose this date today: not in the past, not beyond 10 years. */
  public static boolean allowed(LocalDate retainUntil, LocalDate today) {
    return !retainUntil.isBefore(today) && !retainUntil.isAfter(latest(today));
  }

  /** Whether a workshop kept until {@code retainUntil} is due for deletion today. */
  public static boolean expired(LocalDate retainUntil, LocalDate today) {
    return today.isAfter(retainUntil);
  }

  /** Whether the organiser page warns today that the data will soon be deleted. */
  public static boolean warns(LocalDate retainUntil, LocalDate today) {
    return !today.isBefore(retainUntil.minusDays(WARN_DAYS));
  }
}
