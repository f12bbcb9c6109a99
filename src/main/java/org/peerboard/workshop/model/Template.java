package org.peerboard.workshop.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A grid of phases (rows) by dimensions (columns), the tags a note may carry, extra lanes, and an
 * optional glossary of synonyms for the suggestions.
 */
public record Template(
    String id,
    Map<String, String> labels,
    List<Item> phases,
    List<Item> dimensions,
    List<Item> tags,
    List<Item> extraLanes,
    Glossary glossary) {

  /** A template without a glossary. */
  public Template(
      String id,
      Map<String, String> labels,
      List<Item> phases,
      List<Item> dimensions,
      List<Item> tags,
      List<Item> extraLanes) {
    this(id, labels, phases, dimensions, tags, extraLanes, Glossary.EMPTY);
  }

  /** One phase, dimension, tag or extra lane: a stable key and its label per language. */
  public record Item(String key, Map<String, String> labels) {
    public String label(String language) {
      return labels.getOrDefault(language, labels.getOrDefault("en", key));
    }
  }

  /** A lane as it is stored for a board: {@code phase:dimension}, or an extra lane's own key. */
  public record LaneSpec(String id, String phase, String dimension, int position) {}

  public List<LaneSpec> lanes() {
    List<LaneSpec> lanes = new ArrayList<>();
    for (Item phase : phases) {
      for (Item dimension : dimensions) {
        lanes.add(
            new LaneSpec(
                phase.key() + ":" + dimension.key(), phase.key(), dimension.key(), lanes.size()));
      }
    }
    for (Item extra : extraLanes) {
      lanes.add(new LaneSpec(extra.key(), null, null, lanes.size()));
    }
    return lanes;
  }

  public boolean hasLane(String laneId) {
    return lanes().stream().anyMatch(lane -> lane.id().equals(laneId));
  }

  public boolean hasTag(String tag) {
    return tags.stream().anyMatch(t -> t.key().equals(tag));
  }

  /** The phase a lane belongs to; null for extra lanes. */
  public static String phaseOf(String laneId) {
    int colon = laneId.indexOf(':');
    return colon < 0 ? null : laneId.substring(0, colon);
  }
}
