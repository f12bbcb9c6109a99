package org.peerboard.export;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A workshop with two groups whose notes were posted through the real WebSocket ops: accents,
 * emoji, newlines, formula-like text, tags and clusters. {@link #posted} remembers what went in, to
 * compare with what comes out.
 */
final class Fixture {
  static final List<String> AWKWARD =
      List.of(
          "Perché la città è così lontana? Più attività 🎉👩‍👧",
          "Riga uno\nRiga due, con \"virgolette\" e; punto e virgola",
          "=HYPERLINK(\"x\")",
          "+1",
          "-1",
          "@SUM(A1)",
          "\tTab first");

  /** A note as it was posted. */
  record Posted(
      String id,
      String boardId,
      String group,
      String lane,
      List<String> tags,
      String text,
      String cluster,
      String author) {}

  final Api api = TestApp.api();
  final int port = TestApp.shared().port();
  final Api.Workshop workshop;
  final Map<String, Posted> posted = new LinkedHashMap<>();
  final Map<String, String> clusterNames = new LinkedHashMap<>();

  Fixture(String title, String place, String... groups) {
    Api.Response response =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", title)
                .put("place", place)
                .put("date", "2022-07-18")
                .put("language", "it")
                .put("groups", new JsonArray(List.of((Object[]) groups))));
    if (response.status() != 201) {
      throw new IllegalStateException(response.toString());
    }
    workshop = new Api.Workshop(response.json());
  }

  /**
   * Fills each group: two participants, awkward and plain notes in several lanes, a cluster per
   * group.
   */
  Fixture fill() {
    for (int g = 0; g < workshop.boards().size(); g++) {
      JsonObject board = workshop.board(g);
      String boardId = board.getString("id");
      String group = board.getString("name");
      Api.Participant anna = api.join(board.getString("joinCode"), "Anna Rossi");
      Api.Participant bruno = api.join(board.getString("joinCode"), "Bruno");
      try (WsClient moderator =
              WsClient.hello(port, boardId, board.getString("moderatorKey"), null);
          WsClient a = WsClient.hello(port, boardId, anna.token(), null);
          WsClient b = WsClient.hello(port, boardId, bruno.token(), null)) {
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < AWKWARD.size(); i++) {
          waiting.add(
              note(
                  a,
                  boardId,
                  group,
                  "custody:issues",
                  List.of("foster"),
                  AWKWARD.get(i) + " " + group,
                  "P1"));
        }
        note(
            b,
            boardId,
            group,
            "custody:issues",
            List.of("facility"),
            "Comunità lontane " + group,
            "P2");
        note(
            b,
            boardId,
            group,
            "reporting:actors",
            List.of("foster", "facility"),
            "Scuola e servizi " + group,
            "P2");
        note(a, boardId, group, "improvements", List.of(), "Più formazione " + group, "P1");
        note(
            moderator,
            boardId,
            group,
            "leaving:resources",
            List.of(),
            "Note by the moderator " + group,
            "");
        String name = "Attese lunghe — " + group;
        JsonObject ack =
            moderator.answer(
                moderator.op(
                    "cluster.create",
                    new JsonObject()
                        .put("lane", "custody:issues")
                        .put("name", name)
                        .put("noteIds", new JsonArray(waiting.subList(0, 3)))));
        String clusterId = ack.getJsonObject("result").getString("clusterId");
        clusterNames.put(clusterId, name);
        for (String id : waiting.subList(0, 3)) {
          Posted p = posted.get(id);
          posted.put(
              id,
              new Posted(
                  p.id(), p.boardId(), p.group(), p.lane(), p.tags(), p.text(), name, p.author()));
        }
      }
    }
    return this;
  }

  private String note(
      WsClient ws,
      String boardId,
      String group,
      String lane,
      List<String> tags,
      String text,
      String author) {
    JsonObject answer =
        ws.answer(
            ws.op(
                "note.add",
                new JsonObject()
                    .put("lane", lane)
                    .put("tags", new JsonArray(tags))
                    .put("text", text)));
    if (!"ack".equals(answer.getString("type"))) {
      throw new AssertionError("note not added: " + answer);
    }
    String id = answer.getJsonObject("result").getString("noteId");
    posted.put(id, new Posted(id, boardId, group, lane, tags, text, null, author));
    return id;
  }

  String id() {
    return workshop.id();
  }

  String organiserKey() {
    return workshop.organiserKey();
  }

  /** A download: status, headers and the raw bytes. */
  record Download(int status, String contentType, String disposition, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static Download get(String path, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(TestApp.api().base() + path))
            .timeout(Duration.ofSeconds(60))
            .GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Download(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Content-Disposition").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int delete(String path, String bearer) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(TestApp.api().base() + path))
            .timeout(Duration.ofSeconds(30))
            .DELETE();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
}
