package org.peerboard.action;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A board at the end of a session: improvements (a cluster and single notes) voted with dots and
 * revealed, a moderator and a participant connected. The fixture of the action-plan tests.
 */
final class PlanBoard implements AutoCloseable {
  final Api api = TestApp.api();
  final int port = TestApp.shared().port();
  final Api.Workshop workshop;
  final String id;
  final String moderatorKey;
  final String projectorKey;
  final Api.Participant person;
  final WsClient moderator;
  final String clusterId;
  final String peerNote;
  final String housingNote;
  final String roundId;

  PlanBoard(String title, String... groups) {
    workshop = api.workshop(title, groups.length == 0 ? new String[] {"A"} : groups);
    id = workshop.board(0).getString("id");
    moderatorKey = workshop.board(0).getString("moderatorKey");
    projectorKey = workshop.board(0).getString("projectorKey");
    person = api.join(workshop.board(0).getString("joinCode"), "Maria Rossi");
    moderator = WsClient.hello(port, id, moderatorKey, null);
    String n1 = note(moderator, "A peer mentor for every care leaver");
    String n2 = note(moderator, "Mentoring by former care leavers");
    peerNote = n1;
    housingNote = note(moderator, "A housing fund for every young person leaving care at 18");
    note(moderator, "One contact person across services");
    clusterId =
        ack(
                moderator,
                "cluster.create",
                new JsonObject()
                    .put("lane", "improvements")
                    .put("name", "Mentoring")
                    .put("noteIds", new JsonArray().add(n1).add(n2)))
            .getJsonObject("result")
            .getString("clusterId");
    ack(moderator, "board.stage", new JsonObject().put("stage", "voting"));
    roundId =
        ack(moderator, "vote.open", new JsonObject().put("kind", "dots"))
            .getJsonObject("result")
            .getString("roundId");
    try (WsClient phone = WsClient.hello(port, id, person.token(), null)) {
      ack(
          phone,
          "vote.cast",
          new JsonObject().put("roundId", roundId).put("itemId", housingNote).put("dots", 3));
      ack(
          phone,
          "vote.cast",
          new JsonObject().put("roundId", roundId).put("itemId", clusterId).put("dots", 2));
    }
    ack(moderator, "vote.reveal", new JsonObject().put("roundId", roundId));
    ack(moderator, "board.stage", new JsonObject().put("stage", "closed"));
  }

  WsClient phone() {
    return WsClient.hello(port, id, person.token(), null);
  }

  String organiserKey() {
    return workshop.organiserKey();
  }

  /** Creates an action and returns its id. */
  String action(JsonObject data) {
    return ack(moderator, "action.create", data).getJsonObject("result").getString("actionId");
  }

  JsonArray actions(String key) {
    return api.get("/api/boards/" + id, key).json().getJsonArray("actions");
  }

  JsonObject actionNamed(String key, String actionId) {
    for (Object o : actions(key)) {
      if (((JsonObject) o).getString("id").equals(actionId)) {
        return (JsonObject) o;
      }
    }
    return null;
  }

  static String note(WsClient ws, String text) {
    return ack(ws, "note.add", new JsonObject().put("lane", "improvements").put("text", text))
        .getJsonObject("result")
        .getString("noteId");
  }

  static JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals(
        "ack", answer.getString("type"), op + " " + data.encode() + " -> " + answer.encode());
    return answer;
  }

  static String refused(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals("error", answer.getString("type"), op + " should be refused: " + answer.encode());
    return answer.getString("code");
  }

  static List<String> titles(JsonArray actions) {
    List<String> titles = new ArrayList<>();
    actions.forEach(a -> titles.add(((JsonObject) a).getString("title")));
    return titles;
  }

  @Override
  public void close() {
    moderator.close();
  }
}
