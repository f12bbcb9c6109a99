package org.peerboard.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.peerboard.export.model.Cells;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.ExportScope;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.VoteRound;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.Words;
import org.peerboard.export.model.WorkshopFacts;
import org.peerboard.workshop.model.Template;

/**
 * A REFI-QDA project (.qdpx): a zip with {@code project.qde} (QDA-XML, namespace {@code
 * urn:QDA-XML:project:1.0}) and one plain-text source per group under {@code Sources/}. Each note
 * is a text selection of its source, coded with its phase, dimension, lane, tags and cluster, and
 * with its moderation (hidden, awaiting approval, duplicate of another note); clusters are codes
 * nested under their lane's code. The comments of revealed votes follow each group's notes, coded
 * as vote comments (and with the cluster voted on). Each participant is a Case with the variables
 * pseudonym, profession, group, workshop and place (the territory), holding the selections of their
 * notes; a study is one project with every territory. Codes under one parent have distinct names.
 * Positions count Unicode code points from 0; the end position is exclusive.
 */
public final class QdpxExport implements ExportSink {
  static final String NS = "urn:QDA-XML:project:1.0";
  private static final UUID USER =
      UUID.nameUUIDFromBytes("peerboard:export-user".getBytes(StandardCharsets.UTF_8));

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
  private Votes votes = Votes.NONE;
  private Group group;
  private boolean study;
  private String version = "";

  /**
   * Every participant of every group, in order; their notes' selections are added as notes stream
   * past.
   */
  private final List<Case> cases = new ArrayList<>();

  private Map<String, Case> casesOfGroup = new HashMap<>();

  /**
   * Duplicate code guid (derived from the original note) → its name; original note id → a short
   * label.
   */
  private final Map<UUID, String> duplicateCodes = new LinkedHashMap<>();

  private final Map<UUID, UUID> duplicatesWaiting = new LinkedHashMap<>();
  private final Map<UUID, String> duplicateGroups = new HashMap<>();
  private final Map<UUID, String> shortLabels = new HashMap<>();

  /** A participant as a REFI-QDA case. */
  private record Case(
      UUID guid,
      String name,
      String pseudonym,
      String profession,
      String group,
      String workshop,
      String place,
      List<UUID> selections) {}

  /** A group's text and the selections in it. */
  private record Source(UUID guid, String name, String description, List<Selection> selections) {}

  /** One note inside its source, with the codes it carries. */
  private record Selection(
      UUID guid, String name, int start, int end, String createdAt, List<UUID> codes) {}

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
  public void start(ExportStart begin) {
    this.votes = begin.votes();
    this.version = begin.meta().version();
    this.study = begin.meta().scope() == ExportScope.Kind.STUDY;
    if (study) {
      projectName = begin.meta().scopeName();
    }
  }

  @Override
  public void workshop(WorkshopFacts workshop, Labels labels) {
    this.workshop = workshop;
    this.labels = labels;
    if (template == null) {
      template = labels.template();
    }
    if (projectName == null) {
      projectName = workshop.title();
    }
  }

  @Override
  public void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    this.group = group;
    casesOfGroup = new HashMap<>();
    for (ParticipantRow p : participants) {
      Case c =
          new Case(
              guid("case:" + group.id() + ":" + p.pseudonym()),
              String.join(" · ", nonEmpty(p.pseudonym(), group.name(), workshop.place())),
              p.pseudonym(),
              Words.profession(p.profession(), language),
              group.name(),
              workshop.title(),
              workshop.place(),
              new ArrayList<>());
      cases.add(c);
      casesOfGroup.put(p.pseudonym(), c);
    }
    for (ClusterRow cluster : clusters) {
      String lane = cluster.lane();
      laneNames.putIfAbsent(lane, labels.lane(lane, cluster.phase(), cluster.dimension()));
      clustersByLane
          .computeIfAbsent(lane, l -> new LinkedHashMap<>())
          .put(cluster.id(), cluster.name() + " (" + whose() + ")");
    }
    String header =
        String.join(
            " · ", nonEmpty(workshop.title(), workshop.place(), workshop.date(), group.name()));
    source =
        new Source(
            group.id(),
            group.name() + (workshop.place() == null ? "" : " · " + workshop.place()),
            header,
            new ArrayList<>());
    text = new StringBuilder(header).append("\n\n");
    codePoints = text.codePointCount(0, text.length());
    lastLane = null;
  }

  /**
   * The group a code or a selection belongs to, as a reader tells them apart: the group's name, and
   * in a study (two territories may both have a "Group A") the place too.
   */
  private String whose() {
    return study && workshop.place() != null && !workshop.place().isBlank()
        ? group.name() + " · " + workshop.place()
        : group.name();
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
      append(Cells.clean(note.text()));
      int end = codePoints;
      shortLabels.put(note.id(), excerpt(note.text()));
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
      if (note.held()) {
        codes.add(code("moderation", "held"));
      } else if (note.hidden()) {
        codes.add(code("moderation", "hidden"));
      }
      if (note.duplicateOf() != null) {
        UUID duplicate = code("duplicate", note.duplicateOf().toString());
        duplicatesWaiting.putIfAbsent(duplicate, note.duplicateOf());
        duplicateGroups.putIfAbsent(duplicate, whose());
        codes.add(duplicate);
      }
      Case author = casesOfGroup.get(note.author());
      if (author != null) {
        author.selections().add(note.id());
      }
      String name =
          (note.author().isEmpty()
                  ? Columns.label("export.qda.role." + note.authorRole(), language)
                  : note.author())
              + " · "
              + excerpt(note.text());
      source
          .selections()
          .add(new Selection(note.id(), name, start, end, Rows.time(note.createdAt()), codes));
    }
  }

  private void append(String more) {
    text.append(more);
    codePoints += more.codePointCount(0, more.length());
  }

  /**
   * The comments of the group's revealed rounds, after its notes: each one a selection coded as a
   * vote comment.
   */
  private void voteComments() {
    for (VoteRound round : votes.rounds(group.id())) {
      boolean heading = false;
      for (Votes.Ranked ranked : Votes.ranked(round)) {
        VoteRound.Proposal p = ranked.proposal();
        if (p.comments().isEmpty()) {
          continue;
        }
        if (!heading) {
          append(
              Columns.label("export.qda.voteComments", language)
                  + " · "
                  + round.number()
                  + " ("
                  + Columns.label("export.round." + round.kind(), language)
                  + ")\n\n");
          heading = true;
        }
        String label = excerpt(votes.text(p.itemId()).label());
        append(label + "\n\n");
        for (int i = 0; i < p.comments().size(); i++) {
          int start = codePoints;
          append(Cells.clean(p.comments().get(i)));
          int end = codePoints;
          append("\n\n");
          List<UUID> codes = new ArrayList<>();
          codes.add(code("vote", "comment"));
          if ("cluster".equals(p.kind()) && knownCluster(p.itemId())) {
            codes.add(p.itemId());
          }
          source
              .selections()
              .add(
                  new Selection(
                      guid("comment:" + round.id() + ":" + p.itemId() + ":" + i),
                      round.number() + " · " + label,
                      start,
                      end,
                      Rows.time(round.revealedAt()),
                      codes));
        }
      }
    }
  }

  private boolean knownCluster(UUID id) {
    return clustersByLane.values().stream().anyMatch(m -> m.containsKey(id));
  }

  private static String excerpt(String text) {
    String one = Cells.clean(text == null ? "" : text).replaceAll("\\s+", " ").strip();
    return one.codePointCount(0, one.length()) <= 60
        ? one
        : one.substring(0, one.offsetByCodePoints(0, 59)) + "…";
  }

  @Override
  public void endGroup() {
    voteComments();
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
    xml.writeAttribute("origin", "PeerBoard " + version);
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
    casesAndVariables(xml);

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

  /**
   * A code's name, told apart from its siblings': QDA programs list codes by name, so two of one
   * name under one parent read as one.
   */
  private static String unique(Set<String> taken, String name) {
    String candidate = clean(name);
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = clean(name) + " [" + n + "]";
    }
    return candidate;
  }

  /**
   * Participants as Cases with the Variables pseudonym, profession and group (Project.xsd: after
   * the CodeBook).
   */
  private void casesAndVariables(XMLStreamWriter xml) throws XMLStreamException {
    if (cases.isEmpty()) {
      return;
    }
    List<String> variables = List.of("pseudonym", "profession", "group", "workshop", "place");
    xml.writeStartElement(NS, "Variables");
    for (String variable : variables) {
      xml.writeStartElement(NS, "Variable");
      xml.writeAttribute("guid", guid("variable:" + variable).toString());
      xml.writeAttribute("name", Columns.label("export.qda.variable." + variable, language));
      xml.writeAttribute("typeOfVariable", "Text");
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeStartElement(NS, "Cases");
    Set<String> names = new HashSet<>();
    for (Case c : cases) {
      xml.writeStartElement(NS, "Case");
      xml.writeAttribute("guid", c.guid().toString());
      xml.writeAttribute("name", unique(names, c.name()));
      List<String> values =
          Arrays.asList(c.pseudonym(), c.profession(), c.group(), c.workshop(), c.place());
      for (int i = 0; i < variables.size(); i++) {
        if (values.get(i) == null || values.get(i).isBlank()) {
          continue;
        }
        xml.writeStartElement(NS, "VariableValue");
        xml.writeEmptyElement(NS, "VariableRef");
        xml.writeAttribute("targetGUID", guid("variable:" + variables.get(i)).toString());
        xml.writeStartElement(NS, "TextValue");
        xml.writeCharacters(clean(values.get(i)));
        xml.writeEndElement();
        xml.writeEndElement();
      }
      for (UUID selection : c.selections()) {
        xml.writeEmptyElement(NS, "SelectionRef");
        xml.writeAttribute("targetGUID", selection.toString());
      }
      xml.writeEndElement();
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
   * Code guids derived from the template's keys, so every export of a workshop names a code the
   * same way.
   */
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
    return value == null ? "" : Cells.clean(value);
  }
}
