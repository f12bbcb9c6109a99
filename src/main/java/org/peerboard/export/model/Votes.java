package org.peerboard.export.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every revealed vote figure of the exported boards, looked up by item (a note or a cluster). */
public final class Votes {
  public static final Votes NONE = new Votes(List.of());

  private final List<VoteFigure> figures;
  private final Map<UUID, List<VoteFigure>> byItem = new HashMap<>();

  public Votes(List<VoteFigure> figures) {
    this.figures = List.copyOf(figures);
    for (VoteFigure figure : figures) {
      byItem.computeIfAbsent(figure.itemId(), id -> new ArrayList<>()).add(figure);
    }
  }

  public List<VoteFigure> all() {
    return figures;
  }

  public boolean isEmpty() {
    return figures.isEmpty();
  }

  /** The figures of a note, or else of the cluster it belongs to (the cluster was the item voted on). */
  public Summary of(UUID noteId, UUID clusterId) {
    List<VoteFigure> found = byItem.getOrDefault(noteId, clusterId == null ? List.of()
        : byItem.getOrDefault(clusterId, List.of()));
    if (found.isEmpty()) {
      return Summary.EMPTY;
    }
    Integer dots = null;
    int ballots = 0;
    Double feasibility = null;
    Double sustainability = null;
    for (VoteFigure f : found) {
      if (f.dots() != null) {
        dots = (dots == null ? 0 : dots) + f.dots();
      }
      ballots = Math.max(ballots, f.ballots());
      if ("feasibility".equals(f.criterion())) {
        feasibility = f.mean();
      } else if ("sustainability".equals(f.criterion())) {
        sustainability = f.mean();
      }
    }
    return new Summary(dots, ballots, feasibility, sustainability);
  }

  /** What the note rows carry: total dots, ballots, and the means of the two default criteria. */
  public record Summary(Integer dots, Integer ballots, Double feasibilityMean, Double sustainabilityMean) {
    static final Summary EMPTY = new Summary(null, null, null, null);
  }
}
