package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Thousands of random and mutated frames and request bodies, from a fixed seed so a failure can be
 * replayed. The server must answer each with an error or an ack, never crash or show a stack trace,
 * and change nothing but what valid ops change.
 */
@DisplayName("Fuzzing the socket and every HTTP route")
class FuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
  private static final int FRAMES = Integer.getInteger("fuzz.frames", 3000);
  private static final int BODIES = Integer.getInteger("fuzz.bodies", 1500);
  private static PeerBoard app;
  private static Api api;

  /**
   * A process on the shared database with limits out of the way, so every frame reaches the parser
   * and the rules.
   */
  @BeforeAll
  static void start() throws Exception {
    DbSettings db = TestApp.shared().database();
    app =
        PeerBoard.start(
            TestApp.onSharedDatabase("fuzz")
                .withLimits(new Config.Limits(1_000_000, 2_000, 1_000_000)));
    api = new Api("http://127.0.0.1:" + app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName(
      "random and mutated frames get errors; the board changes only by the ops that were acked")
  void socketFuzz() {
    Random random = new Random(SEED);
    Api.Workshop workshop = api.workshop("Fuzz", "A", "B");
    String boardId = workshop.board(0).getString("id");
    Api.Participant alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
    Api.Participant other = api.join(workshop.board(1).getString("joinCode"), "Other");
    String otherNote;
    try (WsClient ws = WsClient.hello(app.port(), other.boardId(), other.token(), null)) {
      otherNote =
          ws.answer(
                  ws.op(
                      "note.add",
                      new JsonObject().put("lane", "custody:issues").put("text", "other")))
              .getJsonObject("result")
              .getString("noteId");
    }
    long otherSeq = api.get("/api/boards/" + other.boardId(), other.token()).json().getLong("seq");
    FrameFuzzer fuzzer = new FrameFuzzer(random, boardId, otherNote);
    List<JsonObject> frames = new ArrayList<>();
    try (WsClient ws = WsClient.hello(app.port(), boardId, alice.token(), null)) {
      for (int i = 0; i < FRAMES; i++) {
        if (random.nextInt(20) == 0) {
          ws.sendBinary(fuzzer.bytes());
        } else {
          ws.sendText(fuzzer.frame());
        }
      }
      String marker =
          ws.op(
              "note.add", new JsonObject().put("lane", "improvements").put("text", "still alive"));
      JsonObject frame;
      JsonObject markerAnswer = null;
      while ((frame = ws.poll(Duration.ofSeconds(markerAnswer == null ? 20 : 1))) != null) {
        frames.add(
            frame); // ops run concurrently: after the marker's answer, read until the socket is
        // quiet
        if (marker.equals(frame.getString("opId"))) {
          markerAnswer = frame;
        }
      }
      assertFalse(ws.isClosed(), "the socket survived every frame");
      assertEquals(
          "ack",
          markerAnswer == null ? null : markerAnswer.getString("type"),
          "the marker op was acked: " + markerAnswer);
    }
    Set<String> acked = new HashSet<>();
    int errors = 0;
    for (JsonObject frame : frames) {
      if ("ack".equals(frame.getString("type"))) {
        acked.add(frame.getString("opId"));
      } else if ("error".equals(frame.getString("type"))) {
        errors++;
        String message = frame.getString("message");
        assertFalse(
            message.contains("Exception")
                || message.contains("\tat ")
                || message.contains("org.peerboard"),
            "no stack trace or class name reaches a client: " + message);
      }
    }
    assertTrue(errors > FRAMES / 2, "most frames were refused: " + errors);
    System.out.printf(
        "socket fuzz: %d frames, %d errors, %d acked ops%n", FRAMES, errors, acked.size());
    assertEquals(
        acked.size(),
        api.get("/api/boards/" + boardId, alice.token()).json().getLong("seq"),
        "the board changed by exactly the acked ops");
    assertEquals(
        otherSeq,
        api.get("/api/boards/" + other.boardId(), other.token()).json().getLong("seq"),
        "the other board did not change at all");
    assertEquals(200, api.get("/health", null).status());
  }

  @Test
  @DisplayName(
      "random bodies and keys on every HTTP route get 4xx errors as JSON, never a 500 or a stack trace")
  void httpFuzz() {
    Random random = new Random(SEED + 1);
    Api.Workshop workshop = api.workshop("Fuzz HTTP", "A");
    String boardId = workshop.board(0).getString("id");
    String[] keys = {
      null,
      "",
      "x",
      workshop.organiserKey(),
      workshop.board(0).getString("moderatorKey"),
      UUID.randomUUID().toString(),
      "A".repeat(43),
      "../../etc/passwd",
      "' or 1=1 --"
    };
    String[] posts = {
      "/api/workshops",
      "/api/join",
      "/api/templates",
      "/api/workshops/" + workshop.id() + "/boards",
      "/api/boards/" + boardId + "/rotate",
      "/api/boards/" + boardId + "/withdraw",
      "/api/workshops/" + workshop.id() + "/retention",
      "/api/workshops/not-a-uuid/boards",
      "/api/boards/%00/rotate"
    };
    String[] gets = {
      "/api/boards/" + boardId,
      "/api/boards/" + UUID.randomUUID(),
      "/j/" + "%FF%FE",
      "/g/x",
      "/w/" + workshop.id(),
      "/m/" + boardId,
      "/p/" + boardId,
      "/j/ZZZZZZ/qr.svg",
      "/health",
      "/nowhere",
      "/static/../../pom.xml",
      "/w/" + workshop.id() + "/plenary"
    };
    FrameFuzzer fuzzer = new FrameFuzzer(random, boardId, UUID.randomUUID().toString());
    int created = 0;
    long workshopsBefore = countWorkshops();
    for (int i = 0; i < BODIES; i++) {
      String key = keys[random.nextInt(keys.length)];
      Api.Response response =
          random.nextBoolean()
              ? api.post(posts[random.nextInt(posts.length)], fuzzer.body(), key)
              : api.get(gets[random.nextInt(gets.length)], key);
      assertTrue(
          response.status() < 500 || response.status() == 503, "status " + response.status());
      assertFalse(
          response.body().contains("Exception") || response.body().contains("\tat "),
          "no stack trace: " + response.body());
      if (response.status() == 201 && response.body().contains("organiserKey")) {
        created++;
      }
    }
    assertEquals(
        workshopsBefore + created, countWorkshops(), "only accepted requests created workshops");
    assertNotEquals(0, BODIES);
    assertEquals(200, api.get("/health", null).status());
  }

  private static long countWorkshops() {
    DbSettings db = app.database();
    try (var conn = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        var rs = conn.createStatement().executeQuery("select count(*) from workshop")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Frames and bodies: valid ones, mutated ones, and plain garbage. */
  static final class FrameFuzzer {
    private static final String[] OPS = {
      "note.add",
      "note.edit",
      "note.move",
      "note.delete",
      "note.hide",
      "cluster.create",
      "cluster.add",
      "board.stage",
      "board.timer",
      "undo",
      "vote.cast",
      "",
      "NOTE.ADD"
    };
    private final Random random;
    private final String boardId;
    private final String foreignNote;

    FrameFuzzer(Random random, String boardId, String foreignNote) {
      this.random = random;
      this.boardId = boardId;
      this.foreignNote = foreignNote;
    }

    String frame() {
      return switch (random.nextInt(8)) {
        case 0 -> garbage(random.nextInt(200));
        case 1 -> nested(random.nextInt(3000));
        case 2 -> mutate(validOp().encode());
        case 3 -> validOp().encode();
        case 4 ->
            new JsonObject()
                .put("type", "op")
                .put("opId", UUID.randomUUID().toString())
                .put("op", OPS[random.nextInt(OPS.length)])
                .put(
                    "data",
                    new JsonObject()
                        .put("noteId", foreignNote)
                        .put("text", "x")
                        .put("lane", "custody:issues")
                        .put("clusterId", foreignNote))
                .encode();
        case 5 ->
            "{\"type\":\"op\",\"opId\":\""
                + UUID.randomUUID()
                + "\",\"op\":\"note.add\",\"data\":{\"lane\":"
                + "\"custody:issues\",\"text\":\""
                + "é".repeat(2_000 + random.nextInt(6_000))
                + "\"}}";
        case 6 ->
            new JsonObject()
                .put("type", "hello")
                .put("boardId", boardId)
                .put("token", garbage(40))
                .encode();
        default -> wrongTypes();
      };
    }

    String body() {
      return switch (random.nextInt(5)) {
        case 0 -> garbage(random.nextInt(300));
        case 1 -> nested(random.nextInt(2000));
        case 2 ->
            mutate(
                new JsonObject()
                    .put("title", garbage(10))
                    .put("groups", new JsonArray().add("A"))
                    .put("code", garbage(6))
                    .put("phases", new JsonArray().add(1))
                    .encode());
        case 3 -> wrongTypes();
        default -> "{\"title\":\"" + "x".repeat(random.nextInt(70_000)) + "\"}";
      };
    }

    byte[] bytes() {
      byte[] bytes = new byte[random.nextInt(500)];
      random.nextBytes(bytes);
      return bytes;
    }

    private JsonObject validOp() {
      return new JsonObject()
          .put("type", "op")
          .put("opId", UUID.randomUUID().toString())
          .put("op", "note.add")
          .put(
              "data",
              new JsonObject()
                  .put("lane", random.nextBoolean() ? "custody:issues" : "leaving:actors")
                  .put("text", garbage(1 + random.nextInt(100)))
                  .put("tags", new JsonArray().add("foster")));
    }

    private String wrongTypes() {
      Object[] values = {
        1, -1, 1e308, true, null, "", new JsonArray(), new JsonObject(), "\u0000", List.of(1, 2)
      };
      JsonObject data = new JsonObject();
      for (String field :
          new String[] {"lane", "text", "tags", "noteId", "version", "name", "noteIds", "stage"}) {
        data.put(field, values[random.nextInt(values.length)]);
      }
      return new JsonObject()
          .put("type", random.nextBoolean() ? "op" : values[random.nextInt(values.length)])
          .put("opId", values[random.nextInt(values.length)])
          .put("op", OPS[random.nextInt(OPS.length)])
          .put("data", data)
          .put("title", values[random.nextInt(values.length)])
          .encode();
    }

    private String mutate(String s) {
      StringBuilder b = new StringBuilder(s);
      int edits = 1 + random.nextInt(5);
      for (int i = 0; i < edits && b.length() > 0; i++) {
        int at = random.nextInt(b.length());
        switch (random.nextInt(3)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, (char) (32 + random.nextInt(95)));
          default -> b.setCharAt(at, "{}[]\",:\\0".charAt(random.nextInt(9)));
        }
      }
      return b.toString();
    }

    private String nested(int depth) {
      return "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2);
    }

    private String garbage(int length) {
      StringBuilder b = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        b.append(
            (char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
      }
      return b.toString();
    }
  }
}
