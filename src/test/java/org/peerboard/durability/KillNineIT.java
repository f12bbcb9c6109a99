package org.peerboard.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Runs the packaged jar as a separate process, as an operator would, and kills it without warning.
 */
@DisplayName("The packaged jar survives kill -9 and shuts down cleanly on SIGTERM")
class KillNineIT {
  private final Path data;
  private final int port = TestApp.freePort();
  private final int dbPort = TestApp.freePort();

  KillNineIT() throws Exception {
    data = Files.createTempDirectory("peerboard-kill9");
  }

  private Process startJar() throws Exception {
    File jar = new File("target/peerboard.jar");
    assertTrue(jar.exists(), "run through `mvn verify`: the jar is built in the package phase");
    ProcessBuilder builder =
        new ProcessBuilder(javaBin(), "-jar", jar.getAbsolutePath())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile()));
    Map<String, String> env = builder.environment();
    env.put("PORT", Integer.toString(port));
    env.put(
        "HOST",
        "127.0.0.1"); // on localhost only no admin token is made, so the test may create workshops
    env.put("PEERBOARD_DATA_DIR", data.toString());
    env.put("PEERBOARD_DB_PORT", Integer.toString(dbPort));
    env.put("PEERBOARD_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("PEERBOARD_NOTES_PER_MINUTE", "1000"); // one participant posts 50 notes in a burst here
    env.put("PEERBOARD_LIVE_LOOPS", Integer.toString(TestApp.LOOPS)); // boards over 4 loops
    Process process = builder.start();
    Api api = new Api("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(process.isAlive(), () -> "the jar exited early:\n" + log());
      try {
        if (api.get("/health", null).status() == 200) {
          return process;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the jar did not become healthy:\n" + log());
  }

  private String log() {
    try {
      return Files.readString(data.resolve("server.log"));
    } catch (Exception e) {
      return "(no log)";
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  @Test
  @DisplayName(
      "every acked note survives kill -9; resent unacked ops create no duplicate; SIGTERM says going away and exits within 15 s")
  void killNineThenRestart() throws Exception {
    Process first = startJar();
    Api api = new Api("http://127.0.0.1:" + port);
    Api.Workshop workshop = api.workshop("Prato", "A");
    Api.Participant alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
    List<String> ackedNotes = new ArrayList<>();
    List<String> opIds = new ArrayList<>();
    try (WsClient ws = WsClient.hello(port, alice.boardId(), alice.token(), null)) {
      for (int i = 0; i < 50; i++) {
        String opId = UUID.randomUUID().toString();
        opIds.add(opId);
        ws.op(
            opId,
            "note.add",
            new JsonObject().put("lane", "custody:issues").put("text", "acked " + i));
        ackedNotes.add(ws.answer(opId).getJsonObject("result").getString("noteId"));
      }
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertFalse(first.isAlive());
    assertTrue(
        Files.exists(data.resolve("postgres/postmaster.pid")),
        "the killed jar left its PostgreSQL running, as it would in production");

    Process second = startJar();
    try {
      JsonObject board = api.get("/api/boards/" + alice.boardId(), alice.token()).json();
      List<String> kept =
          board.getJsonArray("notes").stream().map(n -> ((JsonObject) n).getString("id")).toList();
      assertEquals(ackedNotes, kept, "every acknowledged note is there, in order");

      try (WsClient ws = WsClient.hello(port, alice.boardId(), alice.token(), null)) {
        ws.op(
            opIds.get(49),
            "note.add",
            new JsonObject().put("lane", "custody:issues").put("text", "acked 49"));
        assertEquals(
            ackedNotes.get(49),
            ws.answer(opIds.get(49)).getJsonObject("result").getString("noteId"));
        assertEquals(
            50,
            api.get("/api/boards/" + alice.boardId(), alice.token())
                .json()
                .getJsonArray("notes")
                .size(),
            "a resent op creates no duplicate");

        List<RawClient> halfOpen = new ArrayList<>();
        try {
          for (int i = 0;
              i < 200;
              i++) { // requests whose headers never end, as in a slowloris attack
            RawClient client = new RawClient("127.0.0." + (60 + i % 5), port);
            client.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a");
            halfOpen.add(client);
          }
          long stopping = System.nanoTime();
          second.destroy();
          assertEquals(
              Short.valueOf((short) 1001), ws.awaitClose(), "sockets are closed with going-away");
          assertTrue(
              second.waitFor(15, TimeUnit.SECONDS),
              "the jar exits on SIGTERM within 15 s, half-open " + "requests or not:\n" + log());
          System.out.printf(
              "SIGTERM with 200 half-open requests and a WebSocket: exited in %d ms%n",
              (System.nanoTime() - stopping) / 1_000_000);
        } finally {
          halfOpen.forEach(RawClient::close);
        }
      }
      assertFalse(
          Files.exists(data.resolve("postgres/postmaster.pid")),
          "embedded PostgreSQL was stopped:\n" + log());
    } finally {
      second.destroyForcibly();
    }
  }
}
