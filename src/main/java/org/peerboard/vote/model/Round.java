package org.peerboard.vote.model;

import java.util.List;
import java.util.UUID;

/**
 * A vote round over the items of one lane. {@code budget} and {@code cap} apply to dot votes only.
 */
public record Round(
    UUID id,
    String lane,
    RoundKind kind,
    RoundStatus status,
    int budget,
    int cap,
    List<String> criteria,
    boolean anonymous,
    boolean comments) {
  public static final int DEFAULT_BUDGET = 5;
  public static final int DEFAULT_CAP = 3;
  public static final List<String> DEFAULT_CRITERIA = List.of("feasibility", "sustainability");
  public static final int MIN_SCORE = 1;
  public static final int MAX_SCORE = 5;
}
