package org.peerboard.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("Voting on the improvements")
class VotingTest {
  private final Api api = TestApp.api();
  private final int port = TestApp.shared().port();

  /**
   * A board with four proposals (a cluster of two notes and two single notes) and people connected.
   */
  private final class Vote implements AutoCloseable {
    final Api.Workshop workshop = api.workshop("Vote", "A");
    final String id = workshop.board(0).getString("id");
    final String code = workshop.board(0).getString("joinCode");
    final String moderatorKey = workshop.board(0).getString("moderatorKey");
    final List<Api.Participant> people = new ArrayList<>();
    final WsClient moderator = WsClient.hello(port, id, moderatorKey, null);
    final WsClient projector =
        WsClient.hello(port, id, workshop.board(0).getString("projectorKey"), null);
    final List<String> items = new ArrayList<>();

    Vote() {
      for (int i = 0; i < 3; i++) {
        people.add(api.join(code, "P" + i));
      }
      String n1 = note("A peer mentor for every care leaver");
      String n2 = note("Mentoring by former care leavers");
      String n3 = note("A housing fund at 18");
      String n4 = note("One contact person across services");
      String hidden = note("Off topic");
      ack(moderator, "note.hide", new JsonObject().put("noteId", hidden).put("hidden", true));
      items.add(
          ack(
                  moderator,
                  "cluster.create",
                  new JsonObject()
                      .put("lane", "improvements")
                      .put("name", "Mentoring")
                      .put("noteIds", new JsonArray().add(n1).add(n2)))
              .getJsonObject("result")
              .getString("clusterId"));
      items.add(n3);
      items.add(n4);
    }

    String note(String text) {
      return ack(
              moderator, "note.add", new JsonObject().put("lane", "improvements").put("text", text))
          .getJsonObject("result")
          .getString("noteId");
    }

    WsClient phone(int i) {
      return WsClient.hello(port, id, people.get(i).token(), null);
    }

    String open(JsonObject data) {
      return ack(moderator, "vote.open", data).getJsonObject("result").getString("roundId");
    }

    JsonObject round(String key, String roundId) {
      return api.get("/api/boards/" + id + "/votes/" + roundId, key).json();
    }

    @Override
    public void close() {
      moderator.close();
      projector.close();
    }
  }

  private static JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals(
        "ack", answer.getString("type"), op + " " + data.encode() + " -> " + answer.encode());
    return answer;
  }

  private static String refused(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals("error", answer.getString("type"), op + " should be refused: " + answer.encode());
    return answer.getString("code");
  }

  @Test
  @DisplayName("the items are the lane's clusters and unclustered notes; hidden notes are left out")
  void items() {
    try (Vote vote = new Vote()) {
      String roundId = vote.open(new JsonObject().put("kind", "dots"));
      JsonObject round = vote.round(vote.moderatorKey, roundId);
      assertEquals(
          List.of("cluster", "note", "note"),
          round.getJsonArray("items").stream()
              .map(i -> ((JsonObject) i).getString("kind"))
              .toList());
      assertEquals(5, round.getInteger("budget"));
      assertEquals(3, round.getInteger("cap"));
      assertEquals("open", round.getString("status"));
    }
  }

  @Test
  @DisplayName(
      "a participant firing 20 dot votes at once from two sockets never exceeds the budget or the cap")
  void budgetUnderFire() {
    try (Vote vote = new Vote();
        WsClient one = vote.phone(0);
        WsClient two = vote.phone(0)) {
      String roundId =
          vote.open(new JsonObject().put("kind", "dots").put("budget", 5).put("cap", 3));
      Random random = new Random(7);
      List<String> fromOne = new ArrayList<>();
      List<String> fromTwo = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        WsClient ws = i % 2 == 0 ? one : two;
        JsonObject cast =
            new JsonObject()
                .put("roundId", roundId)
                .put("itemId", vote.items.get(random.nextInt(3)))
                .put("dots", 1 + random.nextInt(4));
        (i % 2 == 0 ? fromOne : fromTwo).add(ws.op("vote.cast", cast));
      }
      fromOne.forEach(one::answer);
      fromTwo.forEach(two::answer);
      JsonArray mine = vote.round(vote.people.get(0).token(), roundId).getJsonArray("myBallot");
      int total = 0;
      for (Object ballot : mine) {
        int dots = ((JsonObject) ballot).getInteger("dots");
        assertTrue(dots <= 3, "cap: " + mine.encode());
        total += dots;
      }
      assertTrue(total <= 5, "budget: " + mine.encode());
      assertEquals(
          "conflict",
          refused(
              one,
              "vote.cast",
              new JsonObject()
                  .put("roundId", roundId)
                  .put("itemId", vote.items.get(0))
                  .put("dots", 4)),
          "over the cap");
    }
  }

  @Test
  @DisplayName(
      "before the reveal no frame to a participant or the projector carries a result; then everyone sees them")
  void blindUntilReveal() {
    try (Vote vote = new Vote();
        WsClient a = vote.phone(0);
        WsClient b = vote.phone(1);
        WsClient c = vote.phone(2)) {
      String roundId = vote.open(new JsonObject().put("kind", "dots"));
      ack(
          a,
          "vote.cast",
          new JsonObject().put("roundId", roundId).put("itemId", vote.items.get(0)).put("dots", 3));
      ack(
          c,
          "vote.cast",
          new JsonObject().put("roundId", roundId).put("itemId", vote.items.get(1)).put("dots", 2));
      ack(
          a,
          "vote.cast",
          new JsonObject().put("roundId", roundId).put("itemId", vote.items.get(1)).put("dots", 2));
      ack(vote.moderator, "vote.close", new JsonObject().put("roundId", roundId));
      List<JsonObject> seen = new ArrayList<>(b.eventsWithin(Duration.ofMillis(500)));
      seen.addAll(vote.projector.eventsWithin(Duration.ofMillis(200)));
      JsonObject progress =
          seen.stream()
              .filter(e -> "vote.progress".equals(e.getString("event")))
              .reduce((x, y) -> y)
              .orElseThrow();
      assertEquals(
          2,
          progress.getJsonObject("data").getInteger("voters"),
          "14 of 17 have voted, nothing more");
      for (JsonObject frame : seen) {
        assertFalse(
            frame.encode().contains("results") || frame.encode().matches(".*\"dots\":\\d.*"),
            "no result or ballot before the reveal: " + frame.encode());
      }
      assertNull(vote.round(vote.people.get(1).token(), roundId).getJsonArray("results"));
      assertNull(
          vote.round(vote.moderatorKey, roundId).getJsonArray("ballots"),
          "anonymous: not even moderators");
      assertEquals(
          "conflict",
          refused(
              b,
              "vote.cast",
              new JsonObject()
                  .put("roundId", roundId)
                  .put("itemId", vote.items.get(0))
                  .put("dots", 1)),
          "no vote after close");

      ack(vote.moderator, "vote.reveal", new JsonObject().put("roundId", roundId));
      JsonObject revealed = b.nextEvent("vote.revealed");
      JsonArray results = revealed.getJsonObject("data").getJsonArray("results");
      assertEquals(
          vote.items.get(1), results.getJsonObject(0).getString("itemId"), "4 dots: first");
      assertEquals(4, results.getJsonObject(0).getInteger("dots"));
      assertEquals(3, results.getJsonObject(1).getInteger("dots"));
      assertEquals(3, results.getJsonObject(2).getInteger("rank"));
      assertEquals(
          results,
          vote.round(vote.workshop.board(0).getString("projectorKey"), roundId)
              .getJsonArray("results"));
      JsonObject snapshot = api.get("/api/boards/" + vote.id, vote.people.get(0).token()).json();
      JsonObject round = snapshot.getJsonArray("rounds").getJsonObject(0);
      assertEquals(results, round.getJsonArray("results"));
      assertEquals(
          2, round.getJsonArray("myBallot").size(), "a reloaded phone shows what it voted");

      Api.Response csv =
          api.get("/api/boards/" + vote.id + "/votes.csv?header=keys", vote.moderatorKey);
      assertEquals(200, csv.status());
      try (CSVParser rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .build()
              .parse(new StringReader(csv.body().replace("\uFEFF", "")))) {
        Map<String, String> dotsByNote = new HashMap<>();
        rows.forEach(r -> dotsByNote.put(r.get("proposal_id"), r.get("dots")));
        assertEquals(
            "4", dotsByNote.get(vote.items.get(1)), "the revealed dots travel into the export");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      String report =
          api.get("/w/" + vote.workshop.id() + "/report", vote.workshop.organiserKey()).body();
      assertTrue(
          report.contains("A housing fund at 18") && report.contains("vote-bar"),
          "the printable report shows the ranked proposals with bars");
    }
  }

  @Test
  @DisplayName("a rating round: scores 1 to 5 per criterion, reopen, and figures in the reveal")
  void ratingRound() {
    try (Vote vote = new Vote();
        WsClient a = vote.phone(0);
        WsClient b = vote.phone(1)) {
      String roundId =
          vote.open(
              new JsonObject()
                  .put("kind", "rating")
                  .put("anonymous", false)
                  .put("comments", true)
                  .put(
                      "criteria",
                      new JsonArray()
                          .add("feasibility")
                          .add("sustainability")
                          .add(
                              new JsonObject()
                                  .put("key", "impact")
                                  .put(
                                      "labels",
                                      new JsonObject().put("it", "Impatto").put("en", "Impact")))));
      JsonObject round = vote.round(vote.moderatorKey, roundId);
      assertEquals(
          "Fattibilità",
          round.getJsonArray("criteria").getJsonObject(0).getJsonObject("labels").getString("it"));
      String item = vote.items.get(2);
      ack(
          a,
          "vote.cast",
          new JsonObject()
              .put("roundId", roundId)
              .put("itemId", item)
              .put("scores", new JsonObject().put("feasibility", 4).put("sustainability", 2))
              .put("comment", "Cheap, but who runs it?"));
      assertEquals(
          "invalid",
          refused(
              b,
              "vote.cast",
              new JsonObject()
                  .put("roundId", roundId)
                  .put("itemId", item)
                  .put("scores", new JsonObject().put("feasibility", 6))));
      assertEquals(
          "invalid",
          refused(
              b,
              "vote.cast",
              new JsonObject().put("roundId", roundId).put("itemId", item).put("dots", 2)),
          "a rating round takes scores");
      ack(vote.moderator, "vote.close", new JsonObject().put("roundId", roundId));
      ack(vote.moderator, "vote.reopen", new JsonObject().put("roundId", roundId));
      ack(
          b,
          "vote.cast",
          new JsonObject()
              .put("roundId", roundId)
              .put("itemId", item)
              .put(
                  "scores",
                  new JsonObject()
                      .put("feasibility", 5)
                      .put("sustainability", 2)
                      .put("impact", 3)));
      assertEquals(
          2,
          vote.round(vote.moderatorKey, roundId).getJsonArray("ballots").size(),
          "the moderator of a named round sees the ballots");
      ack(vote.moderator, "vote.reveal", new JsonObject().put("roundId", roundId));
      JsonObject result =
          vote.round(vote.people.get(1).token(), roundId).getJsonArray("results").stream()
              .map(r -> (JsonObject) r)
              .filter(r -> item.equals(r.getString("itemId")))
              .findFirst()
              .orElseThrow();
      JsonObject feasibility = result.getJsonObject("criteria").getJsonObject("feasibility");
      assertEquals(2, feasibility.getInteger("n"));
      assertEquals(4.5, feasibility.getDouble("mean"));
      assertEquals(
          new JsonArray().add(0).add(0).add(0).add(1).add(1),
          feasibility.getJsonArray("distribution"));
      assertEquals(1, result.getJsonObject("criteria").getJsonObject("impact").getInteger("n"));
      assertEquals(new JsonArray().add("Cheap, but who runs it?"), result.getJsonArray("comments"));
    }
  }

  @Test
  @DisplayName("only moderators run votes and only participants cast them")
  void roles() {
    try (Vote vote = new Vote();
        WsClient a = vote.phone(0)) {
      assertEquals("forbidden", refused(a, "vote.open", new JsonObject().put("kind", "dots")));
      String roundId = vote.open(new JsonObject().put("kind", "dots"));
      assertEquals(
          "forbidden", refused(a, "vote.reveal", new JsonObject().put("roundId", roundId)));
      assertEquals(
          "forbidden",
          refused(
              vote.moderator,
              "vote.cast",
              new JsonObject()
                  .put("roundId", roundId)
                  .put("itemId", vote.items.get(0))
                  .put("dots", 1)));
      assertEquals(
          "forbidden",
          refused(
              vote.projector,
              "vote.cast",
              new JsonObject()
                  .put("roundId", roundId)
                  .put("itemId", vote.items.get(0))
                  .put("dots", 1)));
      assertEquals(
          "not_found",
          refused(
              a,
              "vote.cast",
              new JsonObject()
                  .put("roundId", roundId)
                  .put("itemId", "00000000-0000-0000-0000-000000000000")
                  .put("dots", 1)));
      assertEquals(
          "conflict",
          refused(
              vote.moderator,
              "vote.open",
              new JsonObject().put("kind", "dots").put("lane", "custody:issues")),
          "nothing to vote on");
    }
  }
}
