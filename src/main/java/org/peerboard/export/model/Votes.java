package org.peerboard.export.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.vote.model.Ranking;

/**
 * Every revealed vote round of the exported boards, with the words of each proposal. Figures are
 * derived here from exact counts: a mean is never a mean of rounded means, and rounding happens
 * once, where a figure is shown.
 */
public final class Votes {
  public static final Votes NONE = new Votes(List.of(), Map.of());

  private final List<VoteRound> rounds;
  private final Map<UUID, ProposalText> texts;
  private final List<BallotRow> ballots;
  private final Map<UUID, Map<UUID, List<String>>> links;
  private final Map<UUID, Boolean> items = new HashMap<>();

  public Votes(List<VoteRound> rounds, Map<UUID, ProposalText> texts) {
    this(rounds, texts, List.of(), Map.of());
  }

  /**
   * {@code ballots}: the anonymised ballots of the rounds; {@code links}: per round, the phases
   * each proposal was linked to ({@code vote.link}).
   */
  public Votes(
      List<VoteRound> rounds,
      Map<UUID, ProposalText> texts,
      List<BallotRow> ballots,
      Map<UUID, Map<UUID, List<String>>> links) {
    this.rounds = List.copyOf(rounds);
    this.texts = Map.copyOf(texts);
    this.ballots = List.copyOf(ballots);
    this.links = Map.copyOf(links);
    rounds.forEach(r -> r.proposals().forEach(p -> items.put(p.itemId(), true)));
  }

  /** Every round's ids, to read their ballots and links. */
  public List<UUID> roundIds() {
    return rounds.stream().map(VoteRound::id).toList();
  }

  public Votes withBallots(List<BallotRow> found, Map<UUID, Map<UUID, List<String>>> phases) {
    return new Votes(rounds, texts, found, phases);
  }

  /** The anonymised ballots of one round, by ballot id and then the proposal's position. */
  public List<BallotRow> ballots(UUID roundId) {
    return ballots.stream().filter(b -> b.roundId().equals(roundId)).toList();
  }

  /** The phases (keys) a proposal of a round was linked to, in the order the moderator gave. */
  public List<String> phases(UUID roundId, UUID itemId) {
    return links.getOrDefault(roundId, Map.of()).getOrDefault(itemId, List.of());
  }

  /**
   * The words of a proposal: a cluster's name and the texts of the notes it holds, or a note's
   * text.
   */
  public record ProposalText(UUID id, String kind, String label, List<String> notes) {}

  /**
   * A proposal in its round's order: its place (ties share one, "=1"), the exact score; the rank
   * comes from the score as shown ({@link Ranking}).
   */
  public record Ranked(Ranking.Place place, VoteRound.Proposal proposal, double score) {
    public int rank() {
      return place.rank();
    }
  }

  public List<VoteRound> rounds() {
    return rounds;
  }

  public List<VoteRound> rounds(UUID boardId) {
    return rounds.stream().filter(r -> r.boardId().equals(boardId)).toList();
  }

  /** Only this board's rounds (and the words of their proposals). */
  public Votes onBoard(UUID boardId) {
    List<VoteRound> kept = rounds(boardId);
    Map<UUID, ProposalText> words = new HashMap<>();
    kept.forEach(
        r ->
            r.proposals()
                .forEach(
                    p -> {
                      ProposalText text = texts.get(p.itemId());
                      if (text != null) {
                        words.put(p.itemId(), text);
                      }
                    }));
    List<UUID> keptIds = kept.stream().map(VoteRound::id).toList();
    Map<UUID, Map<UUID, List<String>>> keptLinks = new HashMap<>();
    links.forEach(
        (round, phases) -> {
          if (keptIds.contains(round)) {
            keptLinks.put(round, phases);
          }
        });
    return new Votes(
        kept,
        words,
        ballots.stream().filter(b -> keptIds.contains(b.roundId())).toList(),
        keptLinks);
  }

  public boolean isEmpty() {
    return rounds.isEmpty();
  }

  public Votes withTexts(Map<UUID, ProposalText> found) {
    return new Votes(rounds, found, ballots, links);
  }

  public ProposalText text(UUID itemId) {
    ProposalText text = texts.get(itemId);
    return text != null ? text : new ProposalText(itemId, null, "", List.of());
  }

  /** Every proposal id of every round, to read their words. */
  public List<UUID> itemIds() {
    return new ArrayList<>(items.keySet());
  }

  /**
   * The proposal a note was voted as: the note itself, else its cluster; null when neither was
   * voted on.
   */
  public UUID proposalOf(UUID noteId, UUID clusterId) {
    if (items.containsKey(noteId)) {
      return noteId;
    }
    return clusterId != null && items.containsKey(clusterId) ? clusterId : null;
  }

  /**
   * The proposals of a round by rank, the room's rule ({@link Ranking}): most dots, or the highest
   * mean of the criterion means (each exact) as shown to two decimals; equal shown scores share a
   * rank (1, 2, 2, 4) and keep the round's order among them.
   */
  public static List<Ranked> ranked(VoteRound round) {
    List<VoteRound.Proposal> inOrder = new ArrayList<>(round.proposals());
    inOrder.sort(Comparator.comparingInt(VoteRound.Proposal::position));
    Map<UUID, Double> scores = new HashMap<>();
    inOrder.forEach(p -> scores.put(p.itemId(), score(round, p)));
    List<Ranked> ranked = new ArrayList<>();
    for (Ranking.Placed<VoteRound.Proposal> placed :
        Ranking.rank(inOrder, p -> scores.get(p.itemId()))) {
      ranked.add(new Ranked(placed.place(), placed.item(), scores.get(placed.item().itemId())));
    }
    return ranked;
  }

  /**
   * Dots, or the mean of the criteria's exact means (criteria nobody scored left out; 0 when none
   * was).
   */
  public static double score(VoteRound round, VoteRound.Proposal p) {
    if (round.dots()) {
      return p.dots();
    }
    return p.distributions().values().stream()
        .map(Votes::mean)
        .filter(m -> m != null)
        .mapToDouble(Double::doubleValue)
        .average()
        .orElse(0);
  }

  /** How many gave a score on one criterion. */
  public static int count(int[] distribution) {
    int n = 0;
    for (int c : distribution) {
      n += c;
    }
    return n;
  }

  /** The exact mean of the scores 1..5 counted in {@code distribution}; null when nobody scored. */
  public static Double mean(int[] distribution) {
    int n = count(distribution);
    if (n == 0) {
      return null;
    }
    long sum = 0;
    for (int i = 0; i < distribution.length; i++) {
      sum += (long) (i + 1) * distribution[i];
    }
    return sum / (double) n;
  }

  /**
   * The standard deviation of the scores (of the population of ballots, as the live results show
   * it); null when nobody scored.
   */
  public static Double sd(int[] distribution) {
    Double mean = mean(distribution);
    if (mean == null) {
      return null;
    }
    double squares = 0;
    for (int i = 0; i < distribution.length; i++) {
      squares += distribution[i] * (i + 1 - mean) * (i + 1 - mean);
    }
    return Math.sqrt(squares / count(distribution));
  }

  /**
   * Agreement as the live results show it: 1 when everyone gave the same score, 0 at the widest
   * spread a 1-to-5 scale allows (a standard deviation of 2); null when nobody scored.
   */
  public static Double agreement(int[] distribution) {
    Double sd = sd(distribution);
    return sd == null ? null : 1 - sd / 2;
  }

  /**
   * The median score (the mean of the two middle ones for an even count); null when nobody scored.
   */
  public static Double median(int[] distribution) {
    int n = count(distribution);
    if (n == 0) {
      return null;
    }
    return (nth(distribution, (n - 1) / 2) + nth(distribution, n / 2)) / 2.0;
  }

  private static int nth(int[] distribution, int index) {
    int seen = 0;
    for (int i = 0; i < distribution.length; i++) {
      seen += distribution[i];
      if (index < seen) {
        return i + 1;
      }
    }
    return distribution.length;
  }
}
