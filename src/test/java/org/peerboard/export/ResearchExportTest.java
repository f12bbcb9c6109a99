package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.WsClient;

@DisplayName("Research-grade downloads of a real Italian workshop (issue 14)")
class ResearchExportTest {
  private static ResearchSession session;

  @BeforeAll
  static void build() {
    session = new ResearchSession();
  }

  private static Fixture.Download get(String path) {
    Fixture.Download download =
        Fixture.get("/api/workshops/" + session.id() + path, session.organiserKey());
    assertEquals(200, download.status(), path + ": " + download.text());
    return download;
  }

  private static List<CSVRecord> votesCsv() throws Exception {
    return ExportFormatsTest.csv(get("/votes.csv?header=keys").body());
  }

  @Test
  @DisplayName("vote comments reach the votes CSV, the XLSX, the JSON, the .qdpx and the report")
  void commentsEverywhere() throws Exception {
    assertTrue(
        ExportFormatsTest.csv(get("/comments.csv?header=keys").body()).stream()
            .anyMatch(r -> r.get("comment").equals(ResearchSession.COMMENT)));
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(get("/export.xlsx?header=keys").body()))) {
      Sheet votes = book.getSheet("Commenti");
      int column = header(votes).get("comment");
      boolean found = false;
      for (int r = 1; r <= votes.getLastRowNum(); r++) {
        Cell cell = votes.getRow(r).getCell(column);
        found |= cell != null && cell.getStringCellValue().contains(ResearchSession.COMMENT);
      }
      assertTrue(found, "the Votes sheet carries the comment");
    }
    JsonObject json = new JsonObject(get("/export.json").text());
    assertTrue(json.getJsonArray("voteRounds").encode().contains(ResearchSession.COMMENT));
    Qdpx project = Qdpx.read(get("/export.qdpx").body());
    boolean coded =
        project.sources().stream()
            .flatMap(s -> s.selections().stream())
            .anyMatch(
                s ->
                    s.text().equals(ResearchSession.COMMENT)
                        && s.codes().stream()
                            .map(project.codes()::get)
                            .toList()
                            .contains("commento al voto"));
    assertTrue(coded, "the comment is a selection coded as a vote comment");
    assertTrue(report().contains(ResearchSession.COMMENT));
  }

  @Test
  @DisplayName("no vote.progress row of an anonymous round names a participant; a named round does")
  void anonymousBallotsUnnamed() throws Exception {
    List<CSVRecord> history = ExportFormatsTest.csv(get("/history.csv?header=keys").body());
    String groupA = session.workshop.board(0).getString("id");
    String groupB = session.workshop.board(1).getString("id");
    Map<String, String> actorA = new HashMap<>();
    Map<String, String> actorB = new HashMap<>();
    for (CSVRecord row : history) {
      if (row.get("event").equals("vote.progress")) {
        (row.get("group_id").equals(groupA) ? actorA : actorB)
            .put(row.get("seq"), row.get("actor"));
      }
    }
    for (int round : List.of(2, 3)) {
      for (long seq : session.ballotSeqs.get(round)) {
        assertEquals("", actorA.get(String.valueOf(seq)), "round " + round + " is anonymous");
      }
    }
    for (long seq : session.ballotSeqsB) {
      assertEquals("", actorB.get(String.valueOf(seq)));
    }
    for (long seq : session.ballotSeqs.get(1)) {
      assertTrue(
          actorA.get(String.valueOf(seq)).matches("P\\d"), "a named round keeps its pseudonyms");
    }
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(get("/export.xlsx?header=keys").body()))) {
      Sheet sheet = book.getSheetAt(4);
      Map<String, Integer> col = header(sheet);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        long seq = (long) row.getCell(col.get("seq")).getNumericCellValue();
        if (row.getCell(col.get("event")).getStringCellValue().equals("vote.progress")
            && session.ballotSeqs.get(2).contains(seq)
            && row.getCell(col.get("group_id")).getStringCellValue().equals(groupA)) {
          assertTrue(
              row.getCell(col.get("actor")) == null, "the History sheet names nobody either");
        }
      }
    }
  }

  @Test
  @DisplayName(
      "two rating rounds on one proposal keep their own figures; rows carry round, time, voters, words")
  void roundsKeptApart() throws Exception {
    List<CSVRecord> rows = votesCsv();
    List<CSVRecord> cluster =
        rows.stream()
            .filter(
                r ->
                    r.get("proposal_id").equals(session.clusterProposal)
                        && r.get("criterion").equals("feasibility"))
            .toList();
    assertEquals(2, cluster.size(), "one row per round for the cluster's feasibility");
    Map<String, String> means =
        cluster.stream().collect(Collectors.toMap(r -> r.get("round_id"), r -> r.get("mean")));
    assertEquals(5.0, Double.parseDouble(means.get(session.roundOne)));
    assertEquals(4 / 3.0, Double.parseDouble(means.get(session.roundTwo)), 1e-9);
    CSVRecord first =
        cluster.stream()
            .filter(r -> r.get("round_id").equals(session.roundOne))
            .findFirst()
            .orElseThrow();
    assertEquals("rating", first.get("round_kind"));
    assertEquals("1", first.get("round_number"));
    assertEquals("3", first.get("round_voters"));
    assertEquals("false", first.get("round_anonymous"));
    assertTrue(
        Instant.parse(first.get("round_revealed_at"))
            .isAfter(Instant.parse(first.get("round_opened_at"))));
    assertEquals("Fondi e formazione", first.get("proposal"));
    assertEquals("2", first.get("proposal_note_count"), "the theme's notes, counted");
    assertEquals("Fattibilità", first.get("criterion_label"));
    assertEquals(
        List.of("0", "0", "0", "0", "3"),
        List.of(
            first.get("n_1"),
            first.get("n_2"),
            first.get("n_3"),
            first.get("n_4"),
            first.get("n_5")),
        "the distribution as columns");
    assertEquals("1", first.get("rank"));
    CSVRecord dots =
        rows.stream()
            .filter(
                r ->
                    r.get("round_kind").equals("dots")
                        && r.get("proposal_id").equals(session.clusterProposal))
            .findFirst()
            .orElseThrow();
    assertEquals("4", dots.get("dots"));
    assertEquals("", dots.get("n_1"), "a dot round has no distribution");
    assertEquals(
        4, rows.stream().map(r -> r.get("round_id")).distinct().count(), "four revealed rounds");
    String noteRow =
        rows.stream()
            .filter(
                r ->
                    r.get("proposal_id").equals(session.noteProposal)
                        && r.get("round_id").equals(session.roundOne)
                        && r.get("criterion").equals("feasibility"))
            .findFirst()
            .orElseThrow()
            .get("mean");
    assertEquals(
        11 / 3.0, Double.parseDouble(noteRow), 1e-9, "means are exact, never rounded before use");
  }

  @Test
  @DisplayName(
      "the notes table has profession columns, a proposal id to join on, and no summable vote columns")
  void notesTable() throws Exception {
    List<CSVRecord> rows = ExportFormatsTest.csv(get("/export.csv?header=keys").body());
    assertEquals(session.notes, rows.size(), "downloads keep every note, hidden and held ones too");
    Set<String> headers = rows.get(0).toMap().keySet();
    assertTrue(
        headers.containsAll(
            List.of("author", "author_profession", "author_profession_label", "proposal_id")));
    assertTrue(headers.stream().noneMatch(h -> h.startsWith("vote_")), headers.toString());
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.get("author_profession").equals("social_worker")
                        && r.get("author_profession_label").equals("Assistente sociale")));
    assertTrue(
        rows.stream().noneMatch(r -> String.join(",", r.toList()).contains("Persona Vera")),
        "never a name");
    CSVRecord hidden =
        rows.stream()
            .filter(r -> r.get("note_id").equals(session.hiddenId))
            .findFirst()
            .orElseThrow();
    assertEquals("true", hidden.get("hidden"));
    CSVRecord held =
        rows.stream()
            .filter(r -> r.get("note_id").equals(session.heldId))
            .findFirst()
            .orElseThrow();
    assertEquals("true", held.get("held"));
    assertTrue(rows.stream().anyMatch(r -> r.get("proposal_id").equals(session.clusterProposal)));
    for (CSVRecord row : rows) {
      assertFalse(
          Instant.parse(row.get("updated_at")).isBefore(Instant.parse(row.get("created_at"))),
          "updated_at is never before created_at");
    }
    assertTrue(
        rows.stream().anyMatch(r -> r.get("text").equals(ResearchSession.CONTROLS_CLEAN)),
        "control characters were stripped on the way in");
  }

  @Test
  @DisplayName(
      "XLSX: times are date cells in the workshop's zone, no Java map strings, no '?' for control characters")
  void xlsxCells() throws Exception {
    Pattern javaMap = Pattern.compile("\\{\\d=");
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(get("/export.xlsx?header=keys").body()))) {
      Sheet notes = book.getSheetAt(0);
      Map<String, Integer> col = header(notes);
      for (int r = 1; r <= notes.getLastRowNum(); r++) {
        Cell created = notes.getRow(r).getCell(col.get("created_at"));
        assertEquals(CellType.NUMERIC, created.getCellType());
        assertTrue(DateUtil.isCellDateFormatted(created), "a date format on the time cell");
      }
      assertTrue(
          notes.getColumnWidth(col.get("note_id")) >= 36 * 256, "a UUID column shows a whole UUID");
      boolean controls = false;
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
              String text = cell.getStringCellValue();
              assertFalse(javaMap.matcher(text).find(), sheet.getSheetName() + ": " + text);
              controls |= text.equals(ResearchSession.CONTROLS_CLEAN);
            }
          }
        }
      }
      assertTrue(controls, "the stripped text, the same as in CSV");
      Sheet votes = book.getSheetAt(2);
      Cell opened = votes.getRow(1).getCell(header(votes).get("round_opened_at"));
      assertTrue(DateUtil.isCellDateFormatted(opened));
    }
  }

  @Test
  @DisplayName(
      ".qdpx: valid QDA-XML with participants as cases with a profession, and moderation as codes")
  void qdpx() throws Exception {
    Qdpx project = Qdpx.read(get("/export.qdpx").body());
    assertEquals(8, project.cases().size(), "four participants per group");
    assertTrue(
        project.cases().stream()
            .anyMatch(
                c ->
                    "Assistente sociale".equals(c.variables().get("Professione"))
                        && "P2".equals(c.variables().get("Pseudonimo"))
                        && !c.selections().isEmpty()));
    Map<String, List<String>> codesOf = new HashMap<>();
    project
        .sources()
        .forEach(
            s ->
                s.selections()
                    .forEach(
                        sel ->
                            codesOf.put(
                                sel.guid(),
                                sel.codes().stream().map(project.codes()::get).toList())));
    assertTrue(
        codesOf.get(session.hiddenId).contains("nascosta"),
        codesOf.get(session.hiddenId).toString());
    assertTrue(codesOf.get(session.heldId).contains("in attesa di approvazione"));
    assertTrue(
        codesOf.get(session.duplicateId).stream().anyMatch(c -> c.startsWith("duplicato di «")),
        codesOf.get(session.duplicateId).toString());
    assertFalse(codesOf.get(session.originalId).contains("nascosta"));
  }

  @Test
  @DisplayName(
      "the Italian report shows what the room saw, in Italian, one part per round, rounded once")
  void italianReport() {
    String html = report();
    assertTrue(html.contains("Fattibilità") && html.contains("Sostenibilità"));
    assertFalse(html.contains("feasibility:"), "no raw criterion key");
    assertTrue(
        html.contains("3,83"),
        "the exact 3.8333 shown as 3,83 (a mean of rounded means would be 3,84)");
    assertFalse(html.contains("3,84"));
    assertTrue(html.contains("5,00") && html.contains("1,33"));
    assertFalse(html.contains("NASCOSTA-SEGRETA"), "hidden notes are out");
    assertFalse(html.contains("IN-ATTESA-MAI-APPROVATA"), "notes never approved are out");
    assertFalse(html.contains("Gruppo Gruppo"));
    assertTrue(
        html.contains("Votazione 1: valutazione")
            && html.contains("Votazione 2: valutazione")
            && html.contains("Votazione 3: voto a punti"),
        "a heading per round with its kind");
    assertTrue(html.contains("3 votanti") && html.contains("2 commenti"));
    assertTrue(html.contains("class=\"vote-matrix\""), "the feasibility x sustainability matrix");
    int shownA = session.notes - 2 - 43;
    assertTrue(
        html.contains("<th scope=\"row\">Gruppo Affido</th><td>4</td><td>" + shownA + "</td>"),
        "the participation counts leave the hidden and held notes out");
    String compare = Fixture.get("/w/" + session.id() + "/compare", session.organiserKey()).text();
    assertTrue(
        compare.contains(
            "<strong>Gruppo Affido</strong> <span class=\"muted\">Prato · 2022-07-18</span> ("
                + shownA
                + ")"),
        "the comparison counts what the room saw");
  }

  @Test
  @DisplayName("text with a lone surrogate is refused as invalid and changes nothing")
  void loneSurrogate() {
    var board = session.workshop.board(1);
    try (WsClient mod =
        WsClient.hello(
            session.port, board.getString("id"), board.getString("moderatorKey"), null)) {
      String opId = UUID.randomUUID().toString();
      mod.sendText(
          "{\"type\":\"op\",\"opId\":\""
              + opId
              + "\",\"op\":\"note.add\",\"data\":{\"lane\":\"improvements\","
              + "\"text\":\"mezza emoji \\ud83d qui\"}}");
      JsonObject answer = mod.answer(opId);
      assertEquals("error", answer.getString("type"));
      assertEquals("invalid", answer.getString("code"));
      String edit = UUID.randomUUID().toString();
      mod.sendText(
          "{\"type\":\"op\",\"opId\":\""
              + edit
              + "\",\"op\":\"cluster.create\",\"data\":{\"lane\":"
              + "\"improvements\",\"name\":\"\\udc00\"}}");
      assertEquals("invalid", mod.answer(edit).getString("code"));
    }
    assertEquals(
        session.notes,
        ExportFormatsTest.csvQuiet(get("/export.csv").body()).size(),
        "nothing was added");
  }

  private static String report() {
    Fixture.Download page = Fixture.get("/w/" + session.id() + "/report", session.organiserKey());
    assertEquals(200, page.status());
    return page.text();
  }

  private static Map<String, Integer> header(Sheet sheet) {
    Map<String, Integer> columns = new HashMap<>();
    for (Cell cell : sheet.getRow(0)) {
      columns.put(cell.getStringCellValue(), cell.getColumnIndex());
    }
    assertNotNull(columns);
    return columns;
  }
}
