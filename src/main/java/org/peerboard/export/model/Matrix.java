package org.peerboard.export.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.workshop.model.Template;

/**
 * Note counts per group and lane (phase x dimension, then extra lanes), in total and per tag;
 * filled while notes stream past, so it needs no second read. Like the comparison page, it counts
 * what the room saw: hidden notes and notes never approved are counted apart ({@code notShown}),
 * not in the totals.
 */
public final class Matrix {
  /** One group's counts in one lane. */
  public record Cell(
      UUID workshopId,
      UUID boardId,
      String lane,
      String phase,
      String dimension,
      int notes,
      Map<String, Integer> perTag,
      int untagged,
      int notShown) {}

  private static final int FIXED = 3;

  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private final Map<UUID, UUID> workshopOf = new LinkedHashMap<>();
  private final Map<UUID, Template> templateOf = new LinkedHashMap<>();

  /** Registers a group so that its empty cells are listed too. */
  public void group(UUID workshopId, UUID boardId, Template template) {
    workshopOf.put(boardId, workshopId);
    templateOf.put(boardId, template);
  }

  public void add(ExportNote note) {
    Template template = templateOf.get(note.boardId());
    int[] cell =
        counts.computeIfAbsent(
            note.boardId() + "|" + note.lane(), k -> new int[template.tags().size() + FIXED]);
    if (note.hidden() || note.held()) {
      cell[2]++;
      return;
    }
    cell[0]++;
    if (note.tags().isEmpty()) {
      cell[1]++;
    }
    for (int i = 0; i < template.tags().size(); i++) {
      if (note.tags().contains(template.tags().get(i).key())) {
        cell[i + FIXED]++;
      }
    }
  }

  /** Every cell of every registered group, in group order then template order (phase by phase). */
  public List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (Map.Entry<UUID, Template> group : templateOf.entrySet()) {
      Template template = group.getValue();
      for (Template.LaneSpec lane : template.lanes()) {
        int[] cell =
            counts.getOrDefault(
                group.getKey() + "|" + lane.id(), new int[template.tags().size() + FIXED]);
        Map<String, Integer> perTag = new LinkedHashMap<>();
        for (int i = 0; i < template.tags().size(); i++) {
          perTag.put(template.tags().get(i).key(), cell[i + FIXED]);
        }
        cells.add(
            new Cell(
                workshopOf.get(group.getKey()),
                group.getKey(),
                lane.id(),
                lane.phase(),
                lane.dimension(),
                cell[0],
                perTag,
                cell[1],
                cell[2]));
      }
    }
    return cells;
  }
}
