package org.peerboard.action.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One thing a group decided to do: a title, the proposal it came from (a note or a cluster, or
 * none), who takes it on (an organisation or a role), by when, where it stands and its next step.
 */
public record Action(
    UUID id,
    UUID boardId,
    String title,
    UUID fromNoteId,
    UUID fromClusterId,
    String owner,
    LocalDate due,
    ActionStatus status,
    String nextStep,
    int version,
    Instant createdAt,
    Instant updatedAt) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_OWNER = 120;
  public static final int MAX_NEXT_STEP = 500;

  /** Actions one board may hold: a plan, not a second board of notes. */
  public static final int MAX_PER_BOARD = 200;

  /** The origin's id: the note's or the cluster's, or null. */
  public UUID fromId() {
    return fromNoteId != null ? fromNoteId : fromClusterId;
  }

  /**
   * A proposal's text as an action's title: whole when it fits, else cut at a word with an
   * ellipsis.
   */
  public static String titleOf(String proposal) {
    String text = proposal.strip().replaceAll("\\s+", " ");
    if (text.codePointCount(0, text.length()) <= MAX_TITLE) {
      return text;
    }
    String cut = text.substring(0, text.offsetByCodePoints(0, MAX_TITLE - 1));
    int space = cut.lastIndexOf(' ');
    if (space > MAX_TITLE / 2) {
      cut = cut.substring(0, space);
    }
    return cut.stripTrailing() + "…";
  }
}
