package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("Planned against actual time, in every download of every scope")
class TimingExportTest {
  private final Api api = TestApp.api();
  private final int port = TestApp.shared().port();

  private static JsonObject ok(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals("ack", answer.getString("type"), op + " " + answer.encode());
    return answer;
  }

  private static JsonObject note(String lane, String text) {
    return new JsonObject().put("lane", lane).put("text", text);
  }

  @Test
  @DisplayName(
      "timing rows equal the steps' real starts and ends; a step never started has empty times")
  void timingRows() throws Exception {
    Api.Workshop workshop = api.workshop("Timing", "A");
    JsonObject board = workshop.board(0);
    String boardId = board.getString("id");
    String moderatorKey = board.getString("moderatorKey");
    Api.Participant alice = api.join(board.getString("joinCode"), "Alice");
    Api.Participant bruno = api.join(board.getString("joinCode"), "Bruno");
    try (WsClient moderator = WsClient.hello(port, boardId, moderatorKey, null);
        WsClient a = WsClient.hello(port, boardId, alice.token(), null);
        WsClient b = WsClient.hello(port, boardId, bruno.token(), null)) {
      JsonArray steps =
          new JsonArray()
              .add(
                  new JsonObject()
                      .put("title", "=Referral")
                      .put("phase", "reporting")
                      .put("stage", "collecting")
                      .put("minutes", 15))
              .add(
                  new JsonObject()
                      .put("title", "Custody")
                      .put("phase", "custody")
                      .put("stage", "collecting")
                      .put("minutes", 10))
              .add(new JsonObject().put("stage", "voting").put("minutes", 5));
      ok(moderator, "board.agenda", new JsonObject().put("steps", steps));
      ok(moderator, "board.step", new JsonObject().put("index", 0));
      ok(a, "note.add", note("reporting:issues", "Nobody calls back"));
      ok(a, "note.add", note("reporting:actors", "The school"));
      ok(b, "note.add", note("reporting:issues", "Paperwork"));
      ok(moderator, "board.step", new JsonObject().put("index", 1));
      ok(a, "note.add", note("custody:issues", "Long waits"));
      ok(moderator, "note.add", note("custody:issues", "From paper"));
      ok(moderator, "board.step", new JsonObject().put("index", 0));
    }
    JsonArray started =
        api.get("/api/boards/" + boardId, moderatorKey)
            .json()
            .getJsonObject("agenda")
            .getJsonArray("started");

    List<CSVRecord> rows =
        ExportFormatsTest.csv(
            Fixture.get("/api/boards/" + boardId + "/timing.csv?header=keys", moderatorKey).body());
    assertEquals(4, rows.size(), "step 0 twice, step 1 once, step 2 never");
    assertEquals(List.of("0", "0", "1", "2"), rows.stream().map(r -> r.get("step")).toList());
    assertEquals(
        List.of(
            "workshop_id",
            "group_id",
            "group",
            "step",
            "title",
            "phase",
            "stage",
            "planned_minutes",
            "started_at",
            "ended_at",
            "actual_minutes",
            "notes_added",
            "posters"),
        rows.get(0).getParser().getHeaderNames());
    JsonObject first = started.getJsonObject(0);
    JsonObject second = started.getJsonObject(1);
    JsonObject third = started.getJsonObject(2);
    CSVRecord r0 = rows.get(0);
    assertEquals("'=Referral", r0.get("title"), "a title is text, never a formula");
    assertEquals("reporting", r0.get("phase"));
    assertEquals("collecting", r0.get("stage"));
    assertEquals("15", r0.get("planned_minutes"));
    // CSV times are in the workshops' zone with their offset: compared as instants
    assertEquals(instant(first.getString("startedAt")), instant(r0.get("started_at")));
    assertEquals(instant(first.getString("endedAt")), instant(r0.get("ended_at")));
    assertEquals(instant(second.getString("startedAt")), instant(r0.get("ended_at")));
    BigDecimal actual =
        BigDecimal.valueOf(
                Duration.between(
                        Instant.parse(first.getString("startedAt")),
                        Instant.parse(first.getString("endedAt")))
                    .toMillis())
            .divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP);
    assertEquals(actual.toPlainString(), r0.get("actual_minutes"));
    assertEquals("3", r0.get("notes_added"));
    assertEquals("2", r0.get("posters"));

    CSVRecord again = rows.get(1);
    assertEquals(instant(third.getString("startedAt")), instant(again.get("started_at")));
    assertEquals("", again.get("ended_at"), "still running");
    assertEquals("", again.get("actual_minutes"));
    assertEquals("0", again.get("notes_added"));

    CSVRecord custody = rows.get(2);
    assertEquals(instant(second.getString("startedAt")), instant(custody.get("started_at")));
    assertEquals(instant(third.getString("startedAt")), instant(custody.get("ended_at")));
    assertEquals("2", custody.get("notes_added"), "the moderator's note counts as a note");
    assertEquals("1", custody.get("posters"), "but only participants are posters");

    CSVRecord never = rows.get(3);
    assertEquals("voting", never.get("stage"));
    assertEquals("5", never.get("planned_minutes"));
    for (String empty :
        List.of(
            "title",
            "phase",
            "started_at",
            "ended_at",
            "actual_minutes",
            "notes_added",
            "posters")) {
      assertEquals("", never.get(empty), empty);
    }

    String organiserKey = workshop.organiserKey();
    List<CSVRecord> workshopRows =
        ExportFormatsTest.csv(
            Fixture.get("/api/workshops/" + workshop.id() + "/timing.csv?header=keys", organiserKey)
                .body());
    assertEquals(4, workshopRows.size());
    assertEquals("A", workshopRows.get(0).get("group"));
    String english =
        Fixture.get("/api/workshops/" + workshop.id() + "/timing.csv", organiserKey).text();
    assertTrue(
        english.startsWith(
            "\uFEFFWorkshop ID,Group ID,Group,Step,Title,Phase,Stage,Planned minutes"),
        english);

    JsonObject study =
        api.post(
                "/api/studies",
                new JsonObject()
                    .put("name", "Timing study")
                    .put(
                        "workshops",
                        new JsonArray()
                            .add(
                                new JsonObject()
                                    .put("id", workshop.id())
                                    .put("organiserKey", organiserKey))))
            .json();
    String studyKey = study.getString("studyKey");
    Fixture.Download studyCsv =
        Fixture.get("/api/studies/" + study.getString("id") + "/timing.csv?header=keys", studyKey);
    assertEquals(200, studyCsv.status(), studyCsv.text() + " " + study.encode());
    assertEquals(
        4,
        ExportFormatsTest.csv(
                Fixture.get(
                        "/api/studies/" + study.getString("id") + "/timing.csv?header=keys",
                        studyKey)
                    .body())
            .size());
    JsonObject json =
        new JsonObject(
            Fixture.get("/api/studies/" + study.getString("id") + "/export.json", studyKey).text());
    JsonArray timing =
        json.getJsonArray("workshops")
            .getJsonObject(0)
            .getJsonArray("groups")
            .getJsonObject(0)
            .getJsonArray("timing");
    assertEquals(4, timing.size());
    assertEquals(first.getString("startedAt"), timing.getJsonObject(0).getString("startedAt"));
    assertEquals(3, timing.getJsonObject(0).getInteger("notesAdded"));
    assertNull(timing.getJsonObject(3).getString("startedAt"));
    assertNull(timing.getJsonObject(3).getValue("actualMinutes"));
    assertEquals(
        4,
        new JsonObject(Fixture.get("/api/boards/" + boardId + "/export.json", moderatorKey).text())
            .getJsonArray("workshops")
            .getJsonObject(0)
            .getJsonArray("groups")
            .getJsonObject(0)
            .getJsonArray("timing")
            .size());

    try (XSSFWorkbook book =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                Fixture.get("/api/workshops/" + workshop.id() + "/export.xlsx", organiserKey)
                    .body()))) {
      Sheet sheet = book.getSheet("Timing");
      assertNotNull(sheet, "a Timing sheet");
      DataFormatter format = new DataFormatter();
      assertEquals("Step", format.formatCellValue(sheet.getRow(0).getCell(3)));
      assertEquals(4, sheet.getLastRowNum());
      assertEquals("=Referral", sheet.getRow(1).getCell(4).getStringCellValue(), "a string cell");
      assertEquals(15, (int) sheet.getRow(1).getCell(7).getNumericCellValue());
      assertTrue(sheet.getRow(1).getCell(8).getLocalDateTimeCellValue() != null);
      assertNull(sheet.getRow(4).getCell(8), "never started: no time");
    }
    String report = Fixture.get("/w/" + workshop.id() + "/report", organiserKey).text();
    assertTrue(report.contains("Run-sheet: planned and actual time"), report);
    assertTrue(report.contains("Referral</th>"), "escaped, as Handlebars writes an equals sign");
    assertTrue(
        report.contains("<th scope=\"row\">Voting</th>"),
        "a step without title is named by its stage");
    assertTrue(report.contains("/timing.csv?k"), "and links timing.csv");
    assertEquals(
        403, Fixture.get("/api/boards/" + boardId + "/timing.csv", alice.token()).status());
    assertEquals(
        401, Fixture.get("/api/workshops/" + workshop.id() + "/timing.csv", null).status());
  }

  private static java.time.Instant instant(String time) {
    return java.time.OffsetDateTime.parse(time).toInstant();
  }
}
