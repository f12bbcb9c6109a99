package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.HistoryRow;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.WorkshopFacts;

/** The event history: who (role and pseudonym) did what and when, one row per event. */
public final class HistoryCsv extends CsvSink {
  private WorkshopFacts workshop;
  private Group group;

  public HistoryCsv(OutputStream out, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
  }

  @Override
  List<String> columns(ExportStart start) {
    return Columns.HISTORY;
  }

  @Override
  public void workshop(WorkshopFacts workshop, Labels labels) {
    this.workshop = workshop;
  }

  @Override
  public void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    this.group = group;
  }

  @Override
  public void history(List<HistoryRow> page) {
    for (HistoryRow row : page) {
      row(Rows.history(workshop, group, row));
    }
    flush();
  }

  @Override
  public boolean wantsNotes() {
    return false;
  }

  @Override
  public boolean wantsHistory() {
    return true;
  }
}
