package org.peerboard.action.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.peerboard.action.model.PlanColumns;
import org.peerboard.action.model.PlanRow;
import org.peerboard.export.format.CsvDialect;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportZone;

/**
 * actions.csv: one row per action, in UTF-8 with a byte-order mark and the dialect asked for, like
 * the other CSV downloads (times in the workshops' zone, every cell made inert).
 */
final class ActionsCsv {
  private ActionsCsv() {}

  static String of(List<PlanRow> rows, String language, boolean keyHeaders, CsvDialect dialect) {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    try (CSVPrinter printer = new CSVPrinter(out, dialect.format())) {
      printer.printRecord(Columns.headers(PlanColumns.ACTIONS, language, keyHeaders));
      for (PlanRow row : rows) {
        List<String> cells = new ArrayList<>();
        for (Object value : PlanColumns.cells(row, language)) {
          cells.add(dialect.cell(value, ExportZone.ZONE));
        }
        printer.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
