package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.TimingRow;

/** {@code timing.csv}: the run-sheet's planned against actual time, one row per board and step. */
public final class TimingCsv extends CsvSink {
  public TimingCsv(OutputStream out, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
  }

  @Override
  List<String> columns(ExportStart start) {
    return TimingRow.COLUMNS;
  }

  @Override
  public void timing(List<TimingRow> rows) {
    for (TimingRow row : rows) {
      row(row.cells(workshopFacts(), currentGroup()));
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
