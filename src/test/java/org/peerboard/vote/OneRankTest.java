package org.peerboard.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;
import org.peerboard.vote.model.Ranking;

@DisplayName("One truth for ranks: the room, the API, the report and the exports rank ties alike")
class OneRankTest {
  private final Api api = TestApp.api();
  private final int port = TestApp.shared().port();

  @Test
  @DisplayName("the rule: equal scores as shown share a rank, the next skips, ties keep the order")
  void rule() {
    List<Ranking.Placed<String>> placed =
        Ranking.rank(
            List.of("a", "b", "c", "d"),
            s -> Map.of("a", 3.0, "b", 4.004, "c", 3.996, "d", 4.1).get(s));
    assertEquals(List.of("d", "b", "c", "a"), placed.stream().map(Ranking.Placed::item).toList());
    assertEquals(
        List.of("1", "=2", "=2", "4"), placed.stream().map(p -> p.place().label()).toList());
    assertEquals(4.05, Ranking.shown(4.045), "half up, from the decimal value");
    assertEquals(3.84, Ranking.shown(3.835));
  }

  /**
   * A: feasibility 5, sustainability 3, a score of exactly 4. B: feasibility 45/11, sustainability
   * 39/10, a score of 3.99545..., shown as 4,00 too. The room sees both at 4,00.
   */
  @Test
  @DisplayName("two proposals the room sees at 4,00 are =1 on every page and in every download")
  void tiesAtTheShownFigure() {
    Api.Workshop workshop = api.workshop("Ranks", "A");
    JsonObject board = workshop.board(0);
    String id = board.getString("id");
    String moderatorKey = board.getString("moderatorKey");
    try (WsClient moderator = WsClient.hello(port, id, moderatorKey, null)) {
      String a = note(moderator, "Un tutor per ogni neomaggiorenne in uscita dalla comunità");
      String b = note(moderator, "Un fondo casa regionale per chi compie diciotto anni");
      String c = note(moderator, "Una scheda unica condivisa tra servizi e scuola");
      String roundId =
          ack(
                  moderator,
                  "vote.open",
                  new JsonObject()
                      .put("kind", "rating")
                      .put("criteria", new JsonArray().add("feasibility").add("sustainability")))
              .getJsonObject("result")
              .getString("roundId");
      List<WsClient> phones = new ArrayList<>();
      try {
        for (int i = 0; i < 11; i++) {
          Api.Participant person = api.join(board.getString("joinCode"), "P" + i);
          WsClient phone = WsClient.hello(port, id, person.token(), null);
          phones.add(phone);
          JsonObject scores = new JsonObject().put("feasibility", i == 0 ? 5 : 4);
          if (i < 10) {
            scores.put("sustainability", i == 0 ? 3 : 4);
          }
          cast(phone, roundId, b, scores);
          cast(phone, roundId, c, new JsonObject().put("feasibility", 2).put("sustainability", 2));
        }
        cast(
            phones.get(0),
            roundId,
            a,
            new JsonObject().put("feasibility", 5).put("sustainability", 3));
      } finally {
        phones.forEach(WsClient::close);
      }
      ack(moderator, "vote.close", new JsonObject().put("roundId", roundId));
      ack(moderator, "vote.reveal", new JsonObject().put("roundId", roundId));

      JsonArray results =
          api.get("/api/boards/" + id + "/votes/" + roundId, board.getString("projectorKey"))
              .json()
              .getJsonArray("results");
      assertEquals(List.of(a, b, c), column(results, "itemId"));
      assertEquals(List.of(1, 1, 3), column(results, "rank"));
      assertEquals(List.of(true, true, false), column(results, "tied"));
      assertEquals(4.0, results.getJsonObject(1).getDouble("score"), "B is shown at 4,00");

      String report =
          api.get("/w/" + workshop.id() + "/report", workshop.organiserKey())
              .body()
              .replace("&#x3D;", "=");
      assertEquals(List.of("=1", "=1", "3"), matches(report, "class=\"vote-rank\">([^<]*)<"));
      assertEquals(
          List.of("=1", "=1", "3"),
          matches(report, "text-anchor=\"middle\">([^<]*)</text></g>"),
          "the matrix numbers its points the same way");

      JsonArray proposals =
          api.get("/api/boards/" + id + "/export.json", moderatorKey)
              .json()
              .getJsonArray("voteRounds")
              .getJsonObject(0)
              .getJsonArray("proposals");
      assertEquals(List.of(a, b, c), column(proposals, "id"));
      assertEquals(List.of(1, 1, 3), column(proposals, "rank"));
      assertEquals(List.of(true, true, false), column(proposals, "tied"));

      Map<String, String> csvRanks = new HashMap<>();
      String csv =
          api.get("/api/boards/" + id + "/votes.csv?header=keys", moderatorKey)
              .body()
              .replace("\uFEFF", "");
      try (CSVParser rows =
          CSVFormat.RFC4180.builder().setHeader().build().parse(new StringReader(csv))) {
        rows.forEach(r -> csvRanks.put(r.get("proposal_id"), r.get("rank")));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      assertEquals(Map.of(a, "1", b, "1", c, "3"), csvRanks);
    }
  }

  private static String note(WsClient moderator, String text) {
    return ack(
            moderator, "note.add", new JsonObject().put("lane", "improvements").put("text", text))
        .getJsonObject("result")
        .getString("noteId");
  }

  private static void cast(WsClient phone, String roundId, String item, JsonObject scores) {
    ack(
        phone,
        "vote.cast",
        new JsonObject().put("roundId", roundId).put("itemId", item).put("scores", scores));
  }

  private static JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals(
        "ack", answer.getString("type"), op + " " + data.encode() + " -> " + answer.encode());
    return answer;
  }

  private static List<Object> column(JsonArray rows, String key) {
    return rows.stream().map(r -> ((JsonObject) r).getValue(key)).toList();
  }

  private static List<String> matches(String html, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    assertTrue(!found.isEmpty(), "nothing matched " + regex);
    return found;
  }
}
