package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;

@DisplayName("Who may download")
class ExportAccessTest {
  private static Fixture mine;
  private static Fixture other;
  private static Api.Participant participant;

  @BeforeAll
  static void workshops() {
    mine = new Fixture("Mine", "Prato", "A", "B");
    other = new Fixture("Other", "Firenze", "C");
    participant = mine.api.join(mine.workshop.board(0).getString("joinCode"), "Carla");
  }

  private static List<String> boardPaths(String boardId) {
    List<String> paths = new ArrayList<>();
    for (String format : List.of("csv", "xlsx", "json", "qdpx")) {
      paths.add("/api/boards/" + boardId + "/export." + format);
    }
    paths.add("/api/boards/" + boardId + "/history.csv");
    paths.add("/api/boards/" + boardId + "/matrix.csv");
    return paths;
  }

  private static List<String> workshopPaths(String workshopId) {
    List<String> paths = new ArrayList<>();
    for (String format : List.of("csv", "xlsx", "json", "qdpx")) {
      paths.add("/api/workshops/" + workshopId + "/export." + format);
    }
    paths.add("/api/workshops/" + workshopId + "/history.csv");
    paths.add("/api/workshops/" + workshopId + "/matrix.csv");
    return paths;
  }

  private static Map<String, Integer> statuses(List<String> paths, String key) {
    Map<String, Integer> statuses = new LinkedHashMap<>();
    paths.forEach(path -> statuses.put(path, Fixture.get(path, key).status()));
    return statuses;
  }

  private static Map<String, Integer> all(List<String> paths, int status) {
    Map<String, Integer> expected = new LinkedHashMap<>();
    paths.forEach(path -> expected.put(path, status));
    return expected;
  }

  @Test
  @DisplayName(
      "participant and viewer get 403 on every board download; other workshops' keys the same 401 as unknown keys")
  void boardDownloads() {
    List<String> paths = boardPaths(mine.workshop.board(0).getString("id"));
    assertEquals(all(paths, 403), statuses(paths, participant.token()), "participant");
    assertEquals(
        all(paths, 403),
        statuses(paths, mine.workshop.board(0).getString("projectorKey")),
        "viewer");
    assertEquals(
        all(paths, 403),
        statuses(paths, mine.workshop.board(1).getString("moderatorKey")),
        "the moderator of another group");
    assertEquals(
        all(paths, 401),
        statuses(paths, other.organiserKey()),
        "another workshop's organiser: the answer does not tell that the key exists elsewhere");
    assertEquals(
        all(paths, 401),
        statuses(paths, other.workshop.board(0).getString("moderatorKey")),
        "another workshop's moderator");
    assertEquals(all(paths, 401), statuses(paths, null), "no key");
    assertEquals(all(paths, 401), statuses(paths, "x".repeat(43)), "a key nobody issued");
    assertEquals(
        all(paths, 200),
        statuses(paths, mine.workshop.board(0).getString("moderatorKey")),
        "moderator");
    assertEquals(all(paths, 200), statuses(paths, mine.organiserKey()), "organiser");
  }

  @Test
  @DisplayName(
      "only the organiser downloads a whole workshop; moderators, viewers, participants get 403")
  void workshopDownloads() {
    List<String> paths = workshopPaths(mine.id());
    assertEquals(all(paths, 403), statuses(paths, participant.token()), "participant");
    assertEquals(
        all(paths, 403),
        statuses(paths, mine.workshop.board(0).getString("projectorKey")),
        "viewer");
    assertEquals(
        all(paths, 403),
        statuses(paths, mine.workshop.board(0).getString("moderatorKey")),
        "moderator");
    assertEquals(
        all(paths, 401), statuses(paths, other.organiserKey()), "another workshop's organiser");
    assertEquals(all(paths, 401), statuses(paths, null), "no key");
    assertEquals(all(paths, 200), statuses(paths, mine.organiserKey()), "organiser");
    assertEquals(
        200,
        Fixture.get(paths.get(0) + "?k=" + mine.organiserKey(), null).status(),
        "?k= for links");
  }

  @Test
  @DisplayName("unknown ids are 404; refusals are JSON errors in the contract's shape")
  void errors() {
    Fixture.Download missing =
        Fixture.get(
            "/api/workshops/00000000-0000-0000-0000-000000000000/export.csv", mine.organiserKey());
    assertEquals(404, missing.status());
    Fixture.Download refused = Fixture.get(workshopPaths(mine.id()).get(0), participant.token());
    assertEquals(
        "forbidden", new JsonObject(refused.text()).getJsonObject("error").getString("code"));
    assertEquals(
        404, Fixture.get("/api/workshops/not-a-uuid/export.csv", mine.organiserKey()).status());
  }
}
