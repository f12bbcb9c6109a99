package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.WorkshopFacts;

/** The long format: one row per note. */
public final class NotesCsv extends CsvSink {
  private WorkshopFacts workshop;
  private Labels labels;
  private Group group;
  private Votes votes = Votes.NONE;

  public NotesCsv(OutputStream out, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
  }

  @Override
  List<String> columns(ExportStart start) {
    return Columns.withTags(Columns.NOTES, start.labels().tagKeys());
  }

  @Override
  void started(ExportStart start) {
    this.votes = start.votes();
  }

  @Override
  public void workshop(WorkshopFacts workshop, Labels labels) {
    this.workshop = workshop;
    this.labels = labels;
  }

  @Override
  public void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    this.group = group;
  }

  @Override
  public void notes(List<ExportNote> page) {
    for (ExportNote note : page) {
      row(Rows.note(workshop, group, labels, note, votes));
    }
    flush();
  }
}
