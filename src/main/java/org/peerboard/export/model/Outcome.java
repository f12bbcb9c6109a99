package org.peerboard.export.model;

import java.util.List;
import java.util.UUID;
import org.peerboard.workshop.model.Template;

/**
 * What the groups of some workshops produced, read whole for the report and the comparison pages.
 */
public record Outcome(List<WorkshopView> workshops) {
  /** One workshop with its template and groups. */
  public record WorkshopView(WorkshopFacts facts, Template template, List<GroupView> groups) {}

  /** One group: how many took part, its notes and its clusters. */
  public record GroupView(
      Group group, int participants, List<Note> notes, List<Cluster> clusters) {}

  /** A note as the pages show it, with how many participants agreed with it. */
  public record Note(
      UUID id,
      String lane,
      List<String> tags,
      UUID clusterId,
      boolean hidden,
      String text,
      String author,
      long reactions) {}

  /** A cluster as the pages show it. */
  public record Cluster(UUID id, String lane, String name) {}
}
