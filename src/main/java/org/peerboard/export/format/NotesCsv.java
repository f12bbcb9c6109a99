package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.ExportStart;

/** The long format: one row per note. */
public final class NotesCsv extends CsvSink {
  public NotesCsv(OutputStream out, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
  }

  @Override
  List<String> columns(ExportStart start) {
    return Columns.withTags(Columns.NOTES, start.labels().tagKeys());
  }

  @Override
  public void notes(List<ExportNote> page) {
    for (ExportNote note : page) {
      row(Rows.note(workshopFacts(), currentGroup(), labels(), note, votes()));
    }
    flush();
  }
}
