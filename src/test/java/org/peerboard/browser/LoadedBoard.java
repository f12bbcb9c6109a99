package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A board with a real session's load, in Italian or English: notes of 40-110 characters in every
 * cell of two phases and in the improvements lane, a cluster of improvements, and the moderator's
 * socket to run it.
 */
final class LoadedBoard implements AutoCloseable {
  static final List<String> TEXTS_IT =
      List.of(
          "La segnalazione arriva tardi dalla scuola, quando la situazione è già grave",
          "Manca un referente unico che segua il bambino dall'inizio alla fine",
          "Le famiglie affidatarie non vengono coinvolte nelle decisioni sul progetto",
          "Tempi lunghi del tribunale per i minorenni",
          "Il servizio sociale cambia operatore troppo spesso e il ragazzo deve ricominciare a raccontare tutto",
          "Buona collaborazione con la neuropsichiatria infantile del territorio",
          "La comunità residenziale accoglie ragazzi con bisogni molto diversi tra loro",
          "Non c'è uno spazio dove il ragazzo possa dire la sua prima delle udienze",
          "Gruppi di auto mutuo aiuto per famiglie affidatarie, una volta al mese",
          "Il passaggio a 18 anni avviene senza un progetto di autonomia condiviso con chi lo vive");
  static final List<String> TEXTS_EN =
      List.of(
          "The referral comes late from the school, when things are already serious",
          "No single contact person follows the child from start to finish",
          "Foster families are not involved in decisions about the care plan",
          "Long waits at the juvenile court",
          "Social workers change too often and the young person has to tell everything again",
          "Good cooperation with the local child mental health service",
          "The residential facility takes in young people with very different needs",
          "There is no place where the young person can have a say before the hearings",
          "Monthly self-help groups for foster families",
          "Turning 18 happens without an independence plan shared with the young person");

  final Api api = TestApp.api();
  final JsonObject workshop;
  final JsonObject board;
  final String id;
  final String code;
  final WsClient moderator;
  final List<String> texts;

  LoadedBoard(String language, String title, String group) {
    Api.Response made =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", title)
                .put("place", "Prato")
                .put("date", "2022-07-18")
                .put("language", language)
                .put("groups", new JsonArray().add(group)));
    assertEquals(201, made.status(), made.body());
    workshop = made.json();
    board = workshop.getJsonArray("boards").getJsonObject(0);
    id = board.getString("id");
    code = board.getString("joinCode");
    texts = "it".equals(language) ? TEXTS_IT : TEXTS_EN;
    moderator = WsClient.hello(TestApp.shared().port(), id, board.getString("moderatorKey"), null);
  }

  /**
   * {@code perCell} notes in every cell of these phases, tagged in turn, and {@code improvements}
   * proposals.
   */
  LoadedBoard fill(List<String> phases, int perCell, int improvements) {
    int n = 0;
    for (String phase : phases) {
      for (String dimension : List.of("actors", "issues", "resources", "participation")) {
        for (int i = 0; i < perCell; i++) {
          JsonArray tags = new JsonArray();
          if (n % 3 == 0) {
            tags.add("foster");
          } else if (n % 3 == 1) {
            tags.add("facility");
          }
          note(phase + ":" + dimension, texts.get(n++ % texts.size()), tags);
        }
      }
    }
    for (int i = 0; i < improvements; i++) {
      note("improvements", texts.get((n++ + 3) % texts.size()), new JsonArray());
    }
    return this;
  }

  String note(String lane, String text, JsonArray tags) {
    return ack("note.add", new JsonObject().put("lane", lane).put("tags", tags).put("text", text))
        .getString("noteId");
  }

  JsonObject ack(String op, JsonObject data) {
    JsonObject answer = moderator.answer(moderator.op(op, data));
    assertEquals(
        "ack", answer.getString("type"), op + " " + data.encode() + " -> " + answer.encode());
    return answer.getJsonObject("result");
  }

  String cluster(String lane, String name, String... noteIds) {
    return ack(
            "cluster.create",
            new JsonObject()
                .put("lane", lane)
                .put("name", name)
                .put("noteIds", new JsonArray(List.of((Object[]) noteIds))))
        .getString("clusterId");
  }

  void focus(String phase) {
    ack("board.focus", new JsonObject().put("phase", phase));
  }

  void stage(String stage) {
    ack("board.stage", new JsonObject().put("stage", stage));
  }

  void timer(int seconds) {
    ack("board.timer", new JsonObject().put("action", "start").put("seconds", seconds));
  }

  /** Casts as a participant joined through the API. */
  void cast(Api.Participant who, JsonObject data) {
    try (WsClient ws = WsClient.hello(TestApp.shared().port(), id, who.token(), null)) {
      JsonObject answer = ws.answer(ws.op("vote.cast", data));
      assertEquals("ack", answer.getString("type"), data.encode() + " -> " + answer.encode());
    }
  }

  String joinUrl() {
    return api.base() + "/j/" + code;
  }

  @Override
  public void close() {
    moderator.close();
  }
}
