package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

/**
 * The organiser's routes of the run-sheet and the action plan ({@code /agenda}, {@code /step},
 * {@code /actions}, {@code /progress-link}, {@code actions.csv}, {@code /o/{key}}) attacked as a
 * hostile client would: wrong and odd keys, another workshop's organiser, broken and huge bodies,
 * every request three times. Each is answered a clear 4xx with the error's JSON, and nothing
 * changes.
 */
@DisplayName("The organiser's run-sheet and action-plan routes under a hostile flood")
class OrganiserRoutesFloodTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Api api = TestApp.api();

  @Test
  @DisplayName(
      "/agenda and /step: odd keys, another workshop's organiser, broken and huge bodies: 4xx, boards unchanged")
  void lockstepRoutes() throws Exception {
    Api.Workshop workshop = api.workshop("Flood lockstep", "A", "B");
    Api.Workshop other = api.workshop("Flood elsewhere", "C");
    String id = workshop.id();
    String organiser = workshop.organiserKey();
    List<Long> before = seqs(workshop);
    long otherBefore = seq(other, 0);
    String agenda =
        new JsonObject()
            .put(
                "steps",
                new JsonArray().add(new JsonObject().put("stage", "collecting").put("minutes", 5)))
            .encode();
    String step = "{\"index\":0}";

    List<String> badKeys = badKeys(workshop, other);
    for (String path : List.of("/agenda", "/step")) {
      String good = path.equals("/agenda") ? agenda : step;
      for (String key : badKeys) {
        refusedKey("POST", "/api/workshops/" + id + path, good, key);
      }
      refused(401, "POST", "/api/workshops/" + id + path, good, null);
      // this workshop's organiser on the other workshop
      refusedKey("POST", "/api/workshops/" + other.id() + path, good, organiser);
      refused(404, "POST", "/api/workshops/" + id + "%00" + path, good, organiser);
      for (String body : brokenBodies()) {
        refused(400, "POST", "/api/workshops/" + id + path, body, organiser);
      }
      // past the 64 KiB body limit: refused before the route reads anything
      refused(400, "POST", "/api/workshops/" + id + path, "x".repeat(70 * 1024), organiser);
    }
    for (String body : brokenAgendas()) {
      refused(400, "POST", "/api/workshops/" + id + "/agenda", body, organiser);
    }
    for (String body : brokenSteps()) {
      refused(400, "POST", "/api/workshops/" + id + "/step", body, organiser);
    }
    for (String key : badKeys) {
      refusedKey("GET", "/api/workshops/" + id + "/agenda", null, key);
    }

    assertEquals(before, seqs(workshop), "no board of the workshop changed");
    assertEquals(otherBefore, seq(other, 0), "the other workshop's board did not change");
    JsonObject agendas =
        new JsonObject(send("GET", "/api/workshops/" + id + "/agenda", null, organiser).body());
    for (Object board : agendas.getJsonArray("boards")) {
      assertTrue(
          ((JsonObject) board).getJsonObject("agenda").getBoolean("proposed"),
          "still the proposed agenda: " + board);
    }
  }

  @Test
  @DisplayName(
      "action plan and progress link: odd keys, another workshop's organiser, huge bodies: 4xx, the link neither made nor withdrawn")
  void actionPlanRoutes() throws Exception {
    Api.Workshop workshop = api.workshop("Flood plan", "A");
    Api.Workshop other = api.workshop("Flood plan elsewhere", "B");
    String id = workshop.id();
    String organiser = workshop.organiserKey();
    String link =
        new JsonObject(
                send("POST", "/api/workshops/" + id + "/progress-link", null, organiser).body())
            .getString("url");
    assertNotNull(link);
    assertEquals(200, send("GET", link, null, null).status());

    List<String> badKeys = badKeys(workshop, other);
    String base = "/api/workshops/" + id;
    for (String key : badKeys) {
      refusedKey("POST", base + "/progress-link", null, key);
      refusedKey("DELETE", base + "/progress-link", null, key);
      refusedKey("GET", base + "/actions", null, key);
      refusedKey("GET", base + "/actions.csv", null, key);
    }
    refused(401, "POST", base + "/progress-link", null, null);
    refused(401, "DELETE", base + "/progress-link", null, null);
    refused(404, "DELETE", "/api/workshops/not-a-uuid/progress-link", null, organiser);
    refused(400, "POST", base + "/progress-link", "x".repeat(70 * 1024), organiser);
    refused(400, "GET", base + "/actions.csv?dialect=%3Bdrop", null, organiser);
    // the other workshop's organiser on this workshop, and this one's on the other's: nothing of
    // either workshop's link moves
    refusedKey("DELETE", "/api/workshops/" + id + "/progress-link", null, other.organiserKey());

    assertEquals(
        200, send("GET", link, null, null).status(), "the link was neither replaced nor withdrawn");
    for (String key :
        List.of(
            "x",
            "a".repeat(2_000),
            "a%3Bb",
            "%00",
            "..%2F..%2Fetc",
            "%E9%8D%B5",
            "%FF",
            link.substring(link.lastIndexOf('/') + 1) + "x")) {
      for (int again = 0; again < 3; again++) {
        Answer page = send("GET", "/o/" + key, null, null);
        assertEquals(404, page.status(), "/o/" + abbreviated(key) + " -> " + page.body());
      }
    }
  }

  /** Keys that are not this workshop's organiser's. */
  private List<String> badKeys(Api.Workshop workshop, Api.Workshop other) {
    return List.of(
        workshop.board(0).getString("moderatorKey"),
        workshop.board(0).getString("projectorKey"),
        api.join(workshop.board(0).getString("joinCode"), "Ada").token(),
        other.organiserKey(),
        other.board(0).getString("moderatorKey"),
        "not-a-key",
        "k".repeat(4_000),
        "a;b",
        UUID.randomUUID().toString());
  }

  private static List<String> brokenBodies() {
    return List.of(
        "",
        "{",
        "not json",
        "null",
        "42",
        "\"steps\"",
        "[1]",
        "{\"steps\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}",
        "{\"index\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}",
        "{\"opId\":\"nope\",\"index\":0,\"steps\":[{\"stage\":\"collecting\",\"minutes\":5}]}",
        "{\"opId\":12,\"index\":0,\"steps\":[{\"stage\":\"collecting\",\"minutes\":5}]}");
  }

  private static List<String> brokenAgendas() {
    List<String> bodies = new ArrayList<>();
    bodies.add("{\"steps\":[]}");
    bodies.add("{\"steps\":{}}");
    bodies.add("{\"steps\":[1,2]}");
    bodies.add("{\"steps\":[{\"stage\":\"closed\",\"minutes\":5}]}");
    bodies.add("{\"steps\":[{\"stage\":\"collecting\",\"minutes\":\"5\"}]}");
    bodies.add("{\"steps\":[{\"stage\":\"collecting\",\"minutes\":5.5}]}");
    bodies.add("{\"steps\":[{\"stage\":\"collecting\",\"minutes\":1e300}]}");
    bodies.add("{\"steps\":[{\"stage\":\"collecting\",\"minutes\":5,\"title\":7}]}");
    bodies.add(
        "{\"steps\":[{\"stage\":\"collecting\",\"minutes\":5,\"title\":\""
            + "è".repeat(30_000)
            + "\"}]}");
    bodies.add(
        "{\"steps\":[{\"stage\":\"collecting\",\"minutes\":5,\"phase\":\""
            + "p".repeat(101)
            + "\"}]}");
    return bodies;
  }

  private static List<String> brokenSteps() {
    return List.of(
        "{}",
        "{\"index\":\"0\"}",
        "{\"index\":0.5}",
        "{\"index\":1e12}",
        "{\"index\":-1}",
        "{\"index\":null}",
        "{\"index\":true}",
        "{\"index\":99}");
  }

  private void refused(int status, String method, String path, String body, String key)
      throws Exception {
    for (int again = 0; again < 3; again++) {
      Answer answer = send(method, path, body, key);
      String what = method + " " + path + " " + abbreviated(body) + " -> " + answer.body();
      assertEquals(status, answer.status(), what);
      JsonObject error = new JsonObject(answer.body()).getJsonObject("error");
      assertNotNull(error, what);
      assertNotNull(error.getString("code"), what);
      assertFalse(answer.body().contains("Exception"), what);
    }
  }

  /** A key that is not the organiser's: 401 (unknown key) or 403 (someone else's), three times. */
  private void refusedKey(String method, String path, String body, String key) throws Exception {
    for (int again = 0; again < 3; again++) {
      Answer answer = send(method, path, body, key);
      String what = method + " " + path + " with " + abbreviated(key) + " -> " + answer.body();
      assertTrue(answer.status() == 401 || answer.status() == 403, what);
      String code = new JsonObject(answer.body()).getJsonObject("error").getString("code");
      assertEquals(answer.status() == 401 ? "unauthorized" : "forbidden", code, what);
    }
  }

  private static String abbreviated(String body) {
    return body == null ? "" : body.length() > 80 ? body.substring(0, 80) + "…" : body;
  }

  private record Answer(int status, String body) {}

  private Answer send(String method, String path, String body, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.base() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  private List<Long> seqs(Api.Workshop workshop) {
    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < workshop.boards().size(); i++) {
      seqs.add(seq(workshop, i));
    }
    return seqs;
  }

  private long seq(Api.Workshop workshop, int i) {
    JsonObject board = workshop.board(i);
    return api.get("/api/boards/" + board.getString("id"), board.getString("moderatorKey"))
        .json()
        .getLong("seq");
  }
}
