package org.peerboard.export.model;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.peerboard.workshop.model.Template;

/**
 * The printable report of one workshop (or one board): per phase and dimension the clusters of each
 * group with their notes, the foster vs facility balance of each cell, and participation figures.
 * Plain maps and lists, as the page template reads them.
 */
public final class ReportView {
  static final String FOSTER = "foster";
  static final String FACILITY = "facility";

  private ReportView() {}

  /** {@code looseLabel} names the notes of a cell that are in no cluster. */
  public static Map<String, Object> of(
      Outcome.WorkshopView workshop, Labels labels, String looseLabel) {
    Template template = workshop.template();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("title", workshop.facts().title());
    view.put("place", workshop.facts().place());
    view.put("date", date(workshop.facts().date(), labels.language()));
    view.put("participation", participation(workshop, labels));
    view.put("phaseLabels", template.phases().stream().map(p -> labels.phase(p.key())).toList());
    List<Map<String, Object>> phases = new ArrayList<>();
    for (Template.Item phase : template.phases()) {
      List<Map<String, Object>> dimensions = new ArrayList<>();
      for (Template.Item dimension : template.dimensions()) {
        dimensions.add(
            cell(
                workshop,
                labels,
                phase.key() + ":" + dimension.key(),
                labels.dimension(dimension.key()),
                looseLabel));
      }
      phases.add(Map.of("label", labels.phase(phase.key()), "dimensions", dimensions));
    }
    for (Template.Item lane : template.extraLanes()) {
      String label = labels.lane(lane.key(), null, null);
      phases.add(
          Map.of(
              "label",
              label,
              "dimensions",
              List.of(cell(workshop, labels, lane.key(), label, looseLabel))));
    }
    view.put("phases", phases);
    view.put("fosterLabel", labels.tag(FOSTER));
    view.put("facilityLabel", labels.tag(FACILITY));
    return view;
  }

  private static Map<String, Object> participation(Outcome.WorkshopView workshop, Labels labels) {
    List<Map<String, Object>> rows = new ArrayList<>();
    int participants = 0;
    int notes = 0;
    int[] totals = new int[workshop.template().phases().size() + 1];
    for (Outcome.GroupView group : workshop.groups()) {
      int[] perPhase = perPhase(workshop.template(), group.notes());
      for (int i = 0; i < perPhase.length; i++) {
        totals[i] += perPhase[i];
      }
      participants += group.participants();
      notes += group.notes().size();
      rows.add(
          Map.of(
              "name",
              group.group().name(),
              "participants",
              group.participants(),
              "notes",
              group.notes().size(),
              "perPhase",
              list(perPhase)));
    }
    return Map.of(
        "rows", rows, "participants", participants, "notes", notes, "perPhase", list(totals));
  }

  /** Notes per phase, extra lanes counted together in the last slot. */
  private static int[] perPhase(Template template, List<Outcome.Note> notes) {
    int[] counts = new int[template.phases().size() + 1];
    for (Outcome.Note note : notes) {
      String phase = Template.phaseOf(note.lane());
      int index = phase == null ? -1 : indexOf(template.phases(), phase);
      counts[index < 0 ? counts.length - 1 : index]++;
    }
    return counts;
  }

  private static int indexOf(List<Template.Item> items, String key) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, Object> cell(
      Outcome.WorkshopView workshop, Labels labels, String lane, String label, String looseLabel) {
    int foster = 0;
    int facility = 0;
    int total = 0;
    List<Map<String, Object>> groups = new ArrayList<>();
    for (Outcome.GroupView group : workshop.groups()) {
      Map<UUID, List<Map<String, Object>>> byCluster = new LinkedHashMap<>();
      group.clusters().stream()
          .filter(c -> c.lane().equals(lane))
          .forEach(c -> byCluster.put(c.id(), new ArrayList<>()));
      List<Map<String, Object>> loose = new ArrayList<>();
      for (Outcome.Note note : group.notes()) {
        if (!note.lane().equals(lane)) {
          continue;
        }
        total++;
        foster += note.tags().contains(FOSTER) ? 1 : 0;
        facility += note.tags().contains(FACILITY) ? 1 : 0;
        Map<String, Object> shown = note(note, labels);
        List<Map<String, Object>> target =
            note.clusterId() == null ? null : byCluster.get(note.clusterId());
        (target == null ? loose : target).add(shown);
      }
      List<Map<String, Object>> clusters = new ArrayList<>();
      for (Outcome.Cluster cluster : group.clusters()) {
        if (byCluster.containsKey(cluster.id())) {
          clusters.add(
              Map.of(
                  "name",
                  cluster.name(),
                  "notes",
                  byCluster.get(cluster.id()),
                  "count",
                  byCluster.get(cluster.id()).size(),
                  "loose",
                  false));
        }
      }
      if (!loose.isEmpty()) {
        clusters.add(
            Map.of("name", looseLabel, "notes", loose, "count", loose.size(), "loose", true));
      }
      if (!clusters.isEmpty()) {
        groups.add(Map.of("name", group.group().name(), "clusters", clusters));
      }
    }
    Map<String, Object> cell = new LinkedHashMap<>();
    cell.put("label", label);
    cell.put("total", total);
    cell.put("foster", foster);
    cell.put("facility", facility);
    Difference difference = Difference.of(foster, facility);
    cell.put("marked", difference != Difference.NONE);
    cell.put("moreFoster", difference == Difference.MORE_FOSTER);
    cell.put("groups", groups);
    return cell;
  }

  private static Map<String, Object> note(Outcome.Note note, Labels labels) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("text", note.text());
    shown.put("author", note.author());
    shown.put("tags", note.tags().stream().map(labels::tag).toList());
    return shown;
  }

  /** The workshop's day as people write it: 18/07/2022 in Italian, 18 July 2022 in English. */
  static String date(String iso, String language) {
    if (iso == null) {
      return null;
    }
    LocalDate day = LocalDate.parse(iso);
    return "it".equals(language)
        ? day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
        : day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
  }

  private static List<Integer> list(int[] values) {
    List<Integer> list = new ArrayList<>(values.length);
    for (int v : values) {
      list.add(v);
    }
    return list;
  }

  /**
   * Whether a cell leans clearly to one setting: at least twice the notes of the other, and two
   * more.
   */
  public enum Difference {
    NONE,
    MORE_FOSTER,
    MORE_FACILITY;

    public static Difference of(int foster, int facility) {
      if (foster >= 2 * facility && foster - facility >= 2) {
        return MORE_FOSTER;
      }
      if (facility >= 2 * foster && facility - foster >= 2) {
        return MORE_FACILITY;
      }
      return NONE;
    }
  }
}
