package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.HistoryRow;

/** The event history: who (role and pseudonym) did what and when, one row per event. */
public final class HistoryCsv extends CsvSink {
  public HistoryCsv(OutputStream out, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
  }

  @Override
  List<String> columns(ExportStart start) {
    return Columns.HISTORY;
  }

  @Override
  public void history(List<HistoryRow> page) {
    for (HistoryRow row : page) {
      row(Rows.history(workshopFacts(), currentGroup(), row));
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
