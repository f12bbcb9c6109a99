package org.peerboard.action.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peerboard.action.model.PlanColumns;
import org.peerboard.action.model.PlanRow;
import org.peerboard.export.model.Cells;
import org.peerboard.export.model.Columns;

/**
 * actions.csv: one row per action, RFC 4180 in UTF-8 with a byte-order mark, like the other CSV
 * downloads (times ISO-8601 UTC, every cell made inert).
 */
final class ActionsCsv {
  private ActionsCsv() {}

  static String of(List<PlanRow> rows, String language, boolean keyHeaders) {
    StringWriter out = new StringWriter();
    out.write('\uFEFF');
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(Columns.headers(PlanColumns.ACTIONS, language, keyHeaders));
      for (PlanRow row : rows) {
        List<String> cells = new ArrayList<>();
        for (Object value : PlanColumns.cells(row, language)) {
          String text =
              value == null
                  ? ""
                  : value instanceof OffsetDateTime time
                      ? time.withOffsetSameInstant(ZoneOffset.UTC)
                          .format(DateTimeFormatter.ISO_INSTANT)
                      : String.valueOf(value);
          cells.add(Cells.inert(Cells.clean(text)));
        }
        printer.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
