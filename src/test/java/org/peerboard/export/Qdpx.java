package org.peerboard.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A .qdpx read back: unzipped, project.qde validated against the QDA-XML structure, selections
 * resolved.
 */
record Qdpx(
    Map<String, String> codes,
    List<Source> sources,
    int clustersNestedUnderLanes,
    List<Case> cases,
    Map<String, List<String>> children) {
  static final String NS = "urn:QDA-XML:project:1.0";

  record Source(String guid, String name, String text, List<Selection> selections) {}

  record Selection(String guid, String text, List<String> codes, String name) {}

  /** A case: its name, its variables by name, the selections it holds. */
  record Case(String name, Map<String, String> variables, List<String> selections) {}

  static Qdpx read(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        entries.put(entry.getName(), out.toByteArray());
      }
    }
    byte[] qde = entries.get("project.qde");
    if (qde == null) {
      throw new AssertionError("no project.qde in " + entries.keySet());
    }
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(new StreamSource(Qdpx.class.getResourceAsStream("/qda/project-subset.xsd")))
        .newValidator()
        .validate(new StreamSource(new ByteArrayInputStream(qde)));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(qde));
    Map<String, String> codes = new HashMap<>();
    NodeList codeNodes = doc.getElementsByTagNameNS(NS, "Code");
    int nested = 0;
    Map<String, List<String>> children = new HashMap<>();
    for (int i = 0; i < codeNodes.getLength(); i++) {
      Element code = (Element) codeNodes.item(i);
      codes.put(code.getAttribute("guid"), code.getAttribute("name"));
      if (code.getParentNode() instanceof Element parent && "Code".equals(parent.getLocalName())) {
        children
            .computeIfAbsent(parent.getAttribute("name"), k -> new ArrayList<>())
            .add(code.getAttribute("name"));
      }
      if (code.getParentNode() instanceof Element parent
          && "Code".equals(parent.getLocalName())
          && parent.getParentNode() instanceof Element grand
          && "Code".equals(grand.getLocalName())) {
        nested++;
      }
    }
    List<Source> sources = new ArrayList<>();
    NodeList sourceNodes = doc.getElementsByTagNameNS(NS, "TextSource");
    for (int i = 0; i < sourceNodes.getLength(); i++) {
      Element source = (Element) sourceNodes.item(i);
      String path = source.getAttribute("plainTextPath");
      if (!path.startsWith("internal://")) {
        throw new AssertionError("not an internal source: " + path);
      }
      byte[] file = entries.get("Sources/" + path.substring("internal://".length()));
      if (file == null) {
        throw new AssertionError("no source file for " + path + " in " + entries.keySet());
      }
      String text = new String(file, StandardCharsets.UTF_8);
      int[] codePoints = text.codePoints().toArray();
      List<Selection> selections = new ArrayList<>();
      NodeList selectionNodes = source.getElementsByTagNameNS(NS, "PlainTextSelection");
      for (int j = 0; j < selectionNodes.getLength(); j++) {
        Element selection = (Element) selectionNodes.item(j);
        int start = Integer.parseInt(selection.getAttribute("startPosition"));
        int end = Integer.parseInt(selection.getAttribute("endPosition"));
        List<String> refs = new ArrayList<>();
        NodeList codeRefs = selection.getElementsByTagNameNS(NS, "CodeRef");
        for (int k = 0; k < codeRefs.getLength(); k++) {
          String target = ((Element) codeRefs.item(k)).getAttribute("targetGUID");
          if (!codes.containsKey(target)) {
            throw new AssertionError("a coding refers to no code: " + target);
          }
          refs.add(target);
        }
        selections.add(
            new Selection(
                selection.getAttribute("guid"),
                new String(codePoints, start, end - start),
                refs,
                selection.getAttribute("name")));
      }
      sources.add(
          new Source(source.getAttribute("guid"), source.getAttribute("name"), text, selections));
    }
    Map<String, String> variableNames = new HashMap<>();
    NodeList variableNodes = doc.getElementsByTagNameNS(NS, "Variable");
    for (int i = 0; i < variableNodes.getLength(); i++) {
      Element variable = (Element) variableNodes.item(i);
      variableNames.put(variable.getAttribute("guid"), variable.getAttribute("name"));
    }
    Map<String, Boolean> selectionIds = new HashMap<>();
    sources.forEach(s -> s.selections().forEach(sel -> selectionIds.put(sel.guid(), true)));
    List<Case> cases = new ArrayList<>();
    NodeList caseNodes = doc.getElementsByTagNameNS(NS, "Case");
    for (int i = 0; i < caseNodes.getLength(); i++) {
      Element c = (Element) caseNodes.item(i);
      Map<String, String> values = new HashMap<>();
      NodeList valueNodes = c.getElementsByTagNameNS(NS, "VariableValue");
      for (int j = 0; j < valueNodes.getLength(); j++) {
        Element value = (Element) valueNodes.item(j);
        String target =
            ((Element) value.getElementsByTagNameNS(NS, "VariableRef").item(0))
                .getAttribute("targetGUID");
        if (!variableNames.containsKey(target)) {
          throw new AssertionError("a variable value refers to no variable: " + target);
        }
        values.put(
            variableNames.get(target),
            value.getElementsByTagNameNS(NS, "TextValue").item(0).getTextContent());
      }
      List<String> refs = new ArrayList<>();
      NodeList selectionRefs = c.getElementsByTagNameNS(NS, "SelectionRef");
      for (int j = 0; j < selectionRefs.getLength(); j++) {
        String target = ((Element) selectionRefs.item(j)).getAttribute("targetGUID");
        if (!selectionIds.containsKey(target)) {
          throw new AssertionError("a case refers to no selection: " + target);
        }
        refs.add(target);
      }
      cases.add(new Case(c.getAttribute("name"), values, refs));
    }
    return new Qdpx(codes, sources, nested, cases, children);
  }
}
