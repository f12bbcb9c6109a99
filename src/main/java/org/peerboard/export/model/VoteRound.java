package org.peerboard.export.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One revealed vote round as exports read it: its set-up, when it was opened and revealed, how many
 * people voted, and the raw figures of each proposal (dots, or the count of each score 1 to 5 per
 * criterion, and the comments). Means, medians and ranks are derived from these exact counts
 * ({@link Votes}), rounded only when shown.
 */
public record VoteRound(
    UUID boardId,
    UUID id,
    int number,
    String lane,
    String kind,
    boolean anonymous,
    boolean comments,
    List<Criterion> criteria,
    OffsetDateTime openedAt,
    OffsetDateTime revealedAt,
    int voters,
    List<Proposal> proposals) {
  public static final String DOTS = "dots";

  public boolean dots() {
    return DOTS.equals(kind);
  }

  /** A rating criterion: its key and, for a custom one, its labels by language. */
  public record Criterion(String key, Map<String, String> labels) {}

  /**
   * One proposal (a note or a cluster) of the round: position among the round's items, dots and
   * voters (dot rounds), the count of each score per criterion (index 0 is score 1), and the
   * ballots' comments.
   */
  public record Proposal(
      UUID itemId,
      String kind,
      int position,
      int dots,
      int voters,
      Map<String, int[]> distributions,
      List<String> comments) {}
}
