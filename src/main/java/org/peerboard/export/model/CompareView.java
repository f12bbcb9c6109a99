package org.peerboard.export.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerboard.workshop.model.Template;

/**
 * Groups (and, in a study, territories) side by side: a phase x dimension heat map each, the
 * clusters of every group per cell, and the split of notes by tag.
 */
public final class CompareView {
  private static final int SHADES = 5;

  private CompareView() {}

  /**
   * A heat map: counts per phase and dimension, with the tag split of each cell; a group's map
   * carries its revealed vote results.
   */
  private record Map2(
      String name, String subtitle, List<Outcome.Note> notes, List<Map<String, Object>> rounds) {}

  public static Map<String, Object> of(
      List<Outcome.WorkshopView> workshops, Labels labels, boolean territories) {
    return of(workshops, labels, territories, Votes.NONE, "");
  }

  /**
   * The comparison with each group's revealed vote results ({@code gone} names a proposal the room
   * no longer saw).
   */
  public static Map<String, Object> of(
      List<Outcome.WorkshopView> workshops,
      Labels labels,
      boolean territories,
      Votes votes,
      String gone) {
    Template template = labels.template();
    List<Map2> maps = new ArrayList<>();
    List<Map2> places = new ArrayList<>();
    for (Outcome.WorkshopView w : workshops) {
      List<Outcome.Note> all = new ArrayList<>();
      for (Outcome.GroupView g : w.groups()) {
        maps.add(
            new Map2(
                g.group().name(),
                join(w.facts().place(), w.facts().date()),
                g.notes(),
                rounds(g, votes, labels.language(), gone)));
        all.addAll(g.notes());
      }
      places.add(
          new Map2(
              w.facts().place() == null ? w.facts().title() : w.facts().place(),
              w.facts().title(),
              all,
              List.of()));
    }
    int max = 1;
    for (Map2 m : territories ? concat(maps, places) : maps) {
      for (Template.LaneSpec lane : template.lanes()) {
        max = Math.max(max, count(m.notes(), lane.id()));
      }
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put(
        "dimensions", template.dimensions().stream().map(d -> labels.dimension(d.key())).toList());
    view.put("tags", template.tags().stream().map(t -> labels.tag(t.key())).toList());
    final int top = max;
    view.put("groups", maps.stream().map(m -> heat(m, template, labels, top)).toList());
    view.put(
        "territories",
        territories
            ? places.stream().map(m -> heat(m, template, labels, top)).toList()
            : List.of());
    view.put("clusterRows", clusterRows(workshops, template, labels));
    view.put(
        "groupNames",
        workshops.stream()
            .flatMap(
                w ->
                    w.groups().stream()
                        .map(
                            g ->
                                g.group().name()
                                    + (territories && w.facts().place() != null
                                        ? " · " + w.facts().place()
                                        : "")))
            .toList());
    return view;
  }

  private static Map<String, Object> heat(Map2 map, Template template, Labels labels, int max) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Template.Item phase : template.phases()) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (Template.Item dimension : template.dimensions()) {
        cells.add(cell(map.notes(), phase.key() + ":" + dimension.key(), template, max));
      }
      rows.add(Map.of("label", labels.phase(phase.key()), "cells", cells));
    }
    for (Template.Item lane : template.extraLanes()) {
      rows.add(
          Map.of(
              "label",
              labels.lane(lane.key(), null, null),
              "cells",
              List.of(cell(map.notes(), lane.key(), template, max))));
    }
    List<Map<String, Object>> split = new ArrayList<>();
    for (Template.Item tag : template.tags()) {
      long n = map.notes().stream().filter(note -> note.tags().contains(tag.key())).count();
      split.add(Map.of("label", labels.tag(tag.key()), "count", n));
    }
    long untagged = map.notes().stream().filter(note -> note.tags().isEmpty()).count();
    return Map.of(
        "rounds",
        map.rounds(),
        "name",
        map.name(),
        "subtitle",
        map.subtitle() == null ? "" : map.subtitle(),
        "rows",
        rows,
        "total",
        map.notes().size(),
        "split",
        split,
        "untagged",
        untagged);
  }

  private static Map<String, Object> cell(
      List<Outcome.Note> notes, String lane, Template template, int max) {
    int n = count(notes, lane);
    List<Long> perTag =
        template.tags().stream()
            .map(
                t ->
                    notes.stream()
                        .filter(note -> note.lane().equals(lane) && note.tags().contains(t.key()))
                        .count())
            .toList();
    int shade = n == 0 ? 0 : Math.max(1, (int) Math.ceil(n * (double) SHADES / max));
    return Map.of("count", n, "perTag", perTag, "shade", shade);
  }

  private static List<Map<String, Object>> clusterRows(
      List<Outcome.WorkshopView> workshops, Template template, Labels labels) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Template.LaneSpec lane : template.lanes()) {
      List<Map<String, Object>> cells = new ArrayList<>();
      boolean any = false;
      for (Outcome.WorkshopView w : workshops) {
        for (Outcome.GroupView g : w.groups()) {
          List<Map<String, Object>> clusters = new ArrayList<>();
          for (Outcome.Cluster c : g.clusters()) {
            if (c.lane().equals(lane.id())) {
              long size = g.notes().stream().filter(n -> c.id().equals(n.clusterId())).count();
              clusters.add(Map.of("name", c.name(), "count", size));
            }
          }
          any |= !clusters.isEmpty();
          cells.add(Map.of("clusters", clusters));
        }
      }
      if (any) {
        rows.add(
            Map.of(
                "label", labels.lane(lane.id(), lane.phase(), lane.dimension()), "cells", cells));
      }
    }
    return rows;
  }

  /**
   * A group's revealed rounds in short: each proposal by rank with its score (dots, or the mean of
   * the criteria's means), named as the room saw it.
   */
  private static List<Map<String, Object>> rounds(
      Outcome.GroupView g, Votes votes, String language, String gone) {
    Map<java.util.UUID, String> names = new java.util.HashMap<>();
    g.notes().forEach(n -> names.put(n.id(), n.text()));
    g.clusters().forEach(c -> names.put(c.id(), c.name()));
    List<Map<String, Object>> rounds = new ArrayList<>();
    for (VoteRound round : votes.rounds(g.group().id())) {
      List<Map<String, Object>> items = new ArrayList<>();
      for (Votes.Ranked ranked : Votes.ranked(round)) {
        items.add(
            Map.of(
                "rank",
                ranked.rank(),
                "label",
                names.getOrDefault(ranked.proposal().itemId(), gone),
                "score",
                round.dots()
                    ? String.valueOf(ranked.proposal().dots())
                    : ReportVotes.number(ranked.score(), language)));
      }
      rounds.add(
          Map.of(
              "number",
              round.number(),
              "kind",
              round.kind(),
              "dots",
              round.dots(),
              "items",
              items));
    }
    return rounds;
  }

  private static int count(List<Outcome.Note> notes, String lane) {
    return (int) notes.stream().filter(n -> n.lane().equals(lane)).count();
  }

  private static String join(String a, String b) {
    return a == null ? (b == null ? "" : b) : b == null ? a : a + " · " + b;
  }

  private static List<Map2> concat(List<Map2> a, List<Map2> b) {
    List<Map2> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
