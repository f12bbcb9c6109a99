package org.peerboard.react;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Four participants on one board: Anna's note is agreed with by Bruno and Carla (Bruno twice), her
 * second note by Bruno who takes it back, Dario's note by Anna; one phase further a note by Carla
 * agreed with by Dario.
 */
@DisplayName("\"Me too\" in the research downloads: distinct participants, and their share")
class ReactionExportTest {
  private static final Api api = TestApp.api();
  private static final int port = TestApp.shared().port();
  private static Api.Workshop workshop;
  private static String boardId;
  private static String shared;
  private static String takenBack;
  private static String byDario;
  private static String path;

  private static String note(WsClient ws, String lane, String text) {
    return ReactionTest.ack(ws, "note.add", new JsonObject().put("lane", lane).put("text", text))
        .getJsonObject("result")
        .getString("noteId");
  }

  private static void react(WsClient ws, String noteId, boolean on) {
    ReactionTest.ack(ws, "note.react", ReactionTest.react(noteId, on));
  }

  @BeforeAll
  static void session() {
    workshop = api.workshop("Agreement export", "A");
    boardId = workshop.board(0).getString("id");
    String code = workshop.board(0).getString("joinCode");
    List<Api.Participant> people =
        List.of(
            api.join(code, "Anna"),
            api.join(code, "Bruno"),
            api.join(code, "Carla"),
            api.join(code, "Dario"));
    WsClient[] phones = new WsClient[4];
    for (int i = 0; i < 4; i++) {
      phones[i] = WsClient.hello(port, boardId, people.get(i).token(), null);
    }
    try {
      shared = note(phones[0], "custody:issues", "Nobody explains to the child why");
      takenBack = note(phones[0], "custody:issues", "The first visit comes too late");
      byDario = note(phones[3], "custody:resources", "A trusted adult at the first meeting");
      path = note(phones[2], "path:issues", "Plans change with every new social worker");
      react(phones[1], shared, true);
      react(phones[1], shared, true);
      react(phones[2], shared, true);
      react(phones[1], takenBack, true);
      react(phones[1], takenBack, false);
      react(phones[0], byDario, true);
      react(phones[3], path, true);
    } finally {
      for (WsClient phone : phones) {
        phone.close();
      }
    }
  }

  private static byte[] download(String url) {
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(api.base() + url))
                      .header("Authorization", "Bearer " + workshop.organiserKey())
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), url);
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<CSVRecord> csv(String url) throws IOException {
    String text = new String(download(url), java.nio.charset.StandardCharsets.UTF_8);
    return CSVParser.parse(
            new StringReader(text.substring(1)),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())
        .getRecords();
  }

  @Test
  @DisplayName("notes CSV: reactions counts distinct participants, reaction_share over the board's")
  void notesCsv() throws IOException {
    Map<String, CSVRecord> byId = new HashMap<>();
    for (CSVRecord row : csv("/api/boards/" + boardId + "/export.csv?header=keys")) {
      byId.put(row.get("note_id"), row);
    }
    assertEquals("2", byId.get(shared).get("reactions"));
    assertEquals("0.5", byId.get(shared).get("reaction_share"));
    assertEquals("0", byId.get(takenBack).get("reactions"));
    assertEquals("0.0", byId.get(takenBack).get("reaction_share"));
    assertEquals("1", byId.get(byDario).get("reactions"));
    assertEquals("0.25", byId.get(byDario).get("reaction_share"));
  }

  @Test
  @DisplayName("XLSX and JSON carry the same numbers, as numbers")
  void xlsxAndJson() throws IOException {
    try (XSSFWorkbook book =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                download("/api/boards/" + boardId + "/export.xlsx?header=keys")))) {
      XSSFSheet notes = book.getSheetAt(0);
      Map<String, Integer> col = new HashMap<>();
      notes.getRow(0).forEach(cell -> col.put(cell.getStringCellValue(), cell.getColumnIndex()));
      boolean found = false;
      for (int r = 1; r <= notes.getLastRowNum(); r++) {
        Row row = notes.getRow(r);
        if (row.getCell(col.get("note_id")).getStringCellValue().equals(shared)) {
          assertEquals(2.0, row.getCell(col.get("reactions")).getNumericCellValue());
          assertEquals(0.5, row.getCell(col.get("reaction_share")).getNumericCellValue());
          found = true;
        }
      }
      assertTrue(found);
    }
    JsonObject json =
        new JsonObject(
            new String(
                download("/api/boards/" + boardId + "/export.json"),
                java.nio.charset.StandardCharsets.UTF_8));
    JsonArray notes =
        json.getJsonArray("workshops")
            .getJsonObject(0)
            .getJsonArray("groups")
            .getJsonObject(0)
            .getJsonArray("notes");
    JsonObject note =
        notes.stream()
            .map(n -> (JsonObject) n)
            .filter(n -> n.getString("id").equals(shared))
            .findFirst()
            .orElseThrow();
    assertEquals(2, note.getInteger("reactions"));
    assertEquals(0.5, note.getDouble("reaction_share"));
  }

  @Test
  @DisplayName("the history lists each note.reacted with the count and no pseudonym")
  void history() throws IOException {
    List<CSVRecord> reacted =
        csv("/api/boards/" + boardId + "/history.csv?header=keys").stream()
            .filter(row -> row.get("event").equals("note.reacted"))
            .toList();
    assertEquals(
        List.of("1", "1", "2", "1", "0", "1", "1"),
        reacted.stream().map(row -> row.get("reactions")).toList());
    for (CSVRecord row : reacted) {
      assertEquals("", row.get("actor"));
      assertEquals("participant", row.get("actor_role"));
      assertFalse(row.get("note_id").isEmpty(), "the note it is about");
    }
  }

  @Test
  @DisplayName("the report lists per phase the notes with the most agreement")
  void report() {
    String page =
        new String(
            download("/w/" + workshop.id() + "/report?lang=en"),
            java.nio.charset.StandardCharsets.UTF_8);
    int section = page.indexOf("Most agreed notes, by phase");
    assertTrue(section > 0, "the section is there");
    String agreed = page.substring(section, page.indexOf("class=\"votes\"", section));
    assertTrue(agreed.indexOf("Nobody explains") < agreed.indexOf("A trusted adult"), agreed);
    assertTrue(agreed.contains("agreed: 2 of 4"), agreed);
    assertTrue(agreed.contains("Plans change with every new social worker"), agreed);
    assertFalse(agreed.contains("The first visit comes too late"), "taken back: " + agreed);
  }
}
