package org.peerboard.export.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerboard.workshop.model.Template;

/**
 * The report's "most agreed" section ("me too"): per phase (and per extra lane) the notes most
 * participants agreed with, across the groups, at most {@link #PER_PHASE} of them; phases where no
 * note was agreed with are left out.
 */
public final class AgreementReport {
  static final int PER_PHASE = 5;

  private AgreementReport() {}

  private record Agreed(Outcome.Note note, Outcome.GroupView group) {}

  /** {@code countFormat} reads e.g. "agreed: {n} of {of}", {of} the group's participants. */
  public static List<Map<String, Object>> of(
      Outcome.WorkshopView workshop, Labels labels, String countFormat) {
    Template template = workshop.template();
    Map<String, String> sections = new LinkedHashMap<>();
    template.phases().forEach(p -> sections.put(p.key(), labels.phase(p.key())));
    template.extraLanes().forEach(l -> sections.put(l.key(), labels.lane(l.key(), null, null)));
    Map<String, List<Agreed>> bySection = new LinkedHashMap<>();
    for (Outcome.GroupView group : workshop.groups()) {
      for (Outcome.Note note : group.notes()) {
        String phase = Template.phaseOf(note.lane());
        String section = phase != null ? phase : note.lane();
        if (note.reactions() > 0 && sections.containsKey(section)) {
          bySection.computeIfAbsent(section, k -> new ArrayList<>()).add(new Agreed(note, group));
        }
      }
    }
    List<Map<String, Object>> shown = new ArrayList<>();
    sections.forEach(
        (key, label) -> {
          List<Agreed> agreed = bySection.get(key);
          if (agreed == null) {
            return;
          }
          List<Map<String, Object>> notes =
              agreed.stream()
                  .sorted(
                      Comparator.comparingLong((Agreed a) -> a.note().reactions())
                          .reversed()
                          .thenComparing(a -> a.group().group().position()))
                  .limit(PER_PHASE)
                  .map(a -> note(a, labels, countFormat))
                  .toList();
          shown.add(Map.of("label", label, "notes", notes));
        });
    return shown;
  }

  private static Map<String, Object> note(Agreed a, Labels labels, String countFormat) {
    Map<String, Object> note = new LinkedHashMap<>();
    note.put("text", a.note().text());
    note.put("group", a.group().group().name());
    String lane = a.note().lane();
    note.put(
        "lane",
        Template.phaseOf(lane) == null
            ? labels.lane(lane, null, null)
            : labels.dimension(lane.substring(lane.indexOf(':') + 1)));
    note.put("reactions", a.note().reactions());
    note.put(
        "count",
        countFormat
            .replace("{n}", Long.toString(a.note().reactions()))
            .replace("{of}", Integer.toString(a.group().participants())));
    return note;
  }
}
