package org.peerboard.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.ExportZone;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.WorkshopFacts;

/**
 * CSV in UTF-8 with a byte-order mark (so Excel reads accents right), every cell made inert, in a
 * {@link CsvDialect}. The header row is written at {@link #start}, once the template's tags are
 * known. It remembers where its rows are (the workshop with its labels, the group, the revealed
 * votes) for the tables that write them.
 */
abstract class CsvSink implements ExportSink {
  private final Writer writer;
  private final boolean keyHeaders;
  private final CsvDialect dialect;
  private CSVPrinter printer;
  private ZoneId zone = ExportZone.ZONE;
  private Votes votes = Votes.NONE;
  private WorkshopFacts workshop;
  private Labels labels;
  private Group group;

  CsvSink(OutputStream out, boolean keyHeaders, CsvDialect dialect) {
    this.keyHeaders = keyHeaders;
    this.dialect = dialect;
    try {
      writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The column keys of this table. */
  abstract List<String> columns(ExportStart start);

  /** What the table needs to know before its rows. */
  void started(ExportStart start) {}

  @Override
  public final void start(ExportStart start) {
    zone = start.meta().zone();
    votes = start.votes();
    begin(Columns.headers(columns(start), start.language(), keyHeaders, start.labels(), zone));
    started(start);
  }

  @Override
  public void workshop(WorkshopFacts workshop, Labels labels) {
    this.workshop = workshop;
    this.labels = labels;
  }

  @Override
  public void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    this.group = group;
  }

  final WorkshopFacts workshopFacts() {
    return workshop;
  }

  final Labels labels() {
    return labels;
  }

  final Group currentGroup() {
    return group;
  }

  final Votes votes() {
    return votes;
  }

  final void begin(List<String> headers) {
    try {
      printer = new CSVPrinter(writer, dialect.format());
      printer.printRecord(headers);
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints one record; nulls become empty cells, times ISO-8601 text in the workshops' zone,
   * decimals in the dialect's spelling, everything else its text, made inert.
   */
  final void row(Object... values) {
    List<String> cells = new ArrayList<>(values.length);
    for (Object value : values) {
      cells.add(dialect.cell(value, zone));
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
