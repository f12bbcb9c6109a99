package org.peerboard.export.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.peerboard.workshop.model.Template;

/** Phase, dimension, tag and lane labels of one template in one language. */
public final class Labels {
  private final Map<String, String> phases = new HashMap<>();
  private final Map<String, String> dimensions = new HashMap<>();
  private final Map<String, String> tags = new HashMap<>();
  private final Map<String, String> extraLanes = new HashMap<>();
  private final Template template;
  private final String language;

  public Labels(Template template, String language) {
    this.template = template;
    this.language = language;
    template.phases().forEach(i -> phases.put(i.key(), i.label(language)));
    template.dimensions().forEach(i -> dimensions.put(i.key(), i.label(language)));
    template.tags().forEach(i -> tags.put(i.key(), i.label(language)));
    template.extraLanes().forEach(i -> extraLanes.put(i.key(), i.label(language)));
  }

  public Template template() {
    return template;
  }

  public String language() {
    return language;
  }

  public String phase(String key) {
    return key == null ? "" : phases.getOrDefault(key, key);
  }

  public String dimension(String key) {
    return key == null ? "" : dimensions.getOrDefault(key, key);
  }

  public String tag(String key) {
    return tags.getOrDefault(key, key);
  }

  /** {@code Phase · Dimension} for a grid cell, the extra lane's label otherwise. */
  public String lane(String laneId, String phase, String dimension) {
    if (phase == null) {
      return extraLanes.getOrDefault(laneId, laneId);
    }
    return phase(phase) + " · " + dimension(dimension);
  }

  public boolean hasTag(String key) {
    return tags.containsKey(key);
  }

  /** The template's tag keys in its order: one yes/no column each. */
  public List<String> tagKeys() {
    return template.tags().stream().map(Template.Item::key).toList();
  }

  public String tags(List<String> keys) {
    return keys.stream().map(this::tag).collect(Collectors.joining("; "));
  }
}
