package org.peerboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Parallel downloads during a session (issue 27: six 500s, {@code /health} 503, the loop blocked
 * for seconds): a server that makes two at a time answers the others 503 with Retry-After, never
 * 500, and {@code /health} stays up all the while.
 */
@DisplayName("Downloads during a session are bounded and never fail the server")
class ExportsUnderLoadTest {
  private static final int AT_ONCE = 2;
  private static PeerBoard app;
  private static Api api;

  @BeforeAll
  static void start() throws Exception {
    Config.Budgets suite = TestApp.SUITE_BUDGETS;
    app =
        PeerBoard.start(
            TestApp.onSharedDatabase("exports")
                .withBudgets(
                    new Config.Budgets(
                        suite.joinsPerAddressPerBoard(),
                        suite.participantsPerBoardPerMinute(),
                        suite.notesPerBoardPerMinute(),
                        suite.hellosPerAddressPerMinute(),
                        suite.badFramesPerSocket(),
                        AT_ONCE,
                        0)));
    api = new Api("http://127.0.0.1:" + app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName(
      "24 parallel downloads (xlsx, qdpx, json, csv, report) with /health polled: 200 or 503 with Retry-After, never 500")
  void parallelDownloads() throws Exception {
    Api.Workshop workshop = api.workshop("Downloads", "A", "B");
    String key = workshop.organiserKey();
    for (int b = 0; b < 2; b++) {
      JsonObject board = workshop.board(b);
      try (WsClient moderator =
          WsClient.hello(
              app.port(), board.getString("id"), board.getString("moderatorKey"), null)) {
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          ops.add(
              moderator.op(
                  "note.add",
                  new JsonObject()
                      .put("lane", i % 2 == 0 ? "custody:issues" : "improvements")
                      .put(
                          "text",
                          ("Note " + i + " about the care pathway and its phases. ").repeat(3))));
        }
        for (String op : ops) {
          assertEquals("ack", moderator.answer(op).getString("type"));
        }
      }
    }
    String w = "/api/workshops/" + workshop.id();
    List<String> paths =
        List.of(
            w + "/export.xlsx",
            w + "/export.qdpx",
            w + "/export.json",
            w + "/export.csv",
            w + "/history.csv",
            "/w/" + workshop.id() + "/report");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    AtomicBoolean storming = new AtomicBoolean(true);
    List<Integer> health = new ArrayList<>();
    Thread poller =
        new Thread(
            () -> {
              while (storming.get()) {
                synchronized (health) {
                  health.add(status(http, "/health", null));
                }
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    poller.start();
    Map<Integer, Integer> statuses = new TreeMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(24);
    try {
      List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String path = paths.get(i % paths.size());
        answers.add(pool.submit(() -> get(http, path, key)));
      }
      for (Future<HttpResponse<byte[]>> answer : answers) {
        HttpResponse<byte[]> response = answer.get();
        statuses.merge(response.statusCode(), 1, Integer::sum);
        assertTrue(
            response.statusCode() == 200 || response.statusCode() == 503,
            response.uri() + " answered " + response.statusCode());
        if (response.statusCode() == 503) {
          assertTrue(
              response.headers().firstValue("Retry-After").isPresent(),
              "a refused download says when to come back");
        }
      }
    } finally {
      storming.set(false);
      poller.join();
      pool.shutdown();
    }
    System.out.printf("parallel downloads: %s; /health polled %d times%n", statuses, health.size());
    assertTrue(
        health.stream().allMatch(s -> s == 200), "/health answered 200 all along: " + health);
    assertTrue(statuses.getOrDefault(200, 0) >= AT_ONCE, "downloads were made: " + statuses);
    for (String path : paths) {
      assertEquals(200, get(http, path, key).statusCode(), path + " once the storm is over");
    }
  }

  private static HttpResponse<byte[]> get(HttpClient http, String path, String key)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .header("Authorization", "Bearer " + key)
            .timeout(Duration.ofSeconds(120))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static int status(HttpClient http, String path, String key) {
    try {
      return get(http, path, key).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
