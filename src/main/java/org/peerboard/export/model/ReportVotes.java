package org.peerboard.export.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The report's vote section: one part per revealed round (group, number, kind, when, voters,
 * comments), the proposals ranked with a bar as a percentage of the best one, ties sharing a rank,
 * each criterion's mean and median in the page's language, the ballots' comments, and for rating
 * rounds the matrix of the first criterion against the second (feasibility x sustainability by
 * default). Proposals are named as the room saw them: a hidden note is never quoted. Figures are
 * exact until shown, then rounded once (half up).
 */
public final class ReportVotes {
  static final int PLOT = 300;
  static final int MARGIN = 40;

  private ReportVotes() {}

  /** {@code gone} names a proposal the room no longer saw (a hidden or deleted note). */
  public static List<Map<String, Object>> of(
      Outcome.WorkshopView workshop, Votes votes, String language, ZoneId zone, String gone) {
    List<Map<String, Object>> rounds = new ArrayList<>();
    for (Outcome.GroupView group : workshop.groups()) {
      Map<UUID, String> labels = new HashMap<>();
      Map<UUID, List<String>> held = new HashMap<>();
      group.notes().forEach(n -> labels.put(n.id(), n.text()));
      group.clusters().forEach(c -> labels.put(c.id(), c.name()));
      group.notes().stream()
          .filter(n -> n.clusterId() != null)
          .forEach(n -> held.computeIfAbsent(n.clusterId(), k -> new ArrayList<>()).add(n.text()));
      Labels phases = new Labels(workshop.template(), language);
      for (VoteRound round : votes.rounds(group.group().id())) {
        Map<String, Object> view =
            round(group.group().name(), round, labels, held, language, zone, gone);
        for (Object item : (List<?>) view.get("items")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> proposal = (Map<String, Object>) item;
          List<String> linked =
              votes.phases(round.id(), (UUID) proposal.get("id")).stream()
                  .map(phases::phase)
                  .toList();
          proposal.put("phases", linked.isEmpty() ? null : String.join(", ", linked));
        }
        rounds.add(view);
      }
    }
    return rounds;
  }

  private static Map<String, Object> round(
      String group,
      VoteRound round,
      Map<UUID, String> labels,
      Map<UUID, List<String>> held,
      String language,
      ZoneId zone,
      String gone) {
    List<Votes.Ranked> ranked = Votes.ranked(round);
    double best = ranked.isEmpty() ? 0 : ranked.get(0).score();
    List<Map<String, Object>> items = new ArrayList<>();
    int comments = 0;
    for (Votes.Ranked r : ranked) {
      VoteRound.Proposal p = r.proposal();
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("rank", r.place().label());
      item.put("id", p.itemId());
      item.put("label", labels.getOrDefault(p.itemId(), gone));
      item.put(
          "notes",
          "cluster".equals(p.kind()) ? held.getOrDefault(p.itemId(), List.of()) : List.of());
      item.put("score", round.dots() ? String.valueOf(p.dots()) : number(r.score(), language));
      item.put("bar", best <= 0 ? 0 : Math.round(r.score() / best * 100));
      List<Map<String, Object>> criteria = new ArrayList<>();
      for (VoteRound.Criterion c : round.criteria()) {
        int[] d = p.distributions().getOrDefault(c.key(), new int[5]);
        Double mean = Votes.mean(d);
        Double median = Votes.median(d);
        Double sd = Votes.sd(d);
        criteria.add(
            Map.of(
                "label",
                Words.criterion(c, language),
                "n",
                Votes.count(d),
                "mean",
                mean == null ? "–" : number(mean, language),
                "median",
                median == null ? "–" : median(median, language),
                "sd",
                sd == null ? "–" : number(sd, language)));
      }
      item.put("criteria", criteria);
      item.put("comments", p.comments());
      comments += p.comments().size();
      items.add(item);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("group", group);
    view.put("number", round.number());
    view.put("dots", round.dots());
    view.put(
        "when",
        round.revealedAt() == null
            ? ""
            : when(round.revealedAt().atZoneSameInstant(zone), language));
    view.put("voters", round.voters());
    view.put("comments", comments);
    view.put("items", items);
    view.put(
        "matrix",
        round.dots() || round.criteria().size() < 2 ? null : matrix(round, ranked, language));
    return view;
  }

  /**
   * Proposals placed by their means on two criteria (feasibility across, sustainability up, when
   * the round has them; otherwise its first two), each point numbered by its rank; SVG coordinates
   * with 1 to 5 on each axis.
   */
  private static Map<String, Object> matrix(
      VoteRound round, List<Votes.Ranked> ranked, String language) {
    VoteRound.Criterion x = pick(round, "feasibility", 0);
    VoteRound.Criterion y = pick(round, "sustainability", x == round.criteria().get(0) ? 1 : 0);
    List<Map<String, Object>> points = new ArrayList<>();
    for (Votes.Ranked r : ranked) {
      Double mx = Votes.mean(r.proposal().distributions().getOrDefault(x.key(), new int[5]));
      Double my = Votes.mean(r.proposal().distributions().getOrDefault(y.key(), new int[5]));
      if (mx == null || my == null) {
        continue;
      }
      points.add(
          Map.of(
              "rank",
              r.place().label(),
              "cx",
              MARGIN + (mx - 1) / 4 * PLOT,
              "cy",
              MARGIN / 2 + (5 - my) / 4 * PLOT,
              "title",
              r.place().label() + ": " + number(mx, language) + " / " + number(my, language)));
    }
    List<Map<String, Object>> ticks = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      ticks.add(
          Map.of(
              "value",
              i,
              "x",
              MARGIN + (i - 1) / 4.0 * PLOT,
              "y",
              MARGIN / 2 + (5 - i) / 4.0 * PLOT));
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("x", Words.criterion(x, language));
    view.put("y", Words.criterion(y, language));
    view.put("points", points);
    view.put("ticks", ticks);
    view.put("left", MARGIN);
    view.put("top", MARGIN / 2);
    view.put("right", MARGIN + PLOT);
    view.put("bottom", MARGIN / 2 + PLOT);
    view.put("midX", MARGIN + PLOT / 2);
    view.put("midY", MARGIN / 2 + PLOT / 2);
    view.put("size", PLOT + MARGIN * 2);
    return view;
  }

  private static VoteRound.Criterion pick(VoteRound round, String key, int fallback) {
    return round.criteria().stream()
        .filter(c -> c.key().equals(key))
        .findFirst()
        .orElse(round.criteria().get(fallback));
  }

  /**
   * Two decimals in the page's language (3,83 in Italian), rounded half up from the exact value.
   */
  public static String number(double value, String language) {
    DecimalFormat format =
        new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(locale(language)));
    return format.format(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
  }

  private static String median(double value, String language) {
    return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(locale(language)))
        .format(value);
  }

  private static String when(ZonedDateTime time, String language) {
    return time.format(
        DateTimeFormatter.ofPattern(
            "it".equals(language) ? "d/M/yyyy, HH:mm" : "d MMM yyyy, HH:mm", locale(language)));
  }

  private static Locale locale(String language) {
    return "it".equals(language) ? Locale.ITALY : Locale.UK;
  }
}
