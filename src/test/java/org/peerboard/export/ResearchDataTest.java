package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
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
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Issue 21 as a statistician meets it, on the Italian workshop of {@link ResearchSession} plus an
 * edited note, a redacted note, a proposal linked to two phases and a vote comment with a line
 * break: one comment per row, the participants, anonymised ballots, the codebook and the download's
 * own facts, analysis-ready columns, Excel's dialect and the zip of every CSV. Every file is read
 * as a program reads it (Commons CSV, Apache POI, a zip reader).
 */
@DisplayName("Research data a statistician can load as it is (issue 21)")
class ResearchDataTest {
  static final String TWO_LINES = "Fattibile solo con più personale,\nma necessario";
  private static ResearchSession session;
  private static ResearchSession other;
  static final String MODERATOR_NOTE = "Sintesi della moderatrice: tempi lunghi in ogni fase";
  private static String moderatorNote;
  private static String edited;
  private static String redacted;
  private static String studyId;
  private static String studyKey;

  @BeforeAll
  static void build() {
    session = new ResearchSession();
    other = new ResearchSession();
    int port = TestApp.shared().port();
    JsonObject a = session.workshop.board(0);
    JsonObject b = session.workshop.board(1);
    edited = session.noteIds.get(3);
    redacted = session.noteIds.get(4);
    try (WsClient mod = WsClient.hello(port, a.getString("id"), a.getString("moderatorKey"), null);
        WsClient author =
            WsClient.hello(port, a.getString("id"), session.people.get(0).get(0).token(), null)) {
      ResearchSession.ack(mod, "board.stage", new JsonObject().put("stage", "collecting"));
      moderatorNote =
          ResearchSession.ack(
                  mod,
                  "note.add",
                  new JsonObject().put("lane", "custody:issues").put("text", MODERATOR_NOTE))
              .getJsonObject("result")
              .getString("noteId");
      ResearchSession.ack(
          author,
          "note.edit",
          new JsonObject().put("noteId", edited).put("text", "Testo corretto dall'autrice"));
      ResearchSession.ack(mod, "board.stage", new JsonObject().put("stage", "voting"));
      ResearchSession.ack(
          mod, "note.redact", new JsonObject().put("noteId", redacted).put("text", "[oscurata]"));
      ResearchSession.ack(
          mod,
          "vote.link",
          new JsonObject()
              .put("roundId", session.roundOne)
              .put("itemId", session.clusterProposal)
              .put("phases", new JsonArray().add("leaving").add("path")));
    }
    try (WsClient mod = WsClient.hello(port, b.getString("id"), b.getString("moderatorKey"), null);
        WsClient p1 =
            WsClient.hello(port, b.getString("id"), session.people.get(1).get(0).token(), null)) {
      String round =
          ResearchSession.ack(
                  mod, "vote.open", new JsonObject().put("kind", "rating").put("comments", true))
              .getJsonObject("result")
              .getString("roundId");
      JsonObject rounds =
          new JsonObject(
              Fixture.get("/api/boards/" + b.getString("id"), b.getString("moderatorKey")).text());
      String item = null;
      for (Object r : rounds.getJsonArray("rounds")) {
        JsonObject o = (JsonObject) r;
        if (round.equals(o.getString("id"))) {
          item = o.getJsonArray("items").getJsonObject(0).getString("id");
        }
      }
      ResearchSession.ack(
          p1,
          "vote.cast",
          new JsonObject()
              .put("roundId", round)
              .put("itemId", item)
              .put("scores", new JsonObject().put("feasibility", 2).put("sustainability", 4))
              .put("comment", TWO_LINES));
      ResearchSession.ack(mod, "vote.reveal", new JsonObject().put("roundId", round));
      // a duplicate in group B of a note whose excerpt equals that of group A's original
      JsonObject groupB =
          new JsonObject(
              Fixture.get(
                      "/api/boards/" + b.getString("id") + "/export.json",
                      b.getString("moderatorKey"))
                  .text());
      JsonArray notesB =
          groupB
              .getJsonArray("workshops")
              .getJsonObject(0)
              .getJsonArray("groups")
              .getJsonObject(0)
              .getJsonArray("notes");
      String original = null;
      String copy = null;
      for (Object n : notesB) {
        JsonObject note = (JsonObject) n;
        if (note.getString("text").startsWith(ResearchSession.PHRASES[5]) && original == null) {
          original = note.getString("id");
        } else if (copy == null && note.getString("lane").contains(":")) {
          copy = note.getString("id");
        }
      }
      ResearchSession.ack(mod, "board.stage", new JsonObject().put("stage", "clustering"));
      ResearchSession.ack(
          mod, "note.duplicate", new JsonObject().put("noteId", copy).put("of", original));
      ResearchSession.ack(mod, "board.stage", new JsonObject().put("stage", "voting"));
    }
    JsonArray members =
        new JsonArray()
            .add(
                new JsonObject()
                    .put("id", session.id())
                    .put("organiserKey", session.organiserKey()))
            .add(new JsonObject().put("id", other.id()).put("organiserKey", other.organiserKey()));
    Api.Response created =
        TestApp.api()
            .post(
                "/api/studies", new JsonObject().put("name", "Toscana").put("workshops", members));
    assertEquals(201, created.status(), created.body());
    studyId = created.json().getString("id");
    studyKey = created.json().getString("studyKey");
  }

  private static Fixture.Download get(String path) {
    Fixture.Download download =
        Fixture.get("/api/workshops/" + session.id() + path, session.organiserKey());
    assertEquals(200, download.status(), path + ": " + download.text());
    return download;
  }

  private static List<CSVRecord> table(String path) throws IOException {
    return ExportFormatsTest.csv(get(path).body());
  }

  private static JsonObject json() {
    return new JsonObject(get("/export.json").text());
  }

  private static XSSFWorkbook xlsx(String query) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(get("/export.xlsx" + query).body()));
  }

  private static Map<String, Integer> header(Sheet sheet) {
    Map<String, Integer> columns = new HashMap<>();
    for (Cell cell : sheet.getRow(0)) {
      columns.put(cell.getStringCellValue(), cell.getColumnIndex());
    }
    return columns;
  }

  @Test
  @DisplayName(
      "comments: one per row in comments.csv, the sheet and the JSON, a comment with a line break whole; votes keep the count")
  void commentsOnePerRow() throws IOException {
    List<CSVRecord> comments = table("/comments.csv?header=keys");
    assertEquals(
        List.of(
            "workshop_id",
            "workshop",
            "place",
            "group_id",
            "group",
            "round_id",
            "round_number",
            "proposal_id",
            "proposal",
            "comment",
            "language"),
        comments.get(0).getParser().getHeaderNames());
    assertEquals(
        1,
        comments.stream().filter(r -> r.get("comment").equals(TWO_LINES)).count(),
        "the two-line comment is one row, whole");
    assertTrue(comments.stream().allMatch(r -> r.get("language").equals("it")));
    assertTrue(comments.stream().allMatch(r -> r.get("place").equals("Prato")));
    List<CSVRecord> votes = table("/votes.csv?header=keys");
    assertFalse(votes.get(0).getParser().getHeaderNames().contains("comments"));
    Map<String, Long> perProposal =
        comments.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.get("round_id") + r.get("proposal_id"), Collectors.counting()));
    for (CSVRecord vote : votes) {
      assertEquals(
          perProposal.getOrDefault(vote.get("round_id") + vote.get("proposal_id"), 0L),
          Long.parseLong(vote.get("comment_count")),
          "comment_count counts the rows of comments.csv");
    }
    assertEquals(3, comments.size(), "two comments on group A, one on group B");
    try (XSSFWorkbook book = xlsx("?header=keys")) {
      Sheet sheet = book.getSheet("Commenti");
      assertNotNull(sheet, "an Italian sheet name");
      int column = header(sheet).get("comment");
      List<String> texts = new ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        texts.add(sheet.getRow(r).getCell(column).getStringCellValue());
      }
      assertTrue(texts.contains(TWO_LINES));
      assertEquals(3, texts.size());
    }
    JsonArray list = json().getJsonArray("comments");
    assertEquals(3, list.size());
    assertTrue(
        list.stream().anyMatch(c -> TWO_LINES.equals(((JsonObject) c).getString("comment"))));
  }

  @Test
  @DisplayName(
      "participants: one row each with a key unique across the study, group, workshop, place, profession, joined_at, removed; no names on an anonymous board")
  void participants() throws IOException {
    List<CSVRecord> rows = table("/participants.csv?header=keys");
    assertEquals(8, rows.size(), "four per group");
    Set<String> keys = rows.stream().map(r -> r.get("participant_key")).collect(Collectors.toSet());
    assertEquals(8, keys.size());
    assertTrue(rows.stream().allMatch(r -> r.get("name").isEmpty()), "anonymous boards: no names");
    assertFalse(get("/participants.csv").text().contains("Persona Vera"));
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.get("pseudonym").equals("P2")
                        && r.get("profession").equals("social_worker")
                        && r.get("profession_label").equals("Assistente sociale")
                        && r.get("place").equals("Prato")
                        && r.get("workshop").equals("Percorsi di cura in Toscana")
                        && r.get("removed").equals("false")
                        && !r.get("joined_at").isEmpty()));
    Set<String> authors =
        table("/export.csv?header=keys").stream()
            .map(r -> r.get("author_key"))
            .filter(k -> !k.isEmpty())
            .collect(Collectors.toSet());
    assertTrue(keys.containsAll(authors), "every note's author_key is a participant_key");
    List<CSVRecord> study =
        ExportFormatsTest.csv(
            Fixture.get("/api/studies/" + studyId + "/participants.csv?header=keys", studyKey)
                .body());
    assertEquals(16, study.size());
    assertEquals(
        16,
        study.stream().map(r -> r.get("participant_key")).collect(Collectors.toSet()).size(),
        "pseudonyms repeat in every group; the key does not");
    try (XSSFWorkbook book = xlsx("?header=keys")) {
      assertEquals(9, book.getSheet("Partecipanti").getLastRowNum() + 1);
    }
    assertEquals(8, json().getJsonArray("participants").size());
  }

  @Test
  @DisplayName(
      "ballots: one row per ballot, proposal and criterion, a random id per voter and round that links nothing; figures recompute the results")
  void ballots() throws IOException {
    List<CSVRecord> rows = table("/ballots.csv?header=keys");
    List<String> columns = rows.get(0).getParser().getHeaderNames();
    for (String never : List.of("profession", "author", "participant_key", "pseudonym", "at")) {
      assertFalse(columns.stream().anyMatch(c -> c.contains(never)), never);
    }
    assertFalse(columns.contains("created_at"));
    List<CSVRecord> one =
        rows.stream().filter(r -> r.get("round_id").equals(session.roundOne)).toList();
    assertEquals(3 * 2 * 2, one.size(), "3 ballots x 2 proposals x 2 criteria");
    Set<String> idsOne = one.stream().map(r -> r.get("ballot_id")).collect(Collectors.toSet());
    Set<String> idsTwo =
        rows.stream()
            .filter(r -> r.get("round_id").equals(session.roundTwo))
            .map(r -> r.get("ballot_id"))
            .collect(Collectors.toSet());
    assertEquals(3, idsOne.size());
    assertEquals(3, idsTwo.size());
    assertTrue(idsOne.stream().noneMatch(idsTwo::contains), "no id links two rounds");
    Set<String> participantIds = new HashSet<>();
    session.people.forEach(g -> g.forEach(p -> participantIds.add(p.participantId())));
    String all = get("/ballots.csv").text();
    assertTrue(participantIds.stream().noneMatch(all::contains), "no participant id");
    Set<String> again =
        ExportFormatsTest.csv(get("/ballots.csv?header=keys").body()).stream()
            .map(r -> r.get("ballot_id"))
            .collect(Collectors.toSet());
    assertTrue(again.stream().noneMatch(idsOne::contains), "ids are drawn anew every download");
    // the cluster's feasibility in round one, recomputed from the ballots: 5, 5, 5
    List<Integer> scores =
        one.stream()
            .filter(
                r ->
                    r.get("proposal_id").equals(session.clusterProposal)
                        && r.get("criterion").equals("feasibility"))
            .map(r -> Integer.parseInt(r.get("score")))
            .toList();
    assertEquals(List.of(5, 5, 5), scores);
    assertEquals(
        1,
        one.stream()
            .filter(r -> r.get("comment").equals(ResearchSession.COMMENT))
            .map(r -> r.get("ballot_id"))
            .distinct()
            .count());
    List<CSVRecord> dots = rows.stream().filter(r -> r.get("round_kind").equals("dots")).toList();
    assertTrue(dots.stream().allMatch(r -> r.get("score").isEmpty() && !r.get("dots").isEmpty()));
    assertEquals(
        2 + 2 + 2 + 3 + 1, dots.stream().mapToInt(r -> Integer.parseInt(r.get("dots"))).sum());
    try (XSSFWorkbook book = xlsx("?header=keys")) {
      assertEquals(rows.size(), book.getSheet("Schede").getLastRowNum());
    }
    assertEquals(rows.size(), json().getJsonArray("ballots").size());
  }

  @Test
  @DisplayName(
      "votes: standard deviation and agreement as the live results show them, linked phases, workshop and place")
  void voteFigures() throws IOException {
    List<CSVRecord> votes = table("/votes.csv?header=keys");
    CSVRecord note =
        votes.stream()
            .filter(
                r ->
                    r.get("round_id").equals(session.roundOne)
                        && r.get("proposal_id").equals(session.noteProposal)
                        && r.get("criterion").equals("feasibility"))
            .findFirst()
            .orElseThrow();
    // 4, 4, 3: mean 11/3, population sd sqrt(2/9)
    assertEquals(Math.sqrt(2 / 9.0), Double.parseDouble(note.get("sd")), 1e-9);
    assertEquals(1 - Math.sqrt(2 / 9.0) / 2, Double.parseDouble(note.get("agreement")), 1e-9);
    CSVRecord cluster =
        votes.stream()
            .filter(
                r ->
                    r.get("round_id").equals(session.roundOne)
                        && r.get("proposal_id").equals(session.clusterProposal))
            .findFirst()
            .orElseThrow();
    assertEquals("leaving; path", cluster.get("proposal_phases"));
    assertEquals("2", cluster.get("proposal_note_count"));
    assertTrue(cluster.get("proposal_phase_labels").contains(";"));
    assertTrue(votes.stream().allMatch(r -> r.get("place").equals("Prato")));
    assertTrue(
        votes.stream().allMatch(r -> r.get("workshop").equals("Percorsi di cura in Toscana")));
    JsonObject json = json();
    boolean linked = false;
    for (Object r : json.getJsonArray("voteRounds")) {
      for (Object p : ((JsonObject) r).getJsonArray("proposals")) {
        JsonObject proposal = (JsonObject) p;
        if (session.clusterProposal.equals(proposal.getString("id"))
            && proposal.getJsonArray("phases").size() == 2) {
          linked = true;
        }
      }
    }
    assertTrue(linked, "the JSON names the linked phases");
    String report = Fixture.get("/w/" + session.id() + "/report", session.organiserKey()).text();
    assertTrue(report.contains("report-phases"), "the report names the linked phases");
  }

  @Test
  @DisplayName(
      "notes: a yes/no column per tag, edited and redacted flags; place and workshop on every row of votes and history")
  void analysisColumns() throws IOException {
    List<CSVRecord> notes = table("/export.csv?header=keys");
    for (CSVRecord r : notes) {
      List<String> tags = List.of(r.get("tags").split("; "));
      assertEquals(String.valueOf(tags.contains("foster")), r.get("tag_foster"));
      assertEquals(String.valueOf(tags.contains("facility")), r.get("tag_facility"));
    }
    Map<String, CSVRecord> byId = new LinkedHashMap<>();
    notes.forEach(r -> byId.put(r.get("note_id"), r));
    assertEquals("true", byId.get(edited).get("edited"));
    assertEquals("false", byId.get(edited).get("redacted"));
    assertEquals("true", byId.get(redacted).get("redacted"));
    assertEquals("false", byId.get(session.noteIds.get(7)).get("edited"));
    assertEquals("false", byId.get(session.noteIds.get(7)).get("redacted"));
    List<CSVRecord> history = table("/history.csv?header=keys");
    assertTrue(history.stream().allMatch(r -> r.get("place").equals("Prato")));
    assertTrue(
        history.stream().allMatch(r -> r.get("workshop").equals("Percorsi di cura in Toscana")));
    String header =
        new String(get("/export.csv").body(), StandardCharsets.UTF_8)
            .lines()
            .findFirst()
            .orElseThrow();
    assertTrue(header.contains("Etichetta: Famiglia affidataria"), header);
    JsonObject json = json();
    JsonObject first =
        json.getJsonArray("workshops").getJsonObject(0).getJsonArray("groups").getJsonObject(0);
    boolean flagged =
        first.getJsonArray("notes").stream()
            .map(JsonObject.class::cast)
            .anyMatch(n -> n.getString("id").equals(redacted) && n.getBoolean("redacted"));
    assertTrue(flagged);
  }

  @Test
  @DisplayName(
      "times: the XLSX date is a date cell; CSV and XLSX give the same instants in the same zone, which the codebook names")
  void times() throws IOException {
    List<CSVRecord> notes = table("/export.csv?header=keys");
    Map<String, OffsetDateTime> created = new HashMap<>();
    notes.forEach(r -> created.put(r.get("note_id"), OffsetDateTime.parse(r.get("created_at"))));
    OffsetDateTime first = OffsetDateTime.parse(notes.get(0).get("created_at"));
    assertEquals(
        ZoneId.of("Europe/Rome").getRules().getOffset(first.toInstant()),
        first.getOffset(),
        "the offset of Rome at that instant");
    try (XSSFWorkbook book = xlsx("?header=keys")) {
      Sheet sheet = book.getSheetAt(0);
      Map<String, Integer> col = header(sheet);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        Cell date = row.getCell(col.get("date"));
        assertEquals(CellType.NUMERIC, date.getCellType());
        assertTrue(DateUtil.isCellDateFormatted(date));
        assertEquals(LocalDate.of(2022, 7, 18), date.getLocalDateTimeCellValue().toLocalDate());
        LocalDateTime cell = row.getCell(col.get("created_at")).getLocalDateTimeCellValue();
        OffsetDateTime csv = created.get(row.getCell(col.get("note_id")).getStringCellValue());
        assertEquals(
            csv.atZoneSameInstant(ZoneId.of("Europe/Rome"))
                .toLocalDateTime()
                .truncatedTo(ChronoUnit.SECONDS),
            cell.truncatedTo(ChronoUnit.SECONDS),
            "the same wall-clock time in both");
      }
    }
    List<CSVRecord> codebook = table("/codebook.csv?header=keys");
    CSVRecord zone =
        codebook.stream()
            .filter(r -> r.get("table").equals("download") && r.get("column").equals("time_zone"))
            .findFirst()
            .orElseThrow();
    assertEquals("Europe/Rome", zone.get("value"));
    assertTrue(
        codebook.stream()
            .filter(r -> r.get("column").equals("created_at"))
            .allMatch(r -> r.get("unit").startsWith("Europe/Rome")));
  }

  @Test
  @DisplayName(
      "codebook: every column of every table with labels in both languages, type, values and empty meaning; the download's facts; in CSV, XLSX and JSON")
  void codebook() throws IOException {
    List<CSVRecord> codebook = table("/codebook.csv?header=keys");
    Map<String, String> facts = new HashMap<>();
    codebook.stream()
        .filter(r -> r.get("table").equals("download"))
        .forEach(r -> facts.put(r.get("column"), r.get("value")));
    assertEquals("3", facts.get("schema_version"));
    assertEquals("workshop", facts.get("scope"));
    assertNotNull(facts.get("version"));
    OffsetDateTime.parse(facts.get("exported_at"));
    Map<String, String> tables =
        Map.of(
            "notes", "/export.csv",
            "votes", "/votes.csv",
            "ballots", "/ballots.csv",
            "comments", "/comments.csv",
            "participants", "/participants.csv",
            "clusters", "/clusters.csv",
            "matrix", "/matrix.csv",
            "history", "/history.csv");
    for (Map.Entry<String, String> t : tables.entrySet()) {
      List<String> columns =
          table(t.getValue() + "?header=keys").isEmpty()
              ? List.of()
              : table(t.getValue() + "?header=keys").get(0).getParser().getHeaderNames();
      Set<String> described =
          codebook.stream()
              .filter(r -> r.get("table").equals(t.getKey()))
              .map(r -> r.get("column"))
              .collect(Collectors.toSet());
      assertTrue(described.containsAll(columns), t.getKey() + ": " + columns + " vs " + described);
    }
    CSVRecord phase =
        codebook.stream()
            .filter(r -> r.get("table").equals("notes") && r.get("column").equals("phase"))
            .findFirst()
            .orElseThrow();
    assertEquals("Phase", phase.get("label_en"));
    assertEquals("Fase", phase.get("label_it"));
    assertEquals("code", phase.get("type"));
    assertTrue(phase.get("allowed_values").contains("custody = "), phase.get("allowed_values"));
    assertFalse(phase.get("empty_means").isEmpty());
    CSVRecord profession =
        codebook.stream()
            .filter(r -> r.get("column").equals("author_profession"))
            .findFirst()
            .orElseThrow();
    assertTrue(profession.get("allowed_values").contains("foster_family"));
    assertFalse(profession.get("allowed_values").contains("foster_parent"));
    CSVRecord tag =
        codebook.stream()
            .filter(r -> r.get("table").equals("notes") && r.get("column").equals("tag_foster"))
            .findFirst()
            .orElseThrow();
    assertEquals("boolean", tag.get("type"));
    try (XSSFWorkbook book = xlsx("")) {
      assertTrue(
          book.getProperties().getCoreProperties().getCreator().startsWith("PeerBoard "),
          "the workbook's own properties name its maker");
      assertTrue(
          book.getProperties().getCoreProperties().getDescription().contains("schema_version 3"));
      Sheet legenda = book.getSheet("Legenda");
      assertNotNull(legenda, "the Italian codebook sheet");
      assertEquals(codebook.size(), legenda.getLastRowNum());
    }
    try (XSSFWorkbook book =
        new XSSFWorkbook(new ByteArrayInputStream(get("/export.xlsx?lang=en").body()))) {
      for (String sheet : List.of("Participants", "Ballots", "Comments", "Codebook")) {
        assertNotNull(book.getSheet(sheet), sheet);
      }
    }
    JsonObject json = json();
    JsonObject meta = json.getJsonObject("meta");
    assertEquals(3, meta.getInteger("schemaVersion"));
    assertEquals("workshop", meta.getString("scope"));
    assertNotNull(meta.getString("version"));
    assertNotNull(meta.getString("exportedAt"));
    assertEquals(codebook.size(), json.getJsonArray("codebook").size());
  }

  @Test
  @DisplayName("?dialect=excel-it: semicolons, decimal commas, the same BOM and rows, on every CSV")
  void excelDialect() throws IOException {
    for (String table :
        List.of(
            "/export.csv",
            "/votes.csv",
            "/ballots.csv",
            "/comments.csv",
            "/participants.csv",
            "/clusters.csv",
            "/matrix.csv",
            "/history.csv",
            "/codebook.csv")) {
      byte[] body = get(table + "?header=keys&dialect=excel-it").body();
      assertEquals((byte) 0xEF, body[0], table);
      String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
      List<CSVRecord> rows;
      try (CSVParser parser =
          CSVParser.parse(
              new StringReader(text),
              CSVFormat.RFC4180
                  .builder()
                  .setDelimiter(';')
                  .setHeader()
                  .setSkipHeaderRecord(true)
                  .get())) {
        rows = parser.getRecords();
      }
      assertEquals(table(table + "?header=keys").size(), rows.size(), table);
      assertTrue(rows.isEmpty() || rows.get(0).size() > 3, table + " splits into columns");
      if (table.equals("/votes.csv")) {
        CSVRecord mean =
            rows.stream()
                .filter(
                    r ->
                        r.get("round_id").equals(session.roundOne)
                            && r.get("proposal_id").equals(session.noteProposal))
                .findFirst()
                .orElseThrow();
        assertTrue(mean.get("mean").startsWith("3,6"), mean.get("mean"));
        assertTrue(
            mean.get("round_opened_at").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
      }
    }
    Fixture.Download board =
        Fixture.get(
            "/api/boards/"
                + session.workshop.board(0).getString("id")
                + "/ballots.csv?dialect=excel-it",
            session.workshop.board(0).getString("moderatorKey"));
    assertEquals(200, board.status());
    assertTrue(board.disposition().contains("excel-it"), board.disposition());
    String organiserPage = pageAsBrowser("/w/" + session.id(), session.organiserKey());
    assertTrue(
        organiserPage.contains("id=\"excel-hint\""), "the organiser page points Excel users");
    assertTrue(organiserPage.contains("Excel (XLSX)"), "the XLSX link says it is for Excel");
    assertTrue(organiserPage.contains("export.zip?dialect=excel-it"));
  }

  @Test
  @DisplayName("export.zip: every CSV of the scope, the codebook and the README, at every scope")
  void zip() throws IOException {
    Map<String, byte[]> entries = unzip(get("/export.zip").body());
    // the notice texts the participants agreed to, one file per version (participants' rights)
    Set<String> versions =
        table("/participants.csv?header=keys").stream()
            .map(r -> r.get("notice_version"))
            .filter(v -> !v.isEmpty())
            .collect(Collectors.toSet());
    assertFalse(versions.isEmpty(), "the session's participants agreed to a notice");
    for (String version : versions) {
      byte[] notice = entries.remove("notice-" + version + ".txt");
      assertTrue(notice != null, "notice-" + version + ".txt is in the zip");
      assertEquals(
          version,
          org.peerboard.workshop.model.Notice.versionOf(new String(notice, StandardCharsets.UTF_8)),
          "the file holds exactly the text of that version");
    }
    assertEquals(
        Set.of(
            "README.txt",
            "timing.csv",
            "notes.csv",
            "clusters.csv",
            "votes.csv",
            "ballots.csv",
            "comments.csv",
            "participants.csv",
            "matrix.csv",
            "history.csv",
            "codebook.csv"),
        entries.keySet());
    assertEquals(
        table("/participants.csv").size(),
        ExportFormatsTest.csv(entries.get("participants.csv")).size());
    assertEquals(
        table("/export.csv").size(), ExportFormatsTest.csv(entries.get("notes.csv")).size());
    String readme = new String(entries.get("README.txt"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("schema_version: 3"), readme);
    JsonObject board = session.workshop.board(1);
    Fixture.Download boardZip =
        Fixture.get(
            "/api/boards/" + board.getString("id") + "/export.zip",
            board.getString("moderatorKey"));
    assertEquals(200, boardZip.status());
    assertEquals("application/zip", boardZip.contentType());
    Fixture.Download studyZip = Fixture.get("/api/studies/" + studyId + "/export.zip", studyKey);
    assertEquals(200, studyZip.status());
    assertEquals(16, ExportFormatsTest.csv(unzip(studyZip.body()).get("participants.csv")).size());
    assertNull(unzip(studyZip.body()).get("Sources"), "no QDA files in the CSV zip");
  }

  @Test
  @DisplayName("the new downloads answer a wrong or missing key as every download does")
  void refusals() {
    JsonObject a = session.workshop.board(0);
    for (String table : List.of("participants", "ballots", "comments", "codebook")) {
      assertEquals(
          401, Fixture.get("/api/workshops/" + session.id() + "/" + table + ".csv", null).status());
      assertEquals(
          403,
          Fixture.get(
                  "/api/workshops/" + session.id() + "/" + table + ".csv",
                  a.getString("moderatorKey"))
              .status(),
          "a moderator reads a board, not the workshop");
      assertEquals(
          401,
          Fixture.get(
                  "/api/boards/" + a.getString("id") + "/" + table + ".csv", other.organiserKey())
              .status(),
          "another workshop's key");
    }
    assertEquals(
        404,
        Fixture.get("/api/workshops/" + session.id() + "/secrets.csv", session.organiserKey())
            .status());
    assertNotEquals(
        200,
        Fixture.get("/api/studies/" + studyId + "/export.zip", session.organiserKey()).status());
    Fixture.Download odd =
        Fixture.get(
            "/api/workshops/" + session.id() + "/votes.csv?dialect=excel-fr",
            session.organiserKey());
    assertEquals(400, odd.status(), "an unknown dialect is refused, not ignored");
    assertTrue(odd.text().contains("\"invalid\""), odd.text());
  }

  @Test
  @DisplayName(
      ".qdpx: cases carry workshop, place and group; a study is one valid project with both territories; distinct code names; readable selection names")
  void qdpx() throws Exception {
    Qdpx workshop = Qdpx.read(get("/export.qdpx").body());
    assertTrue(
        workshop.cases().stream()
            .allMatch(
                c ->
                    "Prato".equals(c.variables().get("Luogo"))
                        && "Percorsi di cura in Toscana".equals(c.variables().get("Workshop"))
                        && c.variables().get("Gruppo") != null));
    for (Map.Entry<String, List<String>> parent : workshop.children().entrySet()) {
      assertEquals(
          parent.getValue().size(),
          new HashSet<>(parent.getValue()).size(),
          "distinct names under " + parent.getKey() + ": " + parent.getValue());
    }
    List<String> duplicates =
        workshop.children().get("Moderazione").stream()
            .filter(n -> n.startsWith("duplicato di «"))
            .toList();
    assertEquals(2, duplicates.size(), duplicates.toString());
    Qdpx.Selection byModerator =
        workshop.sources().stream()
            .flatMap(s -> s.selections().stream())
            .filter(s -> s.guid().equals(moderatorNote))
            .findFirst()
            .orElseThrow();
    assertFalse(byModerator.name().contains(moderatorNote), byModerator.name());
    assertFalse(byModerator.name().startsWith("moderator ·"), byModerator.name());
    assertTrue(byModerator.name().contains("Sintesi della moderatrice"), byModerator.name());
    Fixture.Download download = Fixture.get("/api/studies/" + studyId + "/export.qdpx", studyKey);
    assertEquals(200, download.status());
    Qdpx study = Qdpx.read(download.body());
    assertEquals(4, study.sources().size(), "two groups in each of two workshops");
    assertEquals(16, study.cases().size());
    assertEquals(
        16, study.cases().stream().map(Qdpx.Case::name).collect(Collectors.toSet()).size());
    for (Map.Entry<String, List<String>> parent : study.children().entrySet()) {
      assertEquals(
          parent.getValue().size(),
          new HashSet<>(parent.getValue()).size(),
          "distinct names under " + parent.getKey() + ": " + parent.getValue());
    }
  }

  /** A page as a browser that holds the key's cookie asks for it. */
  private static String pageAsBrowser(String path, String key) {
    try {
      HttpResponse<String> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(TestApp.api().base() + path))
                      .header("Accept", "text/html")
                      .header("Cookie", "pb_key=" + key)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), path);
      return page.body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, byte[]> unzip(byte[] body) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }
}
