package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("Report, comparison and studies")
class ReportAndStudyTest {
  private static Fixture prato;
  private static Fixture firenze;

  @BeforeAll
  static void workshops() {
    prato = new Fixture("Sessione di Prato", "Prato", "Gruppo A", "Gruppo B").fill();
    firenze = new Fixture("Sessione di Firenze", "Firenze", "Gruppo C").fill();
    JsonObject board = prato.workshop.board(0);
    try (WsClient moderator =
        WsClient.hello(prato.port, board.getString("id"), board.getString("moderatorKey"), null)) {
      moderator.answer(
          moderator.op(
              "note.add",
              new JsonObject()
                  .put("lane", "path:resources")
                  .put("text", "<b>bold</b> & <script>alert(1)</script>")));
    }
  }

  private static JsonObject study(Fixture... members) {
    JsonArray list = new JsonArray();
    for (Fixture f : members) {
      list.add(new JsonObject().put("id", f.id()).put("organiserKey", f.organiserKey()));
    }
    Api.Response created =
        prato.api.post(
            "/api/studies", new JsonObject().put("name", "Toscana").put("workshops", list));
    assertEquals(201, created.status(), created.body());
    return created.json();
  }

  @Test
  @DisplayName(
      "the printable report shows clusters with their notes per phase and dimension, text escaped")
  void report() {
    Fixture.Download redirect =
        Fixture.get("/w/" + prato.id() + "/report?k=" + prato.organiserKey(), null);
    assertEquals(303, redirect.status(), "a ?k= link sets a cookie and goes to the clean address");
    Fixture.Download page = Fixture.get("/w/" + prato.id() + "/report", prato.organiserKey());
    assertEquals(200, page.status());
    String html = page.text();
    assertTrue(html.contains("<html lang=\"it\""), "in the workshop's language");
    assertTrue(html.contains("Presa in carico") && html.contains("Criticità"));
    assertTrue(
        html.contains("Attese lunghe — Gruppo A") && html.contains("Attese lunghe — Gruppo B"));
    assertTrue(html.contains("Fuori dai temi"), "a cluster is a tema in Italian");
    assertTrue(
        html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;"), "people's text is escaped");
    assertFalse(html.contains("<script>alert(1)"));
    assertTrue(
        html.contains("class=\"cell marked\""), "a cell leaning to one setting is highlighted");
    assertTrue(
        html.contains("Nessun risultato di votazione"),
        "no round revealed yet: the vote section says so");
    String english =
        Fixture.get("/w/" + prato.id() + "/report?lang=en", prato.organiserKey()).text();
    assertTrue(english.contains("Taking into care") && english.contains("Participation"));
    String board =
        Fixture.get(
                "/m/" + prato.workshop.board(1).getString("id") + "/report",
                prato.workshop.board(1).getString("moderatorKey"))
            .text();
    assertTrue(
        board.contains("Attese lunghe — Gruppo B") && !board.contains("Attese lunghe — Gruppo A"),
        "a board's report holds that board only");
    assertEquals(
        403,
        Fixture.get(
                "/w/" + prato.id() + "/report", prato.workshop.board(0).getString("moderatorKey"))
            .status());
    HttpResponse<String> refusedPage =
        pageAsBrowser(
            "/w/" + prato.id() + "/report", prato.workshop.board(0).getString("moderatorKey"));
    assertEquals(403, refusedPage.statusCode());
    assertTrue(
        refusedPage.body().startsWith("<!doctype html") && refusedPage.body().contains("<html"),
        "a browser gets the pages' HTML error page, not JSON: " + refusedPage.body());
  }

  @Test
  @DisplayName(
      "the comparison page shows a heat map per group and the clusters of every group per cell")
  void compare() {
    Fixture.Download page = Fixture.get("/w/" + prato.id() + "/compare", prato.organiserKey());
    assertEquals(200, page.status());
    String html = page.text();
    assertTrue(html.contains("Gruppo A") && html.contains("Gruppo B"));
    assertTrue(html.contains("heat-5"), "the fullest cell gets the darkest shade");
    assertTrue(html.contains("Attese lunghe — Gruppo A (3)"));
    assertTrue(
        html.contains("/api/workshops/" + prato.id() + "/matrix.csv?k"),
        "the matrix is downloadable");
  }

  @Test
  @DisplayName(
      "a study needs every workshop's organiser key, then compares and exports territory against territory")
  void study() throws Exception {
    Api.Response refused =
        prato.api.post(
            "/api/studies",
            new JsonObject()
                .put("name", "Toscana")
                .put(
                    "workshops",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("id", prato.id())
                                .put("organiserKey", prato.organiserKey()))
                        .add(
                            new JsonObject()
                                .put("id", firenze.id())
                                .put("organiserKey", prato.organiserKey()))));
    assertEquals(401, refused.status(), "one organiser key does not open another workshop");
    assertEquals(400, prato.api.post("/api/studies", new JsonObject().put("name", "")).status());

    JsonObject study = study(prato, firenze);
    String id = study.getString("id");
    String key = study.getString("studyKey");
    assertEquals(
        403,
        Fixture.get("/api/studies/" + id + "/export.csv", prato.organiserKey()).status(),
        "the study has its own key");
    List<CSVRecord> rows =
        ExportFormatsTest.csv(
            Fixture.get("/api/studies/" + id + "/export.csv?header=keys", key).body());
    assertEquals(prato.posted.size() + 1 + firenze.posted.size(), rows.size());
    Set<String> places = rows.stream().map(r -> r.get("place")).collect(Collectors.toSet());
    assertEquals(Set.of("Prato", "Firenze"), places);
    JsonObject json =
        new JsonObject(Fixture.get("/api/studies/" + id + "/export.json", key).text());
    assertEquals("Toscana", json.getString("study"));
    assertEquals(2, json.getJsonArray("workshops").size());
    try (XSSFWorkbook book =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                Fixture.get("/api/studies/" + id + "/export.xlsx", key).body()))) {
      assertEquals(
          prato.posted.size() + 1 + firenze.posted.size(), book.getSheetAt(0).getLastRowNum());
    }
    List<CSVRecord> matrix =
        ExportFormatsTest.csv(
            Fixture.get("/api/studies/" + id + "/matrix.csv?header=keys", key).body());
    assertEquals(3 * 21, matrix.size(), "every lane of every group of both territories");
    assertEquals(200, Fixture.get("/api/studies/" + id + "/export.qdpx", key).status());

    String page = Fixture.get("/s/" + id, key).text();
    assertTrue(page.contains("Toscana") && page.contains("Prato") && page.contains("Firenze"));
    assertTrue(page.contains("Gruppo C"));
    assertEquals(200, Fixture.get("/api/studies/" + id, key).status());
    assertEquals(204, Fixture.delete("/api/studies/" + id, key));
    assertEquals(404, Fixture.get("/api/studies/" + id + "/export.csv", key).status());
  }

  /** A GET as a browser sends it (Accept: text/html), with the key as the page's cookie. */
  private static HttpResponse<String> pageAsBrowser(String path, String key) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(TestApp.api().base() + path))
                  .header("Accept", "text/html")
                  .header("Cookie", "pb_key=" + key)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
