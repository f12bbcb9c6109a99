package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.WorkshopFacts;

/** One {@link GroupTable} as CSV: clusters, votes, ballots, comments or participants. */
public final class TableCsv extends CsvSink {
  private final GroupTable table;
  private Votes votes = Votes.NONE;
  private WorkshopFacts workshop;
  private Labels labels;

  public TableCsv(OutputStream out, GroupTable table, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
    this.table = table;
  }

  @Override
  List<String> columns(ExportStart start) {
    return table.columns();
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
    for (Object[] row : table.rows(workshop, group, labels, clusters, participants, votes)) {
      row(row);
    }
    flush();
  }

  @Override
  public boolean wantsNotes() {
    return false;
  }
}
