package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Workshop exports read back with real readers")
class ExportFormatsTest {
  private static Fixture fixture;

  @BeforeAll
  static void fill() {
    fixture = new Fixture("Sessione di Prato", "Prato", "Gruppo A", "Gruppo B").fill();
  }

  static List<CSVRecord> csv(byte[] body) throws IOException {
    assertEquals((byte) 0xEF, body[0], "UTF-8 byte-order mark");
    assertEquals((byte) 0xBB, body[1]);
    assertEquals((byte) 0xBF, body[2]);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    try (CSVParser parser =
        CSVParser.parse(
            new StringReader(text),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  static List<CSVRecord> csvQuiet(byte[] body) {
    try {
      return csv(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName(
      "CSV: one row per note with lane, tags, cluster and pseudonym; text survives; formulas are inert")
  void csvLongFormat() throws IOException {
    Fixture.Download download =
        Fixture.get(
            "/api/workshops/" + fixture.id() + "/export.csv?header=keys", fixture.organiserKey());
    assertEquals(200, download.status());
    assertTrue(download.contentType().startsWith("text/csv"));
    assertTrue(
        download.disposition().contains("peerboard-sessione-di-prato-prato-2022-07-18.csv"),
        download.disposition());
    List<CSVRecord> rows = csv(download.body());
    assertEquals(fixture.posted.size(), rows.size());
    for (CSVRecord row : rows) {
      Fixture.Posted posted = fixture.posted.get(row.get("note_id"));
      assertNotNull(posted, "a row for a note that was posted");
      assertEquals(posted.lane(), row.get("lane"));
      assertEquals(String.join("; ", posted.tags()), row.get("tags"));
      assertEquals(posted.cluster() == null ? "" : posted.cluster(), row.get("cluster"));
      assertEquals(posted.group(), row.get("group"));
      assertEquals("Prato", row.get("place"));
      assertEquals(posted.author(), row.get("author"));
      assertEquals(inert(posted.text()), row.get("text"));
      assertFalse(row.get("author").contains("Anna"), "never a participant's name");
      assertEquals("", row.get("proposal_id"), "no note was voted on");
      if (posted.lane().equals("custody:issues")) {
        assertEquals(
            "Presa in carico", row.get("phase_label"), "labels in the workshop's language");
        assertEquals("Criticità", row.get("dimension_label"));
      }
    }
    Set<String> texts = rows.stream().map(r -> r.get("text")).collect(Collectors.toSet());
    assertTrue(texts.contains("'=HYPERLINK(\"x\") Gruppo A"));
    assertTrue(texts.contains("'+1 Gruppo A"));
    assertTrue(texts.contains("'-1 Gruppo B"));
    assertTrue(texts.contains("'@SUM(A1) Gruppo B"));
    assertTrue(texts.contains("'\tTab first Gruppo A"));
    assertTrue(texts.contains("Perché la città è così lontana? Più attività 🎉👩‍👧 Gruppo A"));
    assertTrue(
        texts.contains("Riga uno\nRiga due, con \"virgolette\" e; punto e virgola Gruppo B"));
  }

  @Test
  @DisplayName("CSV headers are in the workshop's language, or in English when asked")
  void csvHeadersTranslated() throws IOException {
    String italian =
        new String(
            Fixture.get("/api/workshops/" + fixture.id() + "/export.csv", fixture.organiserKey())
                .body(),
            StandardCharsets.UTF_8);
    assertTrue(
        italian.startsWith("\uFEFFID workshop,Workshop,Luogo,Data,ID gruppo,Gruppo"),
        italian.substring(0, 80));
    String english =
        new String(
            Fixture.get(
                    "/api/workshops/" + fixture.id() + "/export.csv?lang=en",
                    fixture.organiserKey())
                .body(),
            StandardCharsets.UTF_8);
    assertTrue(english.startsWith("\uFEFFWorkshop ID,Workshop,Place,Date,Group ID,Group"));
    assertTrue(english.contains("Taking into care"), "phase labels follow the language asked for");
  }

  @Test
  @DisplayName("JSON: the whole workshop, versioned, with the texts untouched")
  void json() {
    Fixture.Download download =
        Fixture.get("/api/workshops/" + fixture.id() + "/export.json", fixture.organiserKey());
    assertEquals(200, download.status());
    JsonObject json = new JsonObject(download.text());
    assertEquals(3, json.getInteger("schemaVersion"));
    JsonObject workshop = json.getJsonArray("workshops").getJsonObject(0);
    assertEquals("Prato", workshop.getString("place"));
    assertEquals(5, workshop.getJsonObject("template").getJsonArray("phases").size());
    JsonArray groups = workshop.getJsonArray("groups");
    assertEquals(2, groups.size());
    int notes = 0;
    for (Object g : groups) {
      JsonObject group = (JsonObject) g;
      assertEquals(2, group.getJsonArray("participants").size());
      assertEquals(
          "P1", group.getJsonArray("participants").getJsonObject(0).getString("pseudonym"));
      assertEquals(1, group.getJsonArray("clusters").size());
      JsonObject cluster = group.getJsonArray("clusters").getJsonObject(0);
      assertEquals(fixture.clusterNames.get(cluster.getString("id")), cluster.getString("name"));
      assertEquals(3, cluster.getInteger("notes"));
      assertFalse(group.getJsonArray("history").isEmpty(), "the event log comes along");
      for (Object n : group.getJsonArray("notes")) {
        JsonObject note = (JsonObject) n;
        Fixture.Posted posted = fixture.posted.get(note.getString("id"));
        assertEquals(posted.text(), note.getString("text"), "JSON text is untouched");
        assertEquals(posted.lane(), note.getString("lane"));
        assertEquals(new JsonArray(posted.tags()), note.getJsonArray("tags"));
        assertEquals(
            posted.cluster(),
            note.getString("clusterId") == null
                ? null
                : fixture.clusterNames.get(note.getString("clusterId")));
        notes++;
      }
    }
    assertEquals(fixture.posted.size(), notes);
    assertTrue(json.getJsonArray("voteRounds").isEmpty());
  }

  @Test
  @DisplayName(
      "XLSX: five sheets, frozen header and filters; people's text is always a string cell")
  void xlsx() throws IOException {
    Fixture.Download download =
        Fixture.get(
            "/api/workshops/" + fixture.id() + "/export.xlsx?header=keys", fixture.organiserKey());
    assertEquals(200, download.status());
    assertTrue(download.disposition().endsWith(".xlsx\""));
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
      assertEquals(
          List.of("Note", "Temi", "Voti", "Matrice", "Cronologia"),
          List.of(
              book.getSheetName(0),
              book.getSheetName(1),
              book.getSheetName(2),
              book.getSheetName(3),
              book.getSheetName(4)));
      XSSFSheet notes = book.getSheetAt(0);
      assertNotNull(notes.getPaneInformation(), "header row frozen");
      assertTrue(notes.getPaneInformation().isFreezePane());
      assertTrue(notes.getCTWorksheet().isSetAutoFilter(), "filters on");
      assertTrue(
          notes.getColumnWidth(header(notes).get("text")) >= 50 * 256, "the text column is wide");
      Map<String, Integer> col = header(notes);
      assertEquals(fixture.posted.size(), notes.getLastRowNum());
      for (int r = 1; r <= notes.getLastRowNum(); r++) {
        Row row = notes.getRow(r);
        Fixture.Posted posted =
            fixture.posted.get(row.getCell(col.get("note_id")).getStringCellValue());
        Cell text = row.getCell(col.get("text"));
        assertEquals(CellType.STRING, text.getCellType(), "text is a string cell, never a formula");
        assertEquals(
            posted.text(), text.getStringCellValue(), "the text as typed, no apostrophe needed");
        assertEquals(String.join("; ", posted.tags()), string(row, col.get("tags")));
        assertEquals(
            posted.cluster() == null ? "" : posted.cluster(), string(row, col.get("cluster")));
      }
      Sheet clusters = book.getSheetAt(1);
      assertEquals(2, clusters.getLastRowNum());
      Sheet votes = book.getSheetAt(2);
      assertEquals(
          0,
          votes.getLastRowNum(),
          "the Votes sheet has its header only when no round was revealed");
      Sheet matrix = book.getSheetAt(3);
      Map<String, Integer> m = header(matrix);
      int custodyIssues = 0;
      int foster = 0;
      for (int r = 1; r <= matrix.getLastRowNum(); r++) {
        Row row = matrix.getRow(r);
        if ("custody:issues".equals(string(row, m.get("lane")))) {
          custodyIssues += (int) row.getCell(m.get("notes")).getNumericCellValue();
          foster += (int) row.getCell(m.get("tag_foster")).getNumericCellValue();
        }
      }
      assertEquals(2 * (Fixture.AWKWARD.size() + 1), custodyIssues);
      assertEquals(2 * Fixture.AWKWARD.size(), foster);
      assertEquals(
          2 * 21, matrix.getLastRowNum(), "every lane of every group, empty ones included");
      Sheet history = book.getSheetAt(4);
      assertTrue(
          history.getLastRowNum() >= fixture.posted.size() + 2,
          "every note.added and cluster.created");
    }
  }

  @Test
  @DisplayName(
      "REFI-QDA: a zip with project.qde and one text source per group; every note a coded selection")
  void qdpx() throws Exception {
    Fixture.Download download =
        Fixture.get("/api/workshops/" + fixture.id() + "/export.qdpx", fixture.organiserKey());
    assertEquals(200, download.status());
    Qdpx project = Qdpx.read(download.body());
    assertEquals(2, project.sources().size());
    int selections = 0;
    for (Qdpx.Source source : project.sources()) {
      for (Qdpx.Selection selection : source.selections()) {
        Fixture.Posted posted = fixture.posted.get(selection.guid());
        assertNotNull(posted, "each selection is a posted note, by id");
        assertEquals(
            posted.text(), selection.text(), "positions point exactly at the note (code points)");
        List<String> codes = selection.codes().stream().map(project.codes()::get).toList();
        for (String tag : posted.tags()) {
          assertTrue(
              codes.contains(
                  tag.equals("foster") ? "Famiglia affidataria" : "Comunità residenziale"),
              codes.toString());
        }
        if (posted.cluster() != null) {
          assertTrue(
              codes.contains(posted.cluster() + " (" + posted.group() + ")"), codes.toString());
        }
        if (posted.lane().equals("custody:issues")) {
          assertTrue(codes.containsAll(List.of("Presa in carico", "Criticità")), codes.toString());
        }
        selections++;
      }
    }
    assertEquals(fixture.posted.size(), selections);
    assertEquals(
        2, project.clustersNestedUnderLanes(), "clusters are codes under their lane's code");
  }

  @Test
  @DisplayName("History and matrix CSVs; a board's own export holds only that board")
  void historyMatrixAndBoard() throws IOException {
    List<CSVRecord> history =
        csv(
            Fixture.get(
                    "/api/workshops/" + fixture.id() + "/history.csv?header=keys",
                    fixture.organiserKey())
                .body());
    assertTrue(
        history.stream()
            .anyMatch(
                r ->
                    r.get("event").equals("cluster.created")
                        && r.get("actor_role").equals("moderator")));
    assertTrue(
        history.stream()
            .anyMatch(r -> r.get("event").equals("note.added") && r.get("actor").equals("P2")));
    List<CSVRecord> matrix =
        csv(
            Fixture.get(
                    "/api/workshops/" + fixture.id() + "/matrix.csv?header=keys",
                    fixture.organiserKey())
                .body());
    assertEquals(42, matrix.size());
    String boardId = fixture.workshop.board(1).getString("id");
    Fixture.Download board =
        Fixture.get(
            "/api/boards/" + boardId + "/export.csv?header=keys",
            fixture.workshop.board(1).getString("moderatorKey"));
    assertEquals(200, board.status());
    assertTrue(board.disposition().contains("gruppo-b"), board.disposition());
    List<CSVRecord> rows = csv(board.body());
    assertEquals(
        fixture.posted.values().stream().filter(p -> p.boardId().equals(boardId)).count(),
        rows.size());
    Map<String, Integer> formats = new HashMap<>();
    for (String format : List.of("xlsx", "json", "qdpx")) {
      formats.put(
          format,
          Fixture.get("/api/boards/" + boardId + "/export." + format, fixture.organiserKey())
              .status());
    }
    assertEquals(
        Map.of("xlsx", 200, "json", 200, "qdpx", 200),
        formats,
        "the organiser key works on boards too");
  }

  private static Map<String, Integer> header(Sheet sheet) {
    Map<String, Integer> columns = new HashMap<>();
    for (Cell cell : sheet.getRow(0)) {
      columns.put(cell.getStringCellValue(), cell.getColumnIndex());
    }
    return columns;
  }

  private static String string(Row row, int column) {
    Cell cell = row.getCell(column);
    return cell == null ? "" : cell.getStringCellValue();
  }

  static String inert(String text) {
    char first = text.charAt(0);
    return "=+-@\t\r".indexOf(first) >= 0 ? "'" + text : text;
  }

  static List<String> ids(List<CSVRecord> rows, String column) {
    List<String> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(r.get(column)));
    return ids;
  }
}
