package org.peerboard.facilitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerboard.facilitation.Board.ids;
import static org.peerboard.facilitation.Board.ok;
import static org.peerboard.facilitation.Board.run;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.WsClient;

@DisplayName("Clustering notes into named themes")
class ClusteringTest {

  private static JsonObject cluster(JsonObject board, String id) {
    return board.getJsonArray("clusters").stream()
        .map(c -> (JsonObject) c)
        .filter(c -> id.equals(c.getString("id")))
        .findFirst()
        .orElse(null);
  }

  @Test
  @DisplayName(
      "create, rename, add, remove, merge and dissolve clusters; everyone sees each change")
  void clusterLifecycle() {
    try (Board board = new Board()) {
      String n1 = board.note(board.a, "custody:issues", "Waiting lists");
      String n2 = board.note(board.b, "custody:issues", "Too few foster families");
      String n3 = board.note(board.a, "custody:issues", "Long waits for a placement");
      String other = board.note(board.a, "leaving:issues", "Other lane");

      JsonObject created =
          ok(
              board.moderator,
              "cluster.create",
              new JsonObject()
                  .put("lane", "custody:issues")
                  .put("name", "Waiting")
                  .put("noteIds", ids(n1, n3)));
      String waiting = created.getJsonObject("result").getString("clusterId");
      JsonObject event = board.b.nextEvent("cluster.created");
      assertEquals(
          "Waiting",
          event.getJsonObject("data").getJsonArray("clusters").getJsonObject(0).getString("name"));
      assertEquals(2, event.getJsonObject("data").getJsonArray("notes").size());

      ok(
          board.moderator,
          "cluster.rename",
          new JsonObject().put("clusterId", waiting).put("name", "Waiting times"));
      String families =
          ok(
                  board.moderator,
                  "cluster.create",
                  new JsonObject()
                      .put("lane", "custody:issues")
                      .put("name", "Families")
                      .put("noteIds", ids(n2)))
              .getJsonObject("result")
              .getString("clusterId");
      assertEquals(
          "conflict",
          run(
                  board.moderator,
                  "cluster.add",
                  new JsonObject().put("clusterId", families).put("noteIds", ids(other)))
              .getString("code"),
          "a cluster holds notes of its own lane only");
      ok(
          board.moderator,
          "cluster.add",
          new JsonObject().put("clusterId", families).put("noteIds", ids(n3)));
      JsonObject snapshot = board.snapshot(board.projectorKey);
      assertEquals(ids(n1), cluster(snapshot, waiting).getJsonArray("noteIds"));
      assertEquals(2, cluster(snapshot, families).getJsonArray("noteIds").size());

      ok(board.moderator, "cluster.remove", new JsonObject().put("noteIds", ids(n3)));
      ok(
          board.moderator,
          "cluster.merge",
          new JsonObject().put("clusterId", families).put("intoClusterId", waiting));
      snapshot = board.snapshot(board.moderatorKey);
      assertNull(cluster(snapshot, families));
      assertEquals(2, cluster(snapshot, waiting).getJsonArray("noteIds").size());
      ok(board.moderator, "cluster.dissolve", new JsonObject().put("clusterId", waiting));
      assertTrue(board.snapshot(board.moderatorKey).getJsonArray("clusters").isEmpty());
      assertEquals(
          4,
          board.snapshot(board.moderatorKey).getJsonArray("notes").size(),
          "notes outlive clusters");
    }
  }

  @Test
  @DisplayName("a stale cluster version gets conflict; not_found for ids of other boards")
  void staleAndForeign() {
    try (Board board = new Board()) {
      String clusterId =
          ok(
                  board.moderator,
                  "cluster.create",
                  new JsonObject().put("lane", "improvements").put("name", "Mentoring"))
              .getJsonObject("result")
              .getString("clusterId");
      ok(
          board.moderator,
          "cluster.rename",
          new JsonObject().put("clusterId", clusterId).put("name", "Mentors").put("version", 1));
      assertEquals(
          "conflict",
          run(
                  board.moderator,
                  "cluster.rename",
                  new JsonObject()
                      .put("clusterId", clusterId)
                      .put("name", "Stale")
                      .put("version", 1))
              .getString("code"));
      try (Board other = new Board()) {
        assertEquals(
            "not_found",
            run(other.moderator, "cluster.dissolve", new JsonObject().put("clusterId", clusterId))
                .getString("code"));
      }
      assertEquals(
          "Mentors", cluster(board.snapshot(board.moderatorKey), clusterId).getString("name"));
    }
  }

  @Test
  @DisplayName(
      "two moderators clustering the same notes at once end in one state that every client agrees on")
  void concurrentModerators() {
    try (Board board = new Board()) {
      List<String> notes = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        notes.add(board.note(board.a, "path:issues", "note " + i));
      }
      board.a.eventsWithin(Duration.ofMillis(300));
      JsonObject start = board.snapshot(board.projectorKey);
      ClientState seenByA = ClientState.of(start);
      ClientState seenByProjector = ClientState.of(start);
      WsClient second = board.connect(board.moderatorKey, "moderator-2");
      String c1 =
          ok(
                  board.moderator,
                  "cluster.create",
                  new JsonObject().put("lane", "path:issues").put("name", "One"))
              .getJsonObject("result")
              .getString("clusterId");
      String c2 =
          ok(
                  second,
                  "cluster.create",
                  new JsonObject().put("lane", "path:issues").put("name", "Two"))
              .getJsonObject("result")
              .getString("clusterId");
      List<String> first = new ArrayList<>();
      List<String> other = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        String n = notes.get(round % notes.size());
        first.add(
            board.moderator.op(
                "cluster.add", new JsonObject().put("clusterId", c1).put("noteIds", ids(n))));
        other.add(
            second.op("cluster.add", new JsonObject().put("clusterId", c2).put("noteIds", ids(n))));
        other.add(
            second.op(
                "cluster.rename",
                new JsonObject()
                    .put("clusterId", c1)
                    .put("name", "Renamed " + round)
                    .put("version", 1)));
      }
      long conflicts = 0;
      for (String opId : first) {
        assertEquals("ack", board.moderator.answer(opId).getString("type"));
      }
      for (String opId : other) {
        JsonObject answer = second.answer(opId);
        if ("error".equals(answer.getString("type"))) {
          assertEquals("conflict", answer.getString("code"));
          conflicts++;
        }
      }
      assertTrue(conflicts >= 9, "stale renames are refused, not silently applied");
      long head = board.seq();
      for (ClientState state : List.of(seenByA, seenByProjector)) {
        WsClient ws = state == seenByA ? board.a : board.projector;
        long seen = 0;
        while (seen < head) {
          JsonObject event = ws.nextEvent();
          seen = event.getLong("seq");
          state.apply(event);
        }
      }
      ClientState truth = ClientState.of(board.snapshot(board.moderatorKey));
      assertEquals(truth, seenByA);
      assertEquals(truth, seenByProjector);
      second.close();
    }
  }

  @Test
  @DisplayName(
      "undo takes back the moderator's own last steps, ten deep, and every client sees the board as before")
  void undo() {
    try (Board board = new Board()) {
      String n1 = board.note(board.a, "leaving:resources", "Housing grant");
      String n2 = board.note(board.a, "leaving:resources", "Job coach");
      ClientState before = ClientState.of(board.snapshot(board.moderatorKey));
      board.b.eventsWithin(Duration.ofMillis(300));
      ClientState seenByB = ClientState.of(board.snapshot(board.bruno.token()));

      String c =
          ok(
                  board.moderator,
                  "cluster.create",
                  new JsonObject()
                      .put("lane", "leaving:resources")
                      .put("name", "Support")
                      .put("noteIds", ids(n1)))
              .getJsonObject("result")
              .getString("clusterId");
      for (int i = 0; i < 8; i++) {
        ok(
            board.moderator,
            "cluster.rename",
            new JsonObject().put("clusterId", c).put("name", "Support " + i));
      }
      ok(
          board.moderator,
          "cluster.add",
          new JsonObject().put("clusterId", c).put("noteIds", ids(n2)));
      WsClient other = board.connect(board.moderatorKey, "moderator-2");
      ok(other, "note.hide", new JsonObject().put("noteId", n2).put("hidden", true));
      for (int i = 0; i < 10; i++) {
        ok(board.moderator, "undo", new JsonObject());
      }
      assertEquals(
          "conflict",
          run(board.moderator, "undo", new JsonObject()).getString("code"),
          "nothing of this moderator's is left to undo");
      JsonObject after = board.snapshot(board.moderatorKey);
      assertTrue(after.getJsonArray("clusters").isEmpty(), "the cluster is gone again");
      ok(other, "undo", new JsonObject());
      assertEquals(before, ClientState.of(board.snapshot(board.moderatorKey)));
      long head = board.seq();
      long seen = 0;
      while (seen < head) {
        JsonObject event = board.b.nextEvent();
        seen = event.getLong("seq");
        seenByB.apply(event);
      }
      assertEquals(before, seenByB, "B's view, built from events alone, is back where it was");
      other.close();
    }
  }

  @Test
  @DisplayName(
      "undo never reverts another moderator's later change, and membership changes raise cluster versions")
  void undoRespectsOthersWork() {
    try (Board board = new Board()) {
      String n1 = board.note(board.a, "reporting:actors", "School");
      WsClient other = board.connect(board.moderatorKey, "moderator-2");
      String mine =
          ok(
                  board.moderator,
                  "cluster.create",
                  new JsonObject()
                      .put("lane", "reporting:actors")
                      .put("name", "Mine")
                      .put("noteIds", ids(n1)))
              .getJsonObject("result")
              .getString("clusterId");
      String theirs =
          ok(
                  other,
                  "cluster.create",
                  new JsonObject().put("lane", "reporting:actors").put("name", "Theirs"))
              .getJsonObject("result")
              .getString("clusterId");
      int mineVersion = cluster(board.snapshot(board.moderatorKey), mine).getInteger("version");
      ok(other, "cluster.add", new JsonObject().put("clusterId", theirs).put("noteIds", ids(n1)));
      assertTrue(
          cluster(board.snapshot(board.moderatorKey), mine).getInteger("version") > mineVersion,
          "losing a note is a change of the cluster it left");
      assertEquals(
          "conflict",
          run(
                  board.moderator,
                  "cluster.rename",
                  new JsonObject()
                      .put("clusterId", mine)
                      .put("name", "x")
                      .put("version", mineVersion))
              .getString("code"));
      ok(board.moderator, "undo", new JsonObject());
      JsonObject after = board.snapshot(board.moderatorKey);
      assertNull(cluster(after, mine), "my cluster is gone again");
      assertEquals(
          ids(n1),
          cluster(after, theirs).getJsonArray("noteIds"),
          "the other moderator's move stays");
      other.close();
    }
  }

  @Test
  @DisplayName(
      "a note marked as a duplicate keeps both texts; moving a note out of its lane leaves its cluster")
  void duplicatesAndMoves() {
    try (Board board = new Board()) {
      String n1 = board.note(board.a, "custody:actors", "Juvenile court");
      String n2 = board.note(board.b, "custody:actors", "The juvenile court");
      ok(board.moderator, "note.duplicate", new JsonObject().put("noteId", n2).put("of", n1));
      assertEquals(
          "invalid",
          run(board.moderator, "note.duplicate", new JsonObject().put("noteId", n1).put("of", n1))
              .getString("code"));
      JsonObject snapshot = board.snapshot(board.moderatorKey);
      JsonObject dup =
          snapshot.getJsonArray("notes").stream()
              .map(n -> (JsonObject) n)
              .filter(n -> n2.equals(n.getString("id")))
              .findFirst()
              .orElseThrow();
      assertEquals(n1, dup.getString("duplicateOf"));
      assertEquals("The juvenile court", dup.getString("text"));

      String c =
          ok(
                  board.moderator,
                  "cluster.create",
                  new JsonObject()
                      .put("lane", "custody:actors")
                      .put("name", "Courts")
                      .put("noteIds", ids(n1)))
              .getJsonObject("result")
              .getString("clusterId");
      ok(
          board.moderator,
          "note.move",
          new JsonObject().put("noteId", n1).put("lane", "custody:issues"));
      snapshot = board.snapshot(board.moderatorKey);
      assertTrue(cluster(snapshot, c).getJsonArray("noteIds").isEmpty());
      ok(board.moderator, "undo", new JsonObject());
      assertEquals(ids(n1), cluster(board.snapshot(board.moderatorKey), c).getJsonArray("noteIds"));
      assertNotEquals(
          "ack",
          run(board.a, "note.duplicate", new JsonObject().put("noteId", n1).put("of", n2))
              .getString("type"));
    }
  }
}
