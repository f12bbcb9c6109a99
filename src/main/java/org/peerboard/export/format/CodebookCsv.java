package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.Codebook;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportStart;

/** The codebook as CSV: the download's facts, then what every column of every table means. */
public final class CodebookCsv extends CsvSink {
  public CodebookCsv(OutputStream out, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
  }

  @Override
  List<String> columns(ExportStart start) {
    return Columns.CODEBOOK;
  }

  @Override
  void started(ExportStart start) {
    Codebook book = new Codebook(start.labels().template(), start.language(), start.meta().zone());
    for (Object[] row : book.rows(start.meta())) {
      row(row);
    }
    flush();
  }

  @Override
  public boolean wantsNotes() {
    return false;
  }
}
