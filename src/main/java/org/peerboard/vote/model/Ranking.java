package org.peerboard.vote.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The one rule that ranks the proposals of a round, for the room (phone, projector, moderator), the
 * API, the report and every export: proposals are compared by their score as shown, two decimals
 * rounded half up from the exact figure; equal shown scores share a rank ("=1"), the next rank
 * skips (1, 1, 3), and tied proposals keep the round's order. Two proposals the room sees at 4,05
 * are therefore tied everywhere, whatever their third decimal.
 */
public final class Ranking {
  private Ranking() {}

  /** A proposal's place: its rank, and whether another proposal shares it. */
  public record Place(int rank, boolean tied) {
    /** "=1" for a shared rank, "1" otherwise: the way every page prints it. */
    public String label() {
      return (tied ? "=" : "") + rank;
    }
  }

  /** One proposal with its place and the score it was ranked by (as shown, two decimals). */
  public record Placed<T>(T item, Place place, double shown) {}

  /** A score as shown: two decimals, rounded half up from the exact value (3.835 → 3.84). */
  public static double shown(double exact) {
    return BigDecimal.valueOf(exact).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * {@code items} in the round's order, best first after ranking; {@code exactScore} the dots or
   * the exact mean of the criteria's means.
   */
  public static <T> List<Placed<T>> rank(List<T> items, ToDoubleFunction<T> exactScore) {
    List<Placed<T>> scored = new ArrayList<>();
    for (T item : items) {
      scored.add(new Placed<>(item, null, shown(exactScore.applyAsDouble(item))));
    }
    List<Placed<T>> sorted = new ArrayList<>(scored);
    sorted.sort(Comparator.comparingDouble((Placed<T> p) -> p.shown()).reversed());
    List<Placed<T>> placed = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      double score = sorted.get(i).shown();
      boolean sameAsPrevious = i > 0 && sorted.get(i - 1).shown() == score;
      boolean sameAsNext = i + 1 < sorted.size() && sorted.get(i + 1).shown() == score;
      int rank = sameAsPrevious ? placed.get(i - 1).place().rank() : i + 1;
      placed.add(
          new Placed<>(sorted.get(i).item(), new Place(rank, sameAsPrevious || sameAsNext), score));
    }
    return placed;
  }
}
