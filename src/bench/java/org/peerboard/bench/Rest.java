package org.peerboard.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The REST side, as an outside client uses it: workshops, joins, and the board as the database has
 * it.
 */
final class Rest {
  /** One board of a workshop: what the organiser gets back. */
  record Board(String id, String joinCode, String moderatorKey) {}

  /** A participant who joined by code. */
  record Participant(String boardId, String participantId, String token) {}

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  Rest(String base) {
    this.base = base;
  }

  /** {@code count} boards, made as workshops of at most 25 groups each. */
  List<Board> boards(int count) {
    List<Board> boards = new ArrayList<>();
    while (boards.size() < count) {
      int groups = Math.min(25, count - boards.size());
      JsonArray names = new JsonArray();
      for (int i = 0; i < groups; i++) {
        names.add("G" + (boards.size() + i + 1));
      }
      JsonObject created =
          post(
              "/api/workshops",
              new JsonObject()
                  .put("title", "Benchmark")
                  .put("place", "Prato")
                  .put("language", "en")
                  .put("groups", names),
              201);
      created
          .getJsonArray("boards")
          .forEach(
              o -> {
                JsonObject b = (JsonObject) o;
                boards.add(
                    new Board(
                        b.getString("id"), b.getString("joinCode"), b.getString("moderatorKey")));
              });
    }
    return boards;
  }

  Participant join(String code, String name) {
    JsonObject joined =
        post(
            "/api/join",
            new JsonObject().put("consent", true).put("code", code).put("name", name),
            200);
    return new Participant(
        joined.getString("boardId"),
        joined.getString("participantId"),
        joined.getString("participantToken"));
  }

  /** {@code perBoard} participants on each board, joined {@code parallel} at a time. */
  List<List<Participant>> joinAll(List<Board> boards, int perBoard, int parallel) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<List<Future<Participant>>> futures = new ArrayList<>();
      for (Board board : boards) {
        List<Future<Participant>> one = new ArrayList<>();
        for (int i = 0; i < perBoard; i++) {
          String name = "P" + i;
          one.add(pool.submit(() -> join(board.joinCode(), name)));
        }
        futures.add(one);
      }
      List<List<Participant>> all = new ArrayList<>();
      for (List<Future<Participant>> one : futures) {
        List<Participant> people = new ArrayList<>();
        for (Future<Participant> f : one) {
          people.add(f.get());
        }
        all.add(people);
      }
      return all;
    } finally {
      pool.shutdown();
    }
  }

  JsonObject board(String boardId, String bearer) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/boards/" + boardId))
            .header("Authorization", "Bearer " + bearer)
            .GET(),
        200);
  }

  private JsonObject post(String path, JsonObject body, int expected) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())),
        expected);
  }

  private JsonObject send(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      return new JsonObject(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
