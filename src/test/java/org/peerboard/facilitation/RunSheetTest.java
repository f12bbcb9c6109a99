package org.peerboard.facilitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerboard.facilitation.Board.ok;
import static org.peerboard.facilitation.Board.run;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.WsClient;

@DisplayName("The run-sheet: a planned agenda of steps")
class RunSheetTest {

  /** Three steps, each with its own stage, focus and minutes, so a snapshot tells them apart. */
  static JsonObject threeSteps() {
    return new JsonObject()
        .put(
            "steps",
            new JsonArray()
                .add(step("Referral", "reporting", "collecting", 15))
                .add(step("Themes", null, "clustering", 12))
                .add(step(null, "custody", "collecting", 7)));
  }

  static JsonObject step(String title, String phase, String stage, int minutes) {
    JsonObject step = new JsonObject().put("stage", stage).put("minutes", minutes);
    if (title != null) {
      step.put("title", title);
    }
    return phase == null ? step.putNull("phase") : step.put("phase", phase);
  }

  @Test
  @DisplayName(
      "an agenda of three steps: each step sets stage, focus and timer, logged before board.stepped")
  void threeStepsDriveTheBoard() {
    try (Board board = new Board()) {
      JsonObject set = ok(board.moderator, "board.agenda", threeSteps());
      JsonObject agendaSet = board.a.nextEvent("board.agendaSet");
      assertEquals(set.getLong("seq"), agendaSet.getLong("seq"));
      JsonArray steps = agendaSet.getJsonObject("data").getJsonArray("steps");
      assertEquals(3, steps.size());
      assertEquals("Themes", steps.getJsonObject(1).getString("title"));
      assertNull(steps.getJsonObject(2).getString("title"));
      assertEquals(7, steps.getJsonObject(2).getInteger("minutes"));

      Instant before = Instant.now().minusMillis(5);
      JsonObject ack = ok(board.moderator, "board.step", new JsonObject().put("index", 1));
      long seq = ack.getLong("seq");
      assertEquals(1, ack.getJsonObject("result").getInteger("index"));
      List<JsonObject> events = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        events.add(board.a.nextEvent());
      }
      assertEquals(
          List.of("board.staged", "board.focused", "board.timer", "board.stepped"),
          events.stream().map(e -> e.getString("event")).toList());
      assertEquals(
          List.of(seq - 3, seq - 2, seq - 1, seq),
          events.stream().map(e -> e.getLong("seq")).toList());
      assertEquals("clustering", events.get(0).getJsonObject("data").getString("stage"));
      assertNull(events.get(1).getJsonObject("data").getString("focus"));
      JsonObject timer = events.get(2).getJsonObject("data").getJsonObject("timer");
      assertTrue(timer.getBoolean("running"));
      assertEquals(12 * 60, timer.getInteger("remaining"));
      JsonObject stepped = events.get(3).getJsonObject("data");
      assertEquals(1, stepped.getInteger("index"));
      Instant startedAt = Instant.parse(stepped.getString("startedAt"));
      assertFalse(startedAt.isBefore(before));
      assertEquals(
          startedAt.plusSeconds(12 * 60),
          Instant.parse(timer.getString("endsAt")),
          "timer of the step");

      ok(board.moderator, "board.step", new JsonObject().put("index", 2));
      JsonObject snapshot = board.snapshot(board.alice.token());
      assertEquals("collecting", snapshot.getString("stage"));
      assertEquals("custody", snapshot.getString("focus"));
      JsonObject agenda = snapshot.getJsonObject("agenda");
      assertEquals(2, agenda.getInteger("current"));
      assertFalse(agenda.getBoolean("proposed"));
      JsonArray started = agenda.getJsonArray("started");
      assertEquals(2, started.size());
      assertEquals(1, started.getJsonObject(0).getInteger("index"));
      assertEquals(startedAt.toString(), started.getJsonObject(0).getString("startedAt"));
      assertEquals(
          started.getJsonObject(1).getString("startedAt"),
          started.getJsonObject(0).getString("endedAt"),
          "a step ends the instant the next one starts");
      assertNull(started.getJsonObject(1).getString("endedAt"));
      assertEquals(
          "conflict",
          run(
                  board.a,
                  "note.add",
                  new JsonObject().put("lane", "reporting:issues").put("text", "x"))
              .getString("code"),
          "the step's focus holds");
    }
  }

  @Test
  @DisplayName("one snapshot never shows a step's focus with another step's stage or timer")
  void steppingIsAtomic() throws Exception {
    try (Board board = new Board()) {
      ok(board.moderator, "board.agenda", threeSteps());
      ok(board.moderator, "board.step", new JsonObject().put("index", 0));
      Set<String> steps =
          Set.of("collecting/reporting/15", "clustering/null/12", "collecting/custody/7");
      AtomicBoolean done = new AtomicBoolean();
      List<String> seen = new ArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                while (!done.get()) {
                  JsonObject s = board.snapshot(board.moderatorKey);
                  JsonObject agenda = s.getJsonObject("agenda");
                  JsonArray started = agenda.getJsonArray("started");
                  JsonObject last = started.getJsonObject(started.size() - 1);
                  Instant endsAt = Instant.parse(s.getJsonObject("timer").getString("endsAt"));
                  long minutes =
                      Duration.between(Instant.parse(last.getString("startedAt")), endsAt)
                          .toMinutes();
                  synchronized (seen) {
                    seen.add(
                        s.getString("stage")
                            + "/"
                            + s.getString("focus")
                            + "/"
                            + minutes
                            + "@"
                            + agenda.getInteger("current")
                            + ":"
                            + last.getInteger("index"));
                  }
                }
              });
      reader.start();
      int[] order = {1, 2, 0, 2, 1, 0, 1, 2, 0, 1, 2, 0, 2, 1};
      // steps go on until the reader has read a few snapshots among them: on a busy machine the
      // fourteen steps can all be acked before its third read
      for (int round = 0; round < 10 && (round == 0 || readCount(seen) <= 3); round++) {
        for (int index : order) {
          ok(board.moderator, "board.step", new JsonObject().put("index", index));
        }
      }
      done.set(true);
      reader.join();
      assertTrue(seen.size() > 3, "snapshots were read while stepping: " + seen.size());
      String[] planned = {"collecting/reporting/15", "clustering/null/12", "collecting/custody/7"};
      for (String s : seen) {
        String state = s.substring(0, s.indexOf('@'));
        assertTrue(steps.contains(state), "a half step: " + s);
        int current = Integer.parseInt(s.substring(s.indexOf('@') + 1, s.indexOf(':')));
        int lastStarted = Integer.parseInt(s.substring(s.indexOf(':') + 1));
        assertEquals(current, lastStarted, s);
        assertEquals(planned[current], state, "stage, focus and timer of the current step: " + s);
      }
    }
  }

  @Test
  @DisplayName("bad agendas and steps are refused with invalid or forbidden and change nothing")
  void badInput() {
    try (Board board = new Board()) {
      ok(board.moderator, "board.agenda", threeSteps());
      long before = board.seq();
      JsonArray many = new JsonArray();
      for (int i = 0; i < 41; i++) {
        many.add(step("Step " + i, null, "collecting", 5));
      }
      List<JsonObject> bad =
          List.of(
              new JsonObject().put("steps", many),
              new JsonObject().put("steps", new JsonArray()),
              new JsonObject(),
              new JsonObject().put("steps", "three"),
              new JsonObject().put("steps", new JsonArray().add(step("x", null, "collecting", 0))),
              new JsonObject()
                  .put("steps", new JsonArray().add(step("x", null, "collecting", 241))),
              new JsonObject()
                  .put(
                      "steps",
                      new JsonArray().add(step("x", null, "collecting", 5).put("minutes", 1.5))),
              new JsonObject()
                  .put("steps", new JsonArray().add(step("x".repeat(81), null, "voting", 5))),
              new JsonObject()
                  .put("steps", new JsonArray().add(step("x", "holidays", "collecting", 5))),
              new JsonObject().put("steps", new JsonArray().add(step("x", null, "closed", 5))),
              new JsonObject().put("steps", new JsonArray().add(step("x", null, "dancing", 5))),
              new JsonObject()
                  .put("steps", new JsonArray().add(new JsonObject().put("minutes", 5))),
              new JsonObject().put("steps", new JsonArray().add("step")));
      for (JsonObject data : bad) {
        assertEquals(
            "invalid", run(board.moderator, "board.agenda", data).getString("code"), data.encode());
      }
      for (Object index : List.of(-1, 3, 1000, "1", 1.5)) {
        assertEquals(
            "invalid",
            run(board.moderator, "board.step", new JsonObject().put("index", index))
                .getString("code"),
            "index " + index);
      }
      assertEquals(
          "invalid", run(board.moderator, "board.step", new JsonObject()).getString("code"));
      JsonArray exactly = new JsonArray();
      for (int i = 0; i < 40; i++) {
        exactly.add(step("y".repeat(80), null, "voting", i % 2 == 0 ? 1 : 240));
      }
      for (WsClient ws : List.of(board.a, board.projector)) {
        assertEquals("forbidden", run(ws, "board.agenda", threeSteps()).getString("code"));
        assertEquals(
            "forbidden", run(ws, "board.step", new JsonObject().put("index", 0)).getString("code"));
      }
      assertEquals(before, board.seq(), "nothing changed");
      assertEquals(
          3,
          board.snapshot(board.moderatorKey).getJsonObject("agenda").getJsonArray("steps").size());
      ok(board.moderator, "board.agenda", new JsonObject().put("steps", exactly));
      assertEquals(
          40,
          board.snapshot(board.moderatorKey).getJsonObject("agenda").getJsonArray("steps").size(),
          "40 steps of 80 characters, 1 and 240 minutes are fine");
      ok(board.moderator, "board.stage", new JsonObject().put("stage", "closed"));
      assertEquals(
          "conflict",
          run(board.moderator, "board.step", new JsonObject().put("index", 0)).getString("code"));
      assertEquals(
          "conflict", run(board.moderator, "board.agenda", threeSteps()).getString("code"));
    }
  }

  @Test
  @DisplayName(
      "stepping back is a new start; a new agenda keeps the running step's record; closing ends it")
  void historyOfStarts() {
    try (Board board = new Board()) {
      ok(board.moderator, "board.agenda", threeSteps());
      ok(board.moderator, "board.step", new JsonObject().put("index", 0));
      ok(board.moderator, "board.step", new JsonObject().put("index", 1));
      ok(board.moderator, "board.step", new JsonObject().put("index", 0));
      JsonObject shorter =
          new JsonObject()
              .put("steps", new JsonArray().add(step("Only one", "leaving", "collecting", 30)));
      ok(board.moderator, "board.agenda", shorter);
      JsonObject agenda = board.snapshot(board.moderatorKey).getJsonObject("agenda");
      assertEquals(0, agenda.getInteger("current"));
      JsonArray started = agenda.getJsonArray("started");
      assertEquals(
          List.of(0, 1, 0),
          started.stream().map(s -> ((JsonObject) s).getInteger("index")).toList());
      JsonObject running = started.getJsonObject(2);
      assertNull(running.getString("endedAt"), "the running step still runs");
      assertEquals("Referral", running.getString("title"), "as planned when it started");
      assertEquals(15, running.getInteger("minutes"));
      assertEquals("reporting", board.snapshot(board.moderatorKey).getString("focus"));

      ok(board.moderator, "board.stage", new JsonObject().put("stage", "closed"));
      JsonObject closed = board.snapshot(board.moderatorKey).getJsonObject("agenda");
      assertNotNull(
          closed.getJsonArray("started").getJsonObject(2).getString("endedAt"),
          "closing ends the step");
    }
  }

  @Test
  @DisplayName(
      "the care-pathway template proposes five phases of 15 minutes, improvements 20, clustering 15, voting 10")
  void proposedAgenda() {
    try (Board board = new Board()) {
      JsonObject agenda = board.snapshot(board.alice.token()).getJsonObject("agenda");
      assertTrue(agenda.getBoolean("proposed"));
      assertNull(agenda.getInteger("current"));
      assertEquals(0, agenda.getJsonArray("started").size());
      JsonArray steps = agenda.getJsonArray("steps");
      assertEquals(
          List.of(15, 15, 15, 15, 15, 20, 15, 10),
          steps.stream().map(s -> ((JsonObject) s).getInteger("minutes")).toList());
      assertEquals(
          List.of("reporting", "custody", "removal", "path", "leaving"),
          steps.stream().limit(5).map(s -> ((JsonObject) s).getString("phase")).toList());
      assertEquals(
          List.of("collecting", "collecting", "clustering", "voting"),
          steps.stream().skip(4).map(s -> ((JsonObject) s).getString("stage")).toList());
      ok(board.moderator, "board.step", new JsonObject().put("index", 6));
      JsonObject after = board.snapshot(board.moderatorKey);
      assertEquals("clustering", after.getString("stage"));
      assertFalse(after.getJsonObject("agenda").getBoolean("proposed"), "the proposal was taken");
      assertEquals(8, after.getJsonObject("agenda").getJsonArray("steps").size());
    }
  }

  private static int readCount(List<String> seen) {
    synchronized (seen) {
      return seen.size();
    }
  }
}
