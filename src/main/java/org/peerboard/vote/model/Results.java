package org.peerboard.vote.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The figures of a round, always recomputed from the ballots: dots and voters per item for dot
 * votes; per criterion the count, mean, median, distribution of 1 to 5 and agreement for ratings.
 * Items are ranked by {@link Ranking}, the one rule every page and export shares.
 */
public final class Results {
  private Results() {}

  /**
   * One criterion's figures for one item; agreement is 1 when everyone gave the same score, 0 at
   * most spread.
   */
  public record Criterion(
      int n, double mean, double median, int[] distribution, double sd, double agreement) {}

  public record Item(
      UUID itemId,
      int rank,
      boolean tied,
      int dots,
      int voters,
      Map<String, Criterion> criteria,
      double score,
      List<String> comments) {}

  public static List<Item> compute(Round round, List<UUID> items, List<Ballot> ballots) {
    List<Item> unranked = new ArrayList<>();
    Map<UUID, Double> exact = new HashMap<>();
    for (UUID itemId : items) {
      List<Ballot> mine = ballots.stream().filter(b -> b.itemId().equals(itemId)).toList();
      List<String> comments =
          round.comments()
              ? mine.stream().map(Ballot::comment).filter(c -> c != null && !c.isBlank()).toList()
              : List.of();
      if (round.kind() == RoundKind.DOTS) {
        int dots = mine.stream().mapToInt(Ballot::dots).sum();
        int voters = (int) mine.stream().filter(b -> b.dots() > 0).count();
        exact.put(itemId, (double) dots);
        unranked.add(new Item(itemId, 0, false, dots, voters, Map.of(), dots, comments));
      } else {
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        List<Double> means = new ArrayList<>();
        for (String criterion : round.criteria()) {
          int[] scores =
              mine.stream()
                  .map(b -> b.scores().get(criterion))
                  .filter(s -> s != null)
                  .mapToInt(Integer::intValue)
                  .toArray();
          criteria.put(criterion, criterion(scores));
          if (scores.length > 0) {
            means.add(Arrays.stream(scores).sum() / (double) scores.length);
          }
        }
        double score = means.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        exact.put(itemId, score);
        int voters = (int) mine.stream().filter(b -> !b.scores().isEmpty()).count();
        unranked.add(
            new Item(itemId, 0, false, 0, voters, criteria, Ranking.shown(score), comments));
      }
    }
    return rank(unranked, exact);
  }

  static Criterion criterion(int[] scores) {
    int[] distribution = new int[Round.MAX_SCORE];
    for (int s : scores) {
      distribution[s - 1]++;
    }
    if (scores.length == 0) {
      return new Criterion(0, 0, 0, distribution, 0, 0);
    }
    int[] sorted = scores.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double mean = Arrays.stream(sorted).average().orElse(0);
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    double variance = Arrays.stream(sorted).mapToDouble(s -> (s - mean) * (s - mean)).sum() / n;
    double sd = Math.sqrt(variance);
    double maxSd = (Round.MAX_SCORE - Round.MIN_SCORE) / 2.0;
    return new Criterion(n, round2(mean), median, distribution, round2(sd), round2(1 - sd / maxSd));
  }

  private static List<Item> rank(List<Item> items, Map<UUID, Double> exact) {
    List<Item> ranked = new ArrayList<>();
    for (Ranking.Placed<Item> placed : Ranking.rank(items, i -> exact.get(i.itemId()))) {
      Item item = placed.item();
      ranked.add(
          new Item(
              item.itemId(),
              placed.place().rank(),
              placed.place().tied(),
              item.dots(),
              item.voters(),
              item.criteria(),
              item.score(),
              item.comments()));
    }
    return ranked;
  }

  private static double round2(double value) {
    return Ranking.shown(value);
  }
}
