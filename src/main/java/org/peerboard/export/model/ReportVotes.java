package org.peerboard.export.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The report's vote section: per group and revealed round the items ranked (dots, or the mean of the criteria
 * means), each with its label and a bar as a percentage of the best item, ties shown with the same rank.
 */
public final class ReportVotes {
  private ReportVotes() {}

  public static List<Map<String, Object>> of(Outcome.WorkshopView workshop, Votes votes) {
    List<Map<String, Object>> rounds = new ArrayList<>();
    for (Outcome.GroupView group : workshop.groups()) {
      Map<UUID, String> labels = new LinkedHashMap<>();
      group.clusters().forEach(c -> labels.put(c.id(), c.name()));
      group.notes().forEach(n -> labels.put(n.id(), n.text()));
      Map<UUID, List<VoteFigure>> byRound = new LinkedHashMap<>();
      votes.all().stream().filter(f -> f.boardId().equals(group.group().id()))
          .forEach(f -> byRound.computeIfAbsent(f.roundId(), id -> new ArrayList<>()).add(f));
      byRound.forEach((roundId, figures) -> rounds.add(round(group.group().name(), figures, labels)));
    }
    return rounds;
  }

  private static Map<String, Object> round(String group, List<VoteFigure> figures, Map<UUID, String> labels) {
    boolean dots = "dots".equals(figures.get(0).roundKind());
    Map<UUID, List<VoteFigure>> byItem = new LinkedHashMap<>();
    figures.forEach(f -> byItem.computeIfAbsent(f.itemId(), id -> new ArrayList<>()).add(f));
    List<Map<String, Object>> items = new ArrayList<>();
    byItem.forEach((itemId, its) -> {
      double score = dots ? its.get(0).dots()
          : its.stream().filter(f -> f.mean() != null).mapToDouble(VoteFigure::mean).average().orElse(0);
      List<Map<String, Object>> criteria = new ArrayList<>();
      if (!dots) {
        its.forEach(f -> criteria.add(Map.of("key", f.criterion(), "n", f.ballots(),
            "mean", f.mean() == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", f.mean()),
            "median", f.median() == null ? "–" : String.valueOf(f.median()))));
      }
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("label", labels.getOrDefault(itemId, "?"));
      item.put("score", dots ? String.valueOf((int) score) : String.format(java.util.Locale.ROOT, "%.2f", score));
      item.put("value", score);
      item.put("criteria", criteria);
      items.add(item);
    });
    items.sort(Comparator.comparingDouble(i -> -((Double) i.get("value"))));
    double best = items.isEmpty() ? 0 : (Double) items.get(0).get("value");
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> item = items.get(i);
      double value = (Double) item.get("value");
      boolean sameAsBefore = i > 0 && (Double) items.get(i - 1).get("value") == value;
      item.put("rank", sameAsBefore ? items.get(i - 1).get("rank") : i + 1);
      item.put("bar", best <= 0 ? 0 : Math.round(value / best * 100));
    }
    return Map.of("group", group, "dots", dots, "items", items);
  }
}
