package org.peerboard.export.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.peerboard.action.model.PlanColumns;
import org.peerboard.action.model.PlanRow;
import org.peerboard.export.model.Cells;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Codebook;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportMeta;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.ExportZone;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.HistoryRow;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.Matrix;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.TimingRow;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.WorkshopFacts;

/**
 * The workbook: Notes, Clusters, Votes, Matrix, History, Participants, Ballots, Comments, Codebook,
 * Actions and Timing sheets, streamed with SXSSF (a window of rows in memory, the rest in temporary
 * files). Every text is a string cell, so nothing people typed can become a formula; times are
 * date-time cells in the workshops' time zone ({@link #ZONE}).
 */
public final class XlsxExport implements ExportSink {
  private static final int WINDOW = 200;

  /** Where the workshops are held: {@code PEERBOARD_TIME_ZONE}, by default Europe/Rome. */
  public static final ZoneId ZONE = ExportZone.ZONE;

  private final Path target;
  private final String language;
  private final boolean keyHeaders;
  private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
  private final CellStyle header;
  private final CellStyle dateTime;
  private final CellStyle date;
  private final Map<GroupTable, Sheet> tables = new EnumMap<>(GroupTable.class);
  private Sheet actions;
  private Sheet timing;
  private final Matrix matrix = new Matrix();
  private final Map<UUID, WorkshopFacts> workshops = new HashMap<>();
  private final Map<UUID, Labels> labelsOf = new HashMap<>();
  private final Map<UUID, Group> groups = new HashMap<>();
  private Sheet notes;
  private Sheet history;
  private Labels scopeLabels;
  private WorkshopFacts workshop;
  private Labels labels;
  private Group group;
  private Votes voteFigures = Votes.NONE;

  public XlsxExport(Path target, String language, boolean keyHeaders) {
    this.target = target;
    this.language = language;
    this.keyHeaders = keyHeaders;
    this.header = book.createCellStyle();
    Font bold = book.createFont();
    bold.setBold(true);
    header.setFont(bold);
    this.dateTime = book.createCellStyle();
    dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
    this.date = book.createCellStyle();
    date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
  }

  /**
   * Sheets in the order a reader meets them: Notes, Clusters, Votes, (Matrix, written last),
   * History, Participants, Ballots, Comments, Codebook.
   */
  @Override
  public void start(ExportStart start) {
    this.voteFigures = start.votes();
    this.scopeLabels = start.labels();
    describe(start.meta());
    notes =
        sheet(
            "export.sheet.notes",
            Columns.withTags(Columns.NOTES, scopeLabels.tagKeys()),
            Map.of("text", 60, "cluster", 30, "lane_label", 40));
    tables.put(
        GroupTable.CLUSTERS,
        sheet("export.sheet.clusters", Columns.CLUSTERS, Map.of("cluster", 40, "lane_label", 40)));
    tables.put(
        GroupTable.VOTES, sheet("export.sheet.votes", Columns.VOTES, Map.of("proposal", 50)));
    history = sheet("export.sheet.history", Columns.HISTORY, Map.of());
    tables.put(
        GroupTable.PARTICIPANTS,
        sheet("export.sheet.participants", Columns.PARTICIPANTS, Map.of()));
    tables.put(
        GroupTable.BALLOTS,
        sheet("export.sheet.ballots", Columns.BALLOTS, Map.of("proposal", 50, "comment", 50)));
    tables.put(
        GroupTable.COMMENTS,
        sheet("export.sheet.comments", Columns.COMMENTS, Map.of("proposal", 50, "comment", 60)));
    actions =
        sheet(
            "export.sheet.actions",
            PlanColumns.ACTIONS,
            Map.of(
                "action_id", 38,
                "title", 50,
                "proposal", 50,
                "vote_result", 30,
                "next_step", 50));
    timing = sheet("export.sheet.timing", TimingRow.COLUMNS, Map.of("title", 40));
    Sheet codebook =
        sheet(
            "export.sheet.codebook",
            Columns.CODEBOOK,
            Map.of(
                "label_en",
                32,
                "label_it",
                32,
                "allowed_values",
                60,
                "empty_means",
                50,
                "value",
                40));
    new Codebook(scopeLabels.template(), language, ZONE).rows(start.meta()).forEach(codebook::add);
    codebook.close();
  }

  /** The file's own properties say what it is, as the Codebook sheet's first rows do. */
  private void describe(ExportMeta meta) {
    POIXMLProperties.CoreProperties core =
        book.getXSSFWorkbook().getProperties().getCoreProperties();
    core.setCreator("PeerBoard " + meta.version());
    core.setCreated(Optional.of(Date.from(meta.exportedAt())));
    core.setTitle(meta.scopeName());
    core.setDescription(
        "schema_version "
            + meta.schemaVersion()
            + "; scope "
            + meta.scopeKey()
            + "; time_zone "
            + meta.zone().getId());
  }

  @Override
  public void workshop(WorkshopFacts workshop, Labels labels) {
    this.workshop = workshop;
    this.labels = labels;
    workshops.put(workshop.id(), workshop);
    labelsOf.put(workshop.id(), labels);
  }

  @Override
  public void group(Group group, List<ClusterRow> rows, List<ParticipantRow> participants) {
    this.group = group;
    groups.put(group.id(), group);
    matrix.group(workshop.id(), group.id(), labels.template());
    tables.forEach(
        (table, sheet) ->
            table
                .rows(workshop, group, labels, rows, participants, voteFigures)
                .forEach(sheet::add));
  }

  @Override
  public void notes(List<ExportNote> page) {
    for (ExportNote note : page) {
      notes.add(Rows.note(workshop, group, labels, note, voteFigures));
      matrix.add(note);
    }
  }

  @Override
  public void history(List<HistoryRow> page) {
    for (HistoryRow row : page) {
      history.add(Rows.history(workshop, group, row));
    }
  }

  @Override
  public void actions(List<PlanRow> rows) {
    rows.forEach(row -> actions.add(PlanColumns.cells(row, language)));
  }

  @Override
  public boolean wantsHistory() {
    return true;
  }

  @Override
  public void timing(List<TimingRow> rows) {
    for (TimingRow row : rows) {
      timing.add(row.cells(workshop, group));
    }
  }

  @Override
  public boolean wantsTiming() {
    return true;
  }

  @Override
  public void finish() {
    writeMatrix();
    // Notes, Clusters, Votes, Matrix, History, Actions: the matrix is written last but read before
    // the log
    book.setSheetOrder(Columns.label("export.sheet.matrix", language), 3);
    notes.close();
    history.close();
    tables.values().forEach(Sheet::close);
    actions.close();
    timing.close();
    try (OutputStream out = Files.newOutputStream(target)) {
      book.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      book.dispose();
    }
  }

  @Override
  public void abort() {
    book.dispose();
  }

  private void writeMatrix() {
    List<String> tagKeys = scopeLabels.tagKeys();
    List<String> columns = MatrixRows.columns(tagKeys);
    List<String> headers = Columns.headers(columns, language, keyHeaders, scopeLabels, ZONE);
    Sheet sheet =
        new Sheet(
            book.createSheet(Columns.label("export.sheet.matrix", language)),
            columns,
            headers,
            Map.of());
    for (Matrix.Cell cell : matrix.cells()) {
      sheet.add(
          MatrixRows.cells(
                  cell,
                  workshops.get(cell.workshopId()),
                  groups.get(cell.boardId()),
                  labelsOf.get(cell.workshopId()),
                  tagKeys)
              .toArray());
    }
    sheet.close();
  }

  private Sheet sheet(String nameKey, List<String> columns, Map<String, Integer> widths) {
    List<String> headers = Columns.headers(columns, language, keyHeaders, scopeLabels, ZONE);
    return new Sheet(book.createSheet(Columns.label(nameKey, language)), columns, headers, widths);
  }

  /**
   * One sheet: a bold, frozen header row, filters over every column, and widths that fit the
   * content.
   */
  private final class Sheet {
    private final SXSSFSheet sheet;
    private final int width;
    private int next = 1;

    Sheet(
        SXSSFSheet sheet, List<String> columns, List<String> headers, Map<String, Integer> widths) {
      this.sheet = sheet;
      this.width = columns.size();
      Row row = sheet.createRow(0);
      for (int i = 0; i < headers.size(); i++) {
        Cell cell = row.createCell(i);
        cell.setCellValue(headers.get(i));
        cell.setCellStyle(header);
        String column = columns.get(i);
        int fallback =
            Columns.IDS.contains(column)
                ? 38
                : Columns.TIMES.contains(column)
                    ? 21
                    : Math.max(12, Math.min(40, headers.get(i).length() + 4));
        int chars = widths.getOrDefault(column, fallback);
        sheet.setColumnWidth(i, chars * 256);
      }
      sheet.createFreezePane(0, 1);
    }

    void add(Object[] values) {
      Row row = sheet.createRow(next++);
      for (int i = 0; i < values.length; i++) {
        Object value = values[i];
        if (value == null || "".equals(value)) {
          continue;
        }
        Cell cell = row.createCell(i);
        if (value instanceof Number number) {
          cell.setCellValue(number.doubleValue());
        } else if (value instanceof OffsetDateTime time) {
          cell.setCellValue(time.atZoneSameInstant(ZONE).toLocalDateTime());
          cell.setCellStyle(dateTime);
        } else if (value instanceof LocalDate day) {
          cell.setCellValue(day);
          cell.setCellStyle(date);
        } else if (value instanceof Boolean bool) {
          cell.setCellValue(bool);
        } else {
          // always a string cell: text that looks like a formula stays text
          cell.setCellValue(Cells.clean(String.valueOf(value)));
        }
      }
    }

    void close() {
      sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, width - 1));
    }
  }
}
