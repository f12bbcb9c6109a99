package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Boards whose improvement proposals went through a vote, cast by twelve people and revealed: the
 * closing exchange of a session, for the shared screens' tests.
 */
final class ResultsOnScreen {
  private ResultsOnScreen() {}

  /** Proposals of 40 to 110 characters, as groups write them. */
  static final List<String> PROPOSALS =
      List.of(
          "Un tutor per l'autonomia che segua ogni care leaver fino ai 21 anni",
          "Fondo per la casa a 18 anni, gestito insieme al ragazzo",
          "Gruppi di confronto tra care leaver e ragazzi ancora in comunità, guidati da pari",
          "Un unico referente tra servizi sociali, scuola e centro per l'impiego",
          "Formazione comune per educatori di comunità e famiglie affidatarie sulla partecipazione dei ragazzi",
          "Orari del servizio anche la sera, per chi lavora o studia",
          "Un quaderno del percorso che il ragazzo porta con sé da una comunità all'altra, scritto con lui",
          "Passaggio di consegne obbligatorio tra servizi minori e servizi adulti almeno sei mesi prima dei 18 anni",
          "Spazio di ascolto del bambino prima di ogni udienza, con un adulto di fiducia scelto da lui",
          "Protocollo condiviso con le scuole su quando e come segnalare",
          "Posti di pronta accoglienza vicino al quartiere d'origine, per non cambiare scuola",
          "Supervisione mensile per tutte le équipe, pagata dal consorzio e non dai singoli servizi");

  /** A board of the workshop with `count` proposals in its improvements lane; their note ids. */
  static List<String> proposals(JsonObject board, int count) {
    List<String> ids = new ArrayList<>();
    try (WsClient moderator = moderator(board)) {
      for (int i = 0; i < count; i++) {
        ids.add(
            ack(
                    moderator,
                    "note.add",
                    new JsonObject()
                        .put("lane", "improvements")
                        .put("text", PROPOSALS.get(i % PROPOSALS.size())))
                .getString("noteId"));
      }
    }
    return ids;
  }

  /**
   * Opens a round on the board's proposals (a rating on these criteria, or dots when none), has
   * twelve people vote, and reveals it. Returns the round's id.
   */
  static String voteAndReveal(JsonObject board, List<String> items, List<String> criteria) {
    String round;
    try (WsClient moderator = moderator(board)) {
      ack(moderator, "board.stage", new JsonObject().put("stage", "voting"));
      JsonObject open =
          criteria.isEmpty()
              ? new JsonObject().put("kind", "dots").put("budget", 5).put("cap", 3)
              : new JsonObject().put("kind", "rating").put("criteria", new JsonArray(criteria));
      round = ack(moderator, "vote.open", open).getString("roundId");
      for (int p = 0; p < 12; p++) {
        Api.Participant who = TestApp.api().join(board.getString("joinCode"), "Voto " + (p + 1));
        try (WsClient phone =
            WsClient.hello(TestApp.shared().port(), board.getString("id"), who.token(), null)) {
          int left = 5;
          for (int i = 0; i < items.size(); i++) {
            JsonObject cast = new JsonObject().put("roundId", round).put("itemId", items.get(i));
            if (criteria.isEmpty()) {
              int dots = Math.min(left, (p + i) % 3 == 0 ? 2 : (p * i) % 4 == 1 ? 1 : 0);
              if (dots == 0) {
                continue;
              }
              left -= dots;
              cast.put("dots", dots);
            } else {
              JsonObject scores = new JsonObject();
              for (int c = 0; c < criteria.size(); c++) {
                // each proposal has its own standing, each person a little of their own view
                int standing = 1 + (i * 3 + c * (i % 3)) % 5;
                int view = (p * 7 + i + c) % 3 - 1;
                scores.put(criteria.get(c), Math.max(1, Math.min(5, standing + view)));
              }
              cast.put("scores", scores);
            }
            ack(phone, "vote.cast", cast);
          }
        }
      }
      ack(moderator, "vote.close", new JsonObject().put("roundId", round));
      ack(moderator, "vote.reveal", new JsonObject().put("roundId", round));
    }
    return round;
  }

  static void stage(JsonObject board, String stage) {
    try (WsClient moderator = moderator(board)) {
      ack(moderator, "board.stage", new JsonObject().put("stage", stage));
    }
  }

  private static WsClient moderator(JsonObject board) {
    return WsClient.hello(
        TestApp.shared().port(), board.getString("id"), board.getString("moderatorKey"), null);
  }

  private static JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals("ack", answer.getString("type"), op + " " + data.encode() + " -> " + answer);
    return answer.getJsonObject("result");
  }
}
