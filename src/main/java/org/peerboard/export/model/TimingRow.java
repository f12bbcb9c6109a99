package org.peerboard.export.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One row of the run-sheet's timing table: a step of a board's agenda as planned against as it ran.
 * A step started twice (the moderator went back) has a row per start; a step never started has one
 * row with empty times and counts.
 */
public record TimingRow(
    UUID boardId,
    int step,
    String title,
    String phase,
    String stage,
    int plannedMinutes,
    OffsetDateTime startedAt,
    OffsetDateTime endedAt,
    Long notesAdded,
    Long posters) {

  /** The timing table's columns ({@code timing.csv}, the Timing sheet), by their stable keys. */
  public static final List<String> COLUMNS =
      List.of(
          "workshop_id",
          "group_id",
          "group",
          "step",
          "title",
          "phase",
          "stage",
          "planned_minutes",
          "started_at",
          "ended_at",
          "actual_minutes",
          "notes_added",
          "posters");

  /** Minutes from start to end, to a tenth; null until the step ended. */
  public BigDecimal actualMinutes() {
    if (startedAt == null || endedAt == null) {
      return null;
    }
    long millis = Duration.between(startedAt, endedAt).toMillis();
    return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
  }

  /** The row's cells in the order of {@link #COLUMNS}. */
  public Object[] cells(WorkshopFacts workshop, Group group) {
    BigDecimal actual = actualMinutes();
    return new Object[] {
      workshop.id(),
      group.id(),
      group.name(),
      step,
      title,
      phase,
      stage,
      plannedMinutes,
      startedAt,
      endedAt,
      actual,
      notesAdded,
      posters
    };
  }
}
