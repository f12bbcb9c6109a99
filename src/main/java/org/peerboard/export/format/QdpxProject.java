package org.peerboard.export.format;

import static org.peerboard.export.format.QdpxCodes.NS;
import static org.peerboard.export.format.QdpxCodes.clean;
import static org.peerboard.export.format.QdpxCodes.guid;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.peerboard.export.model.Columns;

/**
 * The {@code project.qde} of a {@link QdpxExport}: its codebook, the participants as cases and the
 * groups' texts as sources, gathered as the groups stream past and written at the end.
 */
final class QdpxProject {
  private static final UUID USER =
      UUID.nameUUIDFromBytes("peerboard:export-user".getBytes(StandardCharsets.UTF_8));

  private final String language;
  private final QdpxCodes codes;
  private final String now = Instant.now().toString();
  private final List<Source> sources = new ArrayList<>();

  /** Every participant of every group, in order. */
  private final List<Case> cases = new ArrayList<>();

  /** A participant as a REFI-QDA case; their notes' selections are added as notes stream past. */
  record Case(
      UUID guid,
      String name,
      String pseudonym,
      String profession,
      String group,
      String workshop,
      String place,
      List<UUID> selections) {}

  /** A group's text and the selections in it. */
  record Source(UUID guid, String name, String description, List<Selection> selections) {}

  /** One note inside its source, with the codes it carries. */
  record Selection(
      UUID guid, String name, int start, int end, String createdAt, List<UUID> codes) {}

  QdpxProject(String language, QdpxCodes codes) {
    this.language = language;
    this.codes = codes;
  }

  void add(Case c) {
    cases.add(c);
  }

  void add(Source source) {
    sources.add(source);
  }

  void write(OutputStream out, String projectName, String version) throws XMLStreamException {
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

    codes.write(xml);
    casesAndVariables(xml);
    sources(xml);
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
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
      xml.writeAttribute("name", QdpxCodes.unique(names, c.name()));
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

  private void sources(XMLStreamWriter xml) throws XMLStreamException {
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
        selection(xml, sel);
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private void selection(XMLStreamWriter xml, Selection sel) throws XMLStreamException {
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
}
