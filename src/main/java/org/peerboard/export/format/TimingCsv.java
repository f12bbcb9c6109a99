package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.TimingRow;
import org.peerboard.export.model.WorkshopFacts;

/** {@code timing.csv}: the run-sheet's planned against actual time, one row per board and step. */
public final class TimingCsv extends CsvSink {
  private WorkshopFacts workshop;
  private Group group;

  public TimingCsv(OutputStream out, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
  }

  @Override
  List<String> columns(ExportStart start) {
    return TimingRow.COLUMNS;
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
  public void timing(List<TimingRow> rows) {
    for (TimingRow row : rows) {
      row(row.cells(workshop, group));
    }
    flush();
  }

  @Override
  public boolean wantsNotes() {
    return false;
  }

  @Override
  public boolean wantsTiming() {
    return true;
  }
}
