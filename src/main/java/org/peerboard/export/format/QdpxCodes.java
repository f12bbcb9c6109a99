package org.peerboard.export.format;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.peerboard.export.model.Cells;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.Labels;
import org.peerboard.workshop.model.Template;

/**
 * The CodeBook of a {@link QdpxExport}: the template's phases, dimensions, lanes and tags, the
 * clusters and duplicates met as the groups stream past, moderation and vote comments.
 */
final class QdpxCodes {
  static final String NS = "urn:QDA-XML:project:1.0";

  private final String language;
  private Template template;
  private Labels labels;

  /** Lane id → cluster codes (guid, name) under it, in first-seen order. */
  private final Map<String, Map<UUID, String>> clustersByLane = new LinkedHashMap<>();

  /** Duplicate code guid (derived from the original note) → the original note's id. */
  private final Map<UUID, UUID> duplicatesWaiting = new LinkedHashMap<>();

  private final Map<UUID, String> duplicateGroups = new HashMap<>();

  /** Note id → a short label, to name the duplicates of that note. */
  private final Map<UUID, String> shortLabels = new HashMap<>();

  QdpxCodes(String language) {
    this.language = language;
  }

  /** The lanes are named with the latest workshop's labels, from the first one's template. */
  void workshop(Labels labels) {
    this.labels = labels;
    if (template == null) {
      template = labels.template();
    }
  }

  void cluster(String lane, UUID id, String name) {
    clustersByLane.computeIfAbsent(lane, l -> new LinkedHashMap<>()).put(id, name);
  }

  boolean knownCluster(UUID id) {
    return clustersByLane.values().stream().anyMatch(m -> m.containsKey(id));
  }

  void note(UUID id, String shortLabel) {
    shortLabels.put(id, shortLabel);
  }

  /** The code of the duplicates of {@code original}, named after the group that first has one. */
  UUID duplicateOf(UUID original, String group) {
    UUID duplicate = code("duplicate", original.toString());
    duplicatesWaiting.putIfAbsent(duplicate, original);
    duplicateGroups.putIfAbsent(duplicate, group);
    return duplicate;
  }

  void write(XMLStreamWriter xml) throws XMLStreamException {
    xml.writeStartElement(NS, "CodeBook");
    xml.writeStartElement(NS, "Codes");
    if (template != null) {
      group(xml, "phases", "export.qda.phases", "#1f77b4", template.phases(), "phase");
      group(
          xml,
          "dimensions",
          "export.qda.dimensions",
          "#ff7f0e",
          template.dimensions(),
          "dimension");
      lanes(xml);
      group(xml, "tags", "export.qda.tags", "#2ca02c", template.tags(), "tag");
    }
    moderation(xml);
    startGroup(xml, "votes", "export.qda.votes", "#8c564b");
    codable(xml, code("vote", "comment"), Columns.label("export.qda.voteComment", language));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void group(
      XMLStreamWriter xml,
      String kind,
      String nameKey,
      String color,
      List<Template.Item> items,
      String codeKind)
      throws XMLStreamException {
    startGroup(xml, kind, nameKey, color);
    for (Template.Item item : items) {
      codable(xml, code(codeKind, item.key()), clean(item.label(language)));
    }
    xml.writeEndElement();
  }

  /**
   * Moderation as codes: hidden, awaiting approval, and one "duplicate of …" code per note others
   * duplicate.
   */
  private void moderation(XMLStreamWriter xml) throws XMLStreamException {
    startGroup(xml, "moderation", "export.qda.moderation", "#d62728");
    Set<String> names = new HashSet<>();
    for (String key : List.of("hidden", "held")) {
      codable(
          xml,
          code("moderation", key),
          unique(names, Columns.label("export.qda." + key, language)));
    }
    for (Map.Entry<UUID, UUID> duplicate : duplicatesWaiting.entrySet()) {
      String original =
          shortLabels.getOrDefault(duplicate.getValue(), duplicate.getValue().toString());
      codable(
          xml,
          duplicate.getKey(),
          unique(
              names,
              Columns.label("export.qda.duplicateOf", language)
                  + " «"
                  + original
                  + "» ("
                  + duplicateGroups.get(duplicate.getKey())
                  + ")"));
    }
    xml.writeEndElement();
  }

  private void lanes(XMLStreamWriter xml) throws XMLStreamException {
    startGroup(xml, "lanes", "export.qda.lanes", "#9467bd");
    for (Template.LaneSpec lane : template.lanes()) {
      startCodable(
          xml,
          code("lane", lane.id()),
          clean(labels.lane(lane.id(), lane.phase(), lane.dimension())));
      Set<String> names = new HashSet<>();
      for (Map.Entry<UUID, String> cluster :
          clustersByLane.getOrDefault(lane.id(), Map.of()).entrySet()) {
        codable(xml, cluster.getKey(), unique(names, cluster.getValue()));
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /**
   * Opens a group of codes, not codable itself, in its colour; the caller writes its codes and
   * closes it.
   */
  private void startGroup(XMLStreamWriter xml, String kind, String nameKey, String color)
      throws XMLStreamException {
    xml.writeStartElement(NS, "Code");
    xml.writeAttribute("guid", guid("group:" + kind).toString());
    xml.writeAttribute("name", Columns.label(nameKey, language));
    xml.writeAttribute("isCodable", "false");
    xml.writeAttribute("color", color);
  }

  /** A code a researcher can apply, with no codes under it. */
  private static void codable(XMLStreamWriter xml, UUID guid, String name)
      throws XMLStreamException {
    xml.writeEmptyElement(NS, "Code");
    codableAttributes(xml, guid, name);
  }

  /** A code a researcher can apply, with codes under it; the caller writes them and closes it. */
  private static void startCodable(XMLStreamWriter xml, UUID guid, String name)
      throws XMLStreamException {
    xml.writeStartElement(NS, "Code");
    codableAttributes(xml, guid, name);
  }

  private static void codableAttributes(XMLStreamWriter xml, UUID guid, String name)
      throws XMLStreamException {
    xml.writeAttribute("guid", guid.toString());
    xml.writeAttribute("name", name);
    xml.writeAttribute("isCodable", "true");
  }

  /**
   * A code's name, told apart from its siblings': QDA programs list codes by name, so two of one
   * name under one parent read as one.
   */
  static String unique(Set<String> taken, String name) {
    String candidate = clean(name);
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = clean(name) + " [" + n + "]";
    }
    return candidate;
  }

  /**
   * Code guids derived from the template's keys, so every export of a workshop names a code the
   * same way.
   */
  static UUID code(String kind, String key) {
    return guid(kind + ":" + key);
  }

  static UUID guid(String name) {
    return UUID.nameUUIDFromBytes(("peerboard:" + name).getBytes(StandardCharsets.UTF_8));
  }

  /** Drops the characters XML 1.0 cannot carry (control characters other than tab and newlines). */
  static String clean(String value) {
    return value == null ? "" : Cells.clean(value);
  }
}
