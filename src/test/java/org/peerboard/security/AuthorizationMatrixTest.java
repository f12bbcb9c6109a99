package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/** Every HTTP route and every op, for every role and for keys that do not belong. */
@DisplayName("Authorisation matrix")
class AuthorizationMatrixTest {
  private static final Set<String> RUNNERS = Set.of("moderator", "organiser");
  private final Api api = TestApp.api();
  private final int port = TestApp.shared().port();

  /** A board with notes, clusters and a spare participant, and every kind of key around it. */
  private final class Fixture {
    final Api.Workshop workshop = api.workshop("Matrix", "A", "B");
    final Api.Workshop otherWorkshop = api.workshop("Other", "A");
    final String id = workshop.board(0).getString("id");
    final Api.Participant owner = api.join(workshop.board(0).getString("joinCode"), "Owner");
    final Api.Participant actor = api.join(workshop.board(0).getString("joinCode"), "Actor");
    final Api.Participant spare = api.join(workshop.board(0).getString("joinCode"), "Spare");
    final Map<String, String> keys = new LinkedHashMap<>();
    String n1;
    String n2;
    String n3;
    String c1;
    String c2;

    Fixture() {
      keys.put("participant", actor.token());
      keys.put("viewer", workshop.board(0).getString("projectorKey"));
      keys.put("moderator", workshop.board(0).getString("moderatorKey"));
      keys.put("organiser", workshop.organiserKey());
      keys.put("other board's moderator", workshop.board(1).getString("moderatorKey"));
      keys.put("other workshop's organiser", otherWorkshop.organiserKey());
      keys.put("no key", null);
      try (WsClient o = WsClient.hello(port, id, owner.token(), null);
          WsClient m = WsClient.hello(port, id, keys.get("moderator"), null)) {
        n1 = noteId(o);
        n2 = noteId(o);
        n3 = noteId(o);
        c1 =
            m.answer(
                    m.op(
                        "cluster.create",
                        new JsonObject()
                            .put("lane", "custody:issues")
                            .put("name", "One")
                            .put("noteIds", new JsonArray().add(n2))))
                .getJsonObject("result")
                .getString("clusterId");
        c2 =
            m.answer(
                    m.op(
                        "cluster.create",
                        new JsonObject().put("lane", "custody:issues").put("name", "Two")))
                .getJsonObject("result")
                .getString("clusterId");
      }
    }

    private String noteId(WsClient ws) {
      return ws.answer(
              ws.op("note.add", new JsonObject().put("lane", "custody:issues").put("text", "note")))
          .getJsonObject("result")
          .getString("noteId");
    }

    /** The ops in an order in which each is valid for a role that may run the board. */
    Map<String, JsonObject> ops() {
      Map<String, JsonObject> ops = new LinkedHashMap<>();
      ops.put("note.add", new JsonObject().put("lane", "custody:issues").put("text", "new"));
      ops.put("note.edit", new JsonObject().put("noteId", n1).put("text", "edited"));
      ops.put("note.hide", new JsonObject().put("noteId", n1).put("hidden", true));
      ops.put("note.duplicate", new JsonObject().put("noteId", n3).put("of", n2));
      ops.put(
          "cluster.create", new JsonObject().put("lane", "custody:issues").put("name", "Three"));
      ops.put("cluster.rename", new JsonObject().put("clusterId", c1).put("name", "Renamed"));
      ops.put(
          "cluster.add",
          new JsonObject().put("clusterId", c1).put("noteIds", new JsonArray().add(n3)));
      ops.put("cluster.remove", new JsonObject().put("noteIds", new JsonArray().add(n3)));
      ops.put("cluster.merge", new JsonObject().put("clusterId", c2).put("intoClusterId", c1));
      ops.put("undo", new JsonObject());
      ops.put("cluster.dissolve", new JsonObject().put("clusterId", c1));
      ops.put("note.move", new JsonObject().put("noteId", n1).put("lane", "improvements"));
      ops.put("board.focus", new JsonObject().put("phase", "custody"));
      ops.put("board.timer", new JsonObject().put("action", "start").put("seconds", 60));
      ops.put("board.settings", new JsonObject().put("lateNotes", true));
      ops.put("board.reveal", new JsonObject());
      ops.put("participant.remove", new JsonObject().put("participantId", spare.participantId()));
      ops.put("note.delete", new JsonObject().put("noteId", n1));
      ops.put("board.stage", new JsonObject().put("stage", "clustering"));
      return ops;
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"participant", "viewer", "moderator", "organiser"})
  @DisplayName(
      "ops on the socket: participants add notes, the projector only reads, moderators and organisers run")
  void opsByRole(String role) {
    Fixture f = new Fixture();
    long before = api.get("/api/boards/" + f.id, f.keys.get("moderator")).json().getLong("seq");
    List<String> wrong = new ArrayList<>();
    int acked = 0;
    try (WsClient ws = WsClient.hello(port, f.id, f.keys.get(role), null)) {
      for (Map.Entry<String, JsonObject> op : f.ops().entrySet()) {
        boolean allowed =
            RUNNERS.contains(role)
                || (role.equals("participant") && op.getKey().equals("note.add"));
        JsonObject answer = ws.answer(ws.op(op.getKey(), op.getValue()));
        String outcome = "ack".equals(answer.getString("type")) ? "ack" : answer.getString("code");
        acked += outcome.equals("ack") ? 1 : 0;
        if (!outcome.equals(allowed ? "ack" : "forbidden")) {
          wrong.add(op.getKey() + " -> " + answer.encode());
        }
      }
    }
    assertEquals(List.of(), wrong, role);
    assertEquals(
        before + acked,
        api.get("/api/boards/" + f.id, f.keys.get("moderator")).json().getLong("seq"),
        "refused ops changed nothing");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"other board's moderator", "other workshop's organiser", "no key"})
  @DisplayName("keys that do not belong to the board cannot even say hello")
  void foreignKeys(String who) {
    Fixture f = new Fixture();
    try (WsClient ws = WsClient.connect(port)) {
      ws.sendText(
          new JsonObject()
              .put("type", "hello")
              .put("boardId", f.id)
              .put("token", f.keys.get(who))
              .encode());
      assertEquals(
          who.equals("no key") ? "invalid" : "unauthorized",
          ws.nextOfType("error").getString("code"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "participant",
        "viewer",
        "moderator",
        "organiser",
        "other board's moderator",
        "other workshop's organiser",
        "no key"
      })
  @DisplayName("every HTTP route answers each kind of key as the roles table says")
  void httpByRole(String role) {
    Fixture f = new Fixture();
    String key = f.keys.get(role);
    Map<String, Integer> expected = new LinkedHashMap<>();
    boolean onBoard = Set.of("participant", "viewer", "moderator", "organiser").contains(role);
    // a key of any board of this workshop is known to the workshop's routes, but has not the
    // organiser's right
    boolean boardKey = Set.of("viewer", "moderator", "other board's moderator").contains(role);
    expected.put("GET /api/boards/{id}", onBoard ? 200 : 401);
    expected.put(
        "POST /api/workshops/{id}/boards", role.equals("organiser") ? 201 : boardKey ? 403 : 401);
    expected.put(
        "POST /api/boards/{id}/rotate", role.equals("organiser") ? 200 : onBoard ? 403 : 401);
    expected.put("GET /m/{id}", RUNNERS.contains(role) ? 200 : onBoard ? 403 : 401);
    expected.put("GET /p/{id}", onBoard && !role.equals("participant") ? 200 : onBoard ? 403 : 401);
    expected.put("GET /w/{id}", role.equals("organiser") ? 200 : boardKey ? 403 : 401);
    expected.put("GET /w/{id}/plenary", role.equals("organiser") ? 200 : boardKey ? 403 : 401);
    Map<String, Integer> actual = new LinkedHashMap<>();
    actual.put("GET /api/boards/{id}", api.get("/api/boards/" + f.id, key).status());
    actual.put(
        "POST /api/workshops/{id}/boards",
        api.post("/api/workshops/" + f.workshop.id() + "/boards", "{\"name\":\"C\"}", key)
            .status());
    actual.put(
        "POST /api/boards/{id}/rotate",
        api.post("/api/boards/" + f.id + "/rotate", "{\"joinCode\":true}", key).status());
    actual.put("GET /m/{id}", page("/m/" + f.id, key));
    actual.put("GET /p/{id}", page("/p/" + f.id, key));
    actual.put("GET /w/{id}", page("/w/" + f.workshop.id(), key));
    actual.put("GET /w/{id}/plenary", page("/w/" + f.workshop.id() + "/plenary", key));
    assertEquals(expected, actual, role);
  }

  /**
   * A page opened the way a browser does after the {@code ?k=} redirect: the key in the page's
   * cookie.
   */
  private int page(String path, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.base() + path))
            .GET()
            .header("Accept", "application/json");
    if (key != null) {
      request.header("Cookie", "pb_key=" + key);
    }
    try {
      return HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
