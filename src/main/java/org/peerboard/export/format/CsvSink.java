package org.peerboard.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peerboard.export.model.Cells;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads accents right), every cell made
 * inert.
 */
abstract class CsvSink implements ExportSink {
  private final CSVPrinter printer;
  private final Writer writer;

  CsvSink(OutputStream out, List<String> headers) {
    try {
      writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      printer = new CSVPrinter(writer, CSVFormat.RFC4180);
      printer.printRecord(headers);
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints one record; nulls become empty cells, times ISO-8601 UTC text, everything else its text,
   * made inert.
   */
  final void row(Object... values) {
    List<String> cells = new ArrayList<>(values.length);
    for (Object value : values) {
      String text =
          value == null
              ? ""
              : value instanceof OffsetDateTime time ? Rows.time(time) : String.valueOf(value);
      cells.add(Cells.inert(Cells.clean(text)));
    }
    try {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  final void flush() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void finish() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
