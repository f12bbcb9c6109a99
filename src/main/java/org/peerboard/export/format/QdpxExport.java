package org.peerboard.export.format;

import static org.peerboard.export.format.QdpxCodes.code;
import static org.peerboard.export.format.QdpxCodes.guid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLStreamException;
import org.peerboard.export.format.QdpxProject.Case;
import org.peerboard.export.format.QdpxProject.Selection;
import org.peerboard.export.format.QdpxProject.Source;
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
  private final String language;
  private final ZipOutputStream zip;
  private final QdpxCodes codebook;
  private final QdpxProject project;

  private Labels labels;
  private WorkshopFacts workshop;
  private String projectName;
  private Source source;
  private Votes votes = Votes.NONE;
  private Group group;
  private boolean study;
  private String version = "";
  private Map<String, Case> casesOfGroup = new HashMap<>();

  private StringBuilder text;
  private int codePoints;
  private String lastLane;

  public QdpxExport(Path target, String language) {
    this.language = language;
    this.codebook = new QdpxCodes(language);
    this.project = new QdpxProject(language, codebook);
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
    codebook.workshop(labels);
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
      project.add(c);
      casesOfGroup.put(p.pseudonym(), c);
    }
    for (ClusterRow cluster : clusters) {
      codebook.cluster(cluster.lane(), cluster.id(), cluster.name() + " (" + whose() + ")");
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
      codebook.note(note.id(), excerpt(note.text()));
      append("\n\n");
      List<UUID> codes = codesOf(note);
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

  private List<UUID> codesOf(ExportNote note) {
    List<UUID> codes = new ArrayList<>();
    if (note.phase() != null) {
      codes.add(code("phase", note.phase()));
      codes.add(code("dimension", note.dimension()));
    }
    codes.add(code("lane", note.lane()));
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
      codes.add(codebook.duplicateOf(note.duplicateOf(), whose()));
    }
    return codes;
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
          if ("cluster".equals(p.kind()) && codebook.knownCluster(p.itemId())) {
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
    project.add(source);
    text = null;
  }

  @Override
  public void finish() {
    try {
      zip.putNextEntry(new ZipEntry("project.qde"));
      project.write(zip, projectName, version);
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

  private static List<String> nonEmpty(String... parts) {
    List<String> out = new ArrayList<>();
    for (String part : parts) {
      if (part != null && !part.isBlank()) {
        out.add(part);
      }
    }
    return out;
  }
}
