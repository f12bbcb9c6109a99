package org.peerboard.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("GET /api/boards/{id}/suggestions")
class SuggestionsApiTest {
  private static final String LANE = "improvements";
  private final Api api = TestApp.api();

  private record Board(
      String id,
      String moderatorKey,
      String projectorKey,
      String joinCode,
      String organiserKey,
      WsClient moderator)
      implements AutoCloseable {
    String note(String lane, String text) {
      return ok("note.add", new JsonObject().put("lane", lane).put("text", text))
          .getJsonObject("result")
          .getString("noteId");
    }

    JsonObject ok(String op, JsonObject data) {
      JsonObject answer = moderator.answer(moderator.op(op, data));
      assertEquals("ack", answer.getString("type"), () -> op + " refused: " + answer.encode());
      return answer;
    }

    @Override
    public void close() {
      moderator.close();
    }
  }

  private Board board(String language) {
    JsonObject created =
        api.post(
                "/api/workshops",
                new JsonObject()
                    .put("title", "Suggest")
                    .put("language", language)
                    .put("groups", new JsonArray().add("A").add("B")))
            .json();
    JsonObject b = created.getJsonArray("boards").getJsonObject(0);
    WsClient ws =
        WsClient.hello(
            TestApp.shared().port(), b.getString("id"), b.getString("moderatorKey"), null);
    ws.welcome();
    return new Board(
        b.getString("id"),
        b.getString("moderatorKey"),
        b.getString("projectorKey"),
        b.getString("joinCode"),
        created.getString("organiserKey"),
        ws);
  }

  private Api.Response suggestions(Board board, String query, String key) {
    return api.get("/api/boards/" + board.id() + "/suggestions" + query, key);
  }

  private static Set<String> mentioned(JsonObject answer) {
    Set<String> ids = new HashSet<>();
    answer
        .getJsonArray("groups")
        .forEach(g -> ((JsonObject) g).getJsonArray("noteIds").forEach(id -> ids.add((String) id)));
    answer
        .getJsonArray("duplicates")
        .forEach(
            d -> {
              ids.add(((JsonObject) d).getString("noteId"));
              ids.add(((JsonObject) d).getString("of"));
            });
    return ids;
  }

  @Test
  @DisplayName(
      "only the moderator and the organiser may ask: participant and projector 403, no or unknown key 401, "
          + "an unknown lane 400")
  void onlyRunners() {
    try (Board board = board("it")) {
      String token = api.join(board.joinCode(), "Ada").token();
      assertEquals(200, suggestions(board, "", board.moderatorKey()).status());
      assertEquals(200, suggestions(board, "?lane=" + LANE, board.organiserKey()).status());
      Api.Response participant = suggestions(board, "", token);
      assertEquals(403, participant.status());
      assertEquals("forbidden", participant.errorCode());
      assertEquals(403, suggestions(board, "", board.projectorKey()).status());
      assertEquals(401, suggestions(board, "", null).status());
      assertEquals(401, suggestions(board, "", "x".repeat(43)).status());
      Api.Response lane = suggestions(board, "?lane=nowhere", board.moderatorKey());
      assertEquals(400, lane.status());
      assertEquals("invalid", lane.errorCode());
      assertEquals(
          404, api.get("/api/boards/not-a-board/suggestions", board.moderatorKey()).status());
    }
  }

  @Test
  @DisplayName(
      "groups and duplicates come from the board's notes; hidden, deleted and other boards' notes never "
          + "appear, and the same board gives the same answer")
  void visibleNotesOnly() {
    try (Board board = board("it");
        Board other = board("it")) {
      List<String> housing = new ArrayList<>();
      housing.add(
          board.note(
              LANE, "Appartamenti di semiautonomia per i ragazzi che escono dalla comunità"));
      housing.add(
          board.note(LANE, "Un alloggio temporaneo per i neomaggiorenni in uscita dal percorso"));
      housing.add(
          board.note(LANE, "Accesso prioritario alle case popolari per chi esce dalla comunità"));
      String copy =
          board.note(
              LANE, "APPARTAMENTI DI SEMIAUTONOMIA PER I RAGAZZI CHE ESCONO DALLA COMUNITÀ!");
      List<String> tutors = new ArrayList<>();
      tutors.add(
          board.note(LANE, "Un tutor per ogni ragazzo che esce dal percorso, fino ai 21 anni"));
      tutors.add(
          board.note(LANE, "Affiancare a ogni neomaggiorenne un mentore volontario formato"));
      tutors.add(board.note(LANE, "Il tutor deve aiutare con documenti, ISEE e residenza"));
      String hidden =
          board.note(LANE, "Un tutor volontario per ogni ragazzo che lascia la comunità");
      board.ok("note.hide", new JsonObject().put("noteId", hidden));
      String deleted =
          board.note(LANE, "Un alloggio in appartamento per i ragazzi che escono dalla comunità");
      board.ok("note.delete", new JsonObject().put("noteId", deleted));
      String foreign =
          other.note(LANE, "Appartamenti di semiautonomia per i ragazzi che escono dalla comunità");

      Api.Response response = suggestions(board, "?lane=" + LANE, board.moderatorKey());
      assertEquals(200, response.status(), response::body);
      JsonObject answer = response.json();
      Set<String> ids = mentioned(answer);
      assertFalse(ids.contains(hidden), "hidden note suggested");
      assertFalse(ids.contains(deleted), "deleted note suggested");
      assertFalse(ids.contains(foreign), "another board's note suggested");
      JsonArray duplicates = answer.getJsonArray("duplicates");
      assertEquals(1, duplicates.size(), duplicates::encode);
      assertEquals(copy, duplicates.getJsonObject(0).getString("noteId"));
      assertEquals(housing.get(0), duplicates.getJsonObject(0).getString("of"));
      assertTrue(
          answer.getJsonArray("groups").stream()
              .map(g -> (JsonObject) g)
              .anyMatch(g -> g.getJsonArray("noteIds").getList().containsAll(tutors.subList(0, 2))),
          answer::encode);
      for (Object g : answer.getJsonArray("groups")) {
        JsonObject group = (JsonObject) g;
        assertTrue(group.getJsonArray("noteIds").size() >= 2);
        assertTrue(group.getString("name").length() <= 40 && !group.getString("name").isBlank());
        assertEquals(LANE, group.getString("lane"));
      }
      assertEquals(
          answer, suggestions(board, "", board.moderatorKey()).json(), "same notes, same answer");
      assertTrue(
          mentioned(suggestions(other, "", other.moderatorKey()).json()).isEmpty(),
          "one note alone is no suggestion");
    }
  }

  @Test
  @DisplayName(
      "notes in a cluster are left out of new groups but may be suggested to join that cluster")
  void clusterAnchored() {
    try (Board board = board("en")) {
      String a = board.note(LANE, "A personal adviser for every care leaver, at least until 21");
      String b = board.note(LANE, "Pair each care leaver with a trained volunteer mentor");
      String c =
          board.note(LANE, "Keep the same personal adviser even when the social worker changes");
      String d = board.note(LANE, "A mentoring scheme with volunteers from the local community");
      String e = board.note(LANE, "A fund to pay the rental deposit and the first months of rent");
      String f =
          board.note(LANE, "Help with rent for the first two years after leaving the care home");
      board.note(LANE, "Regular supervision for residential care workers");
      board.note(LANE, "A standing coordination table between social services, health and school");
      board.note(LANE, "Peer support groups for young people who have lived in residential care");
      board.note(LANE, "Explain court decisions to young people in plain words");
      String clusterId =
          board
              .ok(
                  "cluster.create",
                  new JsonObject()
                      .put("lane", LANE)
                      .put("name", "Mentors")
                      .put("noteIds", new JsonArray().add(a).add(b)))
              .getJsonObject("result")
              .getString("clusterId");

      JsonObject answer = suggestions(board, "", board.moderatorKey()).json();
      JsonObject joining =
          answer.getJsonArray("groups").stream()
              .map(g -> (JsonObject) g)
              .filter(g -> clusterId.equals(g.getString("clusterId")))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError("no suggestion to join the cluster: " + answer.encode()));
      assertEquals("Mentors", joining.getString("name"));
      assertTrue(
          joining.getJsonArray("noteIds").getList().containsAll(List.of(c, d)), answer::encode);
      for (Object g : answer.getJsonArray("groups")) {
        JsonArray noteIds = ((JsonObject) g).getJsonArray("noteIds");
        assertFalse(
            noteIds.contains(a) || noteIds.contains(b), "a clustered note was put in a group");
      }
      assertTrue(
          answer.getJsonArray("groups").stream()
              .map(g -> (JsonObject) g)
              .anyMatch(
                  g ->
                      g.getString("clusterId") == null
                          && g.getJsonArray("noteIds").getList().equals(List.of(e, f))),
          answer::encode);
    }
  }
}
