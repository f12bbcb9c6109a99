package org.peerboard.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.WorkshopFacts;
import org.peerboard.workshop.model.Template;

/**
 * A REFI-QDA project (.qdpx): a zip with {@code project.qde} (QDA-XML, namespace {@code urn:QDA-XML:project:1.0})
 * and one plain-text source per group under {@code Sources/}. Each note is a text selection of its source, coded
 * with its phase, dimension, lane, tags and cluster; clusters are codes nested under their lane's code.
 * Positions count Unicode code points from 0; the end position is exclusive.
 */
public final class QdpxExport implements ExportSink {
  static final String NS = "urn:QDA-XML:project:1.0";
  private static final UUID USER = UUID.nameUUIDFromBytes("peerboard:export-user".getBytes(StandardCharsets.UTF_8));

  private final Path target;
  private final String language;
  private final ZipOutputStream zip;
  private final String now = Instant.now().toString();
  private final List<Source> sources = new ArrayList<>();
  /** Lane code guid → cluster codes (guid, name) under it, in first-seen order. */
  private final Map<String, Map<UUID, String>> clustersByLane = new LinkedHashMap<>();
  private final Map<String, String> laneNames = new LinkedHashMap<>();
  private Template template;
  private Labels labels;
  private WorkshopFacts workshop;
  private String projectName;
  private Source source;

  /** A group's text and the selections in it. */
  private record Source(UUID guid, String name, String description, List<Selection> selections) {}

  /** One note inside its source, with the codes it carries. */
  private record Selection(UUID guid, String name, int start, int end, String createdAt, List<UUID> codes) {}

  public QdpxExport(Path target, String language) {
    this.target = target;
    this.language = language;
    try {
      zip = new ZipOutputStream(Files.newOutputStream(target), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void workshop(WorkshopFacts workshop, Labels labels) {
    this.workshop = workshop;
    this.labels = labels;
    if (template == null) {
      template = labels.template();
      projectName = workshop.title();
    } else {
      projectName = projectName + " + " + workshop.title();
    }
  }

  @Override
  public void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    for (ClusterRow cluster : clusters) {
      String lane = cluster.lane();
      laneNames.putIfAbsent(lane, labels.lane(lane, cluster.phase(), cluster.dimension()));
      clustersByLane.computeIfAbsent(lane, l -> new LinkedHashMap<>())
          .put(cluster.id(), cluster.name() + " (" + group.name() + ")");
    }
    String header = String.join(" · ", nonEmpty(workshop.title(), workshop.place(), workshop.date(), group.name()));
    source = new Source(group.id(), group.name() + (workshop.place() == null ? "" : " · " + workshop.place()),
        header, new ArrayList<>());
    text = new StringBuilder(header).append("\n\n");
    codePoints = text.codePointCount(0, text.length());
    lastLane = null;
  }

  private StringBuilder text;
  private int codePoints;
  private String lastLane;

  @Override
  public void notes(List<ExportNote> page) {
    for (ExportNote note : page) {
      if (!note.lane().equals(lastLane)) {
        append(labels.lane(note.lane(), note.phase(), note.dimension()) + "\n\n");
        lastLane = note.lane();
      }
      int start = codePoints;
      append(note.text());
      int end = codePoints;
      append("\n\n");
      List<UUID> codes = new ArrayList<>();
      if (note.phase() != null) {
        codes.add(code("phase", note.phase()));
        codes.add(code("dimension", note.dimension()));
      }
      codes.add(code("lane", note.lane()));
      laneNames.putIfAbsent(note.lane(), labels.lane(note.lane(), note.phase(), note.dimension()));
      note.tags().forEach(tag -> codes.add(code("tag", tag)));
      if (note.clusterId() != null) {
        codes.add(note.clusterId());
      }
      String name = (note.author().isEmpty() ? note.authorRole() : note.author()) + " · " + note.id();
      source.selections().add(new Selection(note.id(), name, start, end, Rows.time(note.createdAt()), codes));
    }
  }

  private void append(String more) {
    text.append(more);
    codePoints += more.codePointCount(0, more.length());
  }

  @Override
  public void endGroup() {
    try {
      zip.putNextEntry(new ZipEntry("Sources/" + source.guid() + ".txt"));
      zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sources.add(source);
    text = null;
  }

  @Override
  public void finish() {
    try {
      zip.putNextEntry(new ZipEntry("project.qde"));
      writeProject(zip);
      zip.closeEntry();
      zip.close();
    } catch (IOException | XMLStreamException e) {
      throw new IllegalStateException("could not write the REFI-QDA project", e);
    }
  }

  @Override
  public void abort() {
    try {
      zip.close();
    } catch (IOException ignored) {
      // the file is deleted by the caller
    }
  }

  private void writeProject(OutputStream out) throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.setDefaultNamespace(NS);
    xml.writeStartElement(NS, "Project");
    xml.writeDefaultNamespace(NS);
    xml.writeAttribute("name", clean(projectName == null ? "PeerBoard" : projectName));
    xml.writeAttribute("origin", "PeerBoard");
    xml.writeAttribute("creatingUserGUID", USER.toString());
    xml.writeAttribute("creationDateTime", now);

    xml.writeStartElement(NS, "Users");
    xml.writeEmptyElement(NS, "User");
    xml.writeAttribute("guid", USER.toString());
    xml.writeAttribute("name", "PeerBoard");
    xml.writeEndElement();

    xml.writeStartElement(NS, "CodeBook");
    xml.writeStartElement(NS, "Codes");
    if (template != null) {
      group(xml, "phases", "export.qda.phases", "#1f77b4", template.phases(), "phase");
      group(xml, "dimensions", "export.qda.dimensions", "#ff7f0e", template.dimensions(), "dimension");
      lanes(xml);
      group(xml, "tags", "export.qda.tags", "#2ca02c", template.tags(), "tag");
    }
    xml.writeEndElement();
    xml.writeEndElement();

    xml.writeStartElement(NS, "Sources");
    for (Source s : sources) {
      xml.writeStartElement(NS, "TextSource");
      xml.writeAttribute("guid", s.guid().toString());
      xml.writeAttribute("name", clean(s.name()));
      xml.writeAttribute("plainTextPath", "internal://" + s.guid() + ".txt");
      xml.writeAttribute("creatingUser", USER.toString());
      xml.writeAttribute("creationDateTime", now);
      xml.writeStartElement(NS, "Description");
      xml.writeCharacters(clean(s.description()));
      xml.writeEndElement();
      for (Selection sel : s.selections()) {
        xml.writeStartElement(NS, "PlainTextSelection");
        xml.writeAttribute("guid", sel.guid().toString());
        xml.writeAttribute("name", clean(sel.name()));
        xml.writeAttribute("startPosition", String.valueOf(sel.start()));
        xml.writeAttribute("endPosition", String.valueOf(sel.end()));
        xml.writeAttribute("creatingUser", USER.toString());
        if (sel.createdAt() != null) {
          xml.writeAttribute("creationDateTime", sel.createdAt());
        }
        for (UUID code : sel.codes()) {
          xml.writeStartElement(NS, "Coding");
          xml.writeAttribute("guid", guid(sel.guid() + ":" + code).toString());
          xml.writeAttribute("creatingUser", USER.toString());
          xml.writeEmptyElement(NS, "CodeRef");
          xml.writeAttribute("targetGUID", code.toString());
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
  }

  private void group(XMLStreamWriter xml, String kind, String nameKey, String color, List<Template.Item> items,
                     String codeKind) throws XMLStreamException {
    xml.writeStartElement(NS, "Code");
    xml.writeAttribute("guid", guid("group:" + kind).toString());
    xml.writeAttribute("name", org.peerboard.export.model.Columns.label(nameKey, language));
    xml.writeAttribute("isCodable", "false");
    xml.writeAttribute("color", color);
    for (Template.Item item : items) {
      xml.writeEmptyElement(NS, "Code");
      xml.writeAttribute("guid", code(codeKind, item.key()).toString());
      xml.writeAttribute("name", clean(item.label(language)));
      xml.writeAttribute("isCodable", "true");
    }
    xml.writeEndElement();
  }

  private void lanes(XMLStreamWriter xml) throws XMLStreamException {
    xml.writeStartElement(NS, "Code");
    xml.writeAttribute("guid", guid("group:lanes").toString());
    xml.writeAttribute("name", org.peerboard.export.model.Columns.label("export.qda.lanes", language));
    xml.writeAttribute("isCodable", "false");
    xml.writeAttribute("color", "#9467bd");
    for (Template.LaneSpec lane : template.lanes()) {
      xml.writeStartElement(NS, "Code");
      xml.writeAttribute("guid", code("lane", lane.id()).toString());
      xml.writeAttribute("name", clean(labels.lane(lane.id(), lane.phase(), lane.dimension())));
      xml.writeAttribute("isCodable", "true");
      for (Map.Entry<UUID, String> cluster : clustersByLane.getOrDefault(lane.id(), Map.of()).entrySet()) {
        xml.writeEmptyElement(NS, "Code");
        xml.writeAttribute("guid", cluster.getKey().toString());
        xml.writeAttribute("name", clean(cluster.getValue()));
        xml.writeAttribute("isCodable", "true");
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** Code guids derived from the template's keys, so every export of a workshop names a code the same way. */
  static UUID code(String kind, String key) {
    return guid(kind + ":" + key);
  }

  private static UUID guid(String name) {
    return UUID.nameUUIDFromBytes(("peerboard:" + name).getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> nonEmpty(String... parts) {
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        out.add(part);
      }
    }
    return out;
  }

  /** Drops the characters XML 1.0 cannot carry (control characters other than tab and newlines). */
  static String clean(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(out::appendCodePoint);
    return out.toString();
  }
}
