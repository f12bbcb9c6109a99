package org.peerboard.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerboard.action.PlanBoard.ack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.WsClient;

@DisplayName("The action plan in the downloads, the report and the history")
class ActionExportsTest {

  /** Board A with two actions (one from the voted housing proposal), board B with one. */
  private static final class Plans implements AutoCloseable {
    final PlanBoard board = new PlanBoard("Exported plan", "Alpha", "Beta");
    final String boardB = board.workshop.board(1).getString("id");
    final String housing;
    final String free;
    final String beta;

    Plans() {
      housing =
          board.action(
              new JsonObject()
                  .put("fromNoteId", board.housingNote)
                  .put("owner", "=Region HYPERLINK")
                  .put("due", "2026-06-30")
                  .put("status", "agreed")
                  .put("nextStep", "Meet the housing office"));
      free = board.action(new JsonObject().put("title", "Write to the school"));
      try (WsClient b =
          WsClient.hello(
              board.port, boardB, board.workshop.board(1).getString("moderatorKey"), null)) {
        beta =
            ack(b, "action.create", new JsonObject().put("title", "Beta's own action"))
                .getJsonObject("result")
                .getString("actionId");
      }
    }

    @Override
    public void close() {
      board.close();
    }
  }

  private static List<String> column(List<CSVRecord> rows, String key) {
    int at = rows.get(0).toList().indexOf(key);
    List<String> values = new ArrayList<>();
    rows.subList(1, rows.size()).forEach(r -> values.add(r.get(at)));
    return values;
  }

  @Test
  @DisplayName(
      "actions.csv at board, workshop and study scope holds the actions of that scope, with group,"
          + " origin proposal and its vote result")
  void csvAtThreeScopes() throws IOException {
    try (Plans p = new Plans()) {
      PlanBoard b = p.board;
      Http.Answer board =
          Http.get("/api/boards/" + b.id + "/actions.csv?header=keys", b.moderatorKey);
      assertEquals(200, board.status());
      assertTrue(board.contentType().startsWith("text/csv"));
      List<CSVRecord> rows = Http.csv(board.body());
      assertEquals(
          List.of(
              "action_id",
              "workshop_id",
              "workshop",
              "place",
              "date",
              "group_id",
              "group",
              "title",
              "proposal_id",
              "proposal",
              "vote_rank",
              "vote_result",
              "owner",
              "due",
              "status",
              "next_step",
              "created_at",
              "updated_at"),
          rows.get(0).toList());
      assertEquals(List.of(p.housing, p.free), column(rows, "action_id"));
      assertEquals(List.of("Alpha", "Alpha"), column(rows, "group"));
      assertEquals(List.of(b.housingNote, ""), column(rows, "proposal_id"));
      assertEquals(
          "A housing fund for every young person leaving care at 18",
          column(rows, "proposal").get(0));
      assertEquals("1", column(rows, "vote_rank").get(0));
      assertEquals("rank 1 of 3 · 3 dots · 1 voter", column(rows, "vote_result").get(0));
      assertEquals("'=Region HYPERLINK", column(rows, "owner").get(0), "a formula stays text");
      assertEquals(List.of("2026-06-30", ""), column(rows, "due"));
      assertEquals(List.of("agreed", "proposed"), column(rows, "status"));
      assertEquals("Prato", column(rows, "place").get(0));

      List<CSVRecord> workshop =
          Http.csv(
              Http.get(
                      "/api/workshops/" + b.workshop.id() + "/actions.csv?header=keys",
                      b.organiserKey())
                  .body());
      assertEquals(List.of(p.housing, p.free, p.beta), column(workshop, "action_id"));
      assertEquals(List.of("Alpha", "Alpha", "Beta"), column(workshop, "group"));

      Api.Response study =
          b.api.post(
              "/api/studies",
              new JsonObject()
                  .put("name", "Plans study")
                  .put(
                      "workshops",
                      new JsonArray()
                          .add(
                              new JsonObject()
                                  .put("id", b.workshop.id())
                                  .put("organiserKey", b.organiserKey()))));
      assertEquals(201, study.status(), study.body());
      Http.Answer studyCsv =
          Http.get(
              "/api/studies/" + study.json().getString("id") + "/actions.csv",
              study.json().getString("studyKey"));
      assertEquals(200, studyCsv.status());
      List<CSVRecord> studyRows = Http.csv(studyCsv.body());
      assertEquals("Action ID", studyRows.get(0).get(0), "headers in the workshop's language");
      assertEquals(4, studyRows.size());
      String studyPath = "/api/studies/" + study.json().getString("id");
      String studyKey = study.json().getString("studyKey");
      assertEquals(
          List.of(p.housing, p.free, p.beta),
          new JsonObject(Http.get(studyPath + "/export.json", studyKey).text())
              .getJsonArray("actions").stream()
                  .map(a -> ((JsonObject) a).getString("id"))
                  .toList());
      try (XSSFWorkbook book =
          new XSSFWorkbook(
              new ByteArrayInputStream(Http.get(studyPath + "/export.xlsx", studyKey).body()))) {
        assertEquals(3, book.getSheet("Actions").getLastRowNum());
      }

      // keys of the wrong kind or of another board
      assertEquals(
          403, Http.get("/api/boards/" + b.id + "/actions.csv", b.person.token()).status());
      assertEquals(
          403,
          Http.get("/api/workshops/" + b.workshop.id() + "/actions.csv", b.moderatorKey).status());
      assertEquals(401, Http.get("/api/boards/" + b.id + "/actions.csv", null).status());
      assertEquals(
          401,
          Http.get(
                  "/api/boards/" + p.boardB + "/actions.csv",
                  new PlanBoard("Stranger").moderatorKey)
              .status());
      List<CSVRecord> it =
          Http.csv(Http.get("/api/boards/" + b.id + "/actions.csv?lang=it", b.moderatorKey).body());
      assertEquals("ID azione", it.get(0).get(0));
      assertEquals("1° di 3 · 3 punti · 1 votante", it.get(1).get(11));

      // Excel set to Italian: semicolons, like every other CSV with ?dialect=excel-it
      Http.Answer excel =
          Http.get("/api/boards/" + b.id + "/actions.csv?dialect=excel-it", b.moderatorKey);
      assertEquals(200, excel.status());
      String firstLine = excel.text().lines().findFirst().orElseThrow();
      assertTrue(firstLine.startsWith("\uFEFFAction ID;"), firstLine);
      assertTrue(
          excel.text().lines().skip(1).noneMatch(l -> l.matches(".*\\d{4}-\\d\\d-\\d\\dT.*")),
          "times as Excel reads them, not ISO-8601 with a T");
      assertEquals(
          400,
          Http.get("/api/boards/" + b.id + "/actions.csv?dialect=excel", b.moderatorKey).status(),
          "an unknown dialect is refused, as on every CSV");
    }
  }

  @Test
  @DisplayName("the XLSX has an Actions sheet and the JSON an actions array, at every scope")
  void xlsxAndJson() throws IOException {
    try (Plans p = new Plans()) {
      PlanBoard b = p.board;
      Http.Answer xlsx =
          Http.get("/api/workshops/" + b.workshop.id() + "/export.xlsx", b.organiserKey());
      assertEquals(200, xlsx.status());
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
        XSSFSheet sheet = book.getSheet("Actions");
        assertNotNull(sheet, "an Actions sheet");
        assertEquals(3, sheet.getLastRowNum());
        Row first = sheet.getRow(1);
        assertEquals(p.housing, first.getCell(0).getStringCellValue());
        assertEquals("Alpha", first.getCell(6).getStringCellValue());
        assertEquals(1.0, first.getCell(10).getNumericCellValue());
        assertEquals("=Region HYPERLINK", first.getCell(12).getStringCellValue());
      }
      Http.Answer boardXlsx =
          Http.get("/api/boards/" + p.boardB + "/export.xlsx", b.organiserKey());
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(boardXlsx.body()))) {
        XSSFSheet sheet = book.getSheet("Actions");
        assertEquals(1, sheet.getLastRowNum(), "a board's download holds that board's actions");
        assertEquals("Beta's own action", sheet.getRow(1).getCell(7).getStringCellValue());
      }
      JsonObject json =
          new JsonObject(Http.get("/api/boards/" + b.id + "/export.json", b.moderatorKey).text());
      JsonArray actions = json.getJsonArray("actions");
      assertEquals(2, actions.size());
      JsonObject housing = actions.getJsonObject(0);
      assertEquals(p.housing, housing.getString("id"));
      assertEquals("Alpha", housing.getString("group"));
      assertEquals(b.housingNote, housing.getString("proposalId"));
      assertEquals(1, housing.getJsonObject("voteResult").getInteger("rank"));
      assertEquals(3, housing.getJsonObject("voteResult").getInteger("dots"));
      assertEquals("agreed", housing.getString("status"));
      assertEquals("2026-06-30", housing.getString("due"));
      assertNull(actions.getJsonObject(1).getValue("voteResult"));
      assertEquals(
          3,
          new JsonObject(
                  Http.get("/api/workshops/" + b.workshop.id() + "/export.json", b.organiserKey())
                      .text())
              .getJsonArray("actions")
              .size());
    }
  }

  @Test
  @DisplayName(
      "every action change is in the history with its time and role, never a name; the report has"
          + " an action-plan section")
  void historyAndReport() throws IOException {
    try (Plans p = new Plans()) {
      PlanBoard b = p.board;
      ack(
          b.moderator,
          "action.update",
          new JsonObject().put("actionId", p.free).put("status", "done"));
      ack(b.moderator, "action.delete", new JsonObject().put("actionId", p.free));
      List<CSVRecord> history =
          Http.csv(
              Http.get("/api/boards/" + b.id + "/history.csv?header=keys", b.moderatorKey).body());
      List<String> events = column(history, "event");
      List<String> roles = column(history, "actor_role");
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).startsWith("action.")) {
          seen.add(events.get(i) + "/" + roles.get(i));
          assertTrue(!column(history, "at").get(i).isEmpty());
          assertEquals("", column(history, "actor").get(i), "no name or pseudonym");
        }
      }
      assertEquals(
          List.of(
              "action.created/moderator",
              "action.created/moderator",
              "action.updated/moderator",
              "action.deleted/moderator"),
          seen);
      assertTrue(!history.toString().contains("Maria Rossi"));

      Http.Answer page = Http.get("/w/" + b.workshop.id() + "/report", b.organiserKey());
      assertEquals(200, page.status());
      String html = page.text();
      assertTrue(html.contains("id=\"action-plan\""), "an action-plan section");
      assertTrue(html.contains("A housing fund for every young person leaving care at 18"));
      assertTrue(html.contains("Meet the housing office"));
      assertTrue(html.contains("Beta&#x27;s own action") || html.contains("Beta's own action"));
    }
  }
}
