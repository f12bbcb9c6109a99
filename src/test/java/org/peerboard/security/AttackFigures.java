package org.peerboard.security;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.RawClient;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Figures harness, not a test: the attacks of issue 27 against a server with the production
 * defaults, each with a bystander (a moderator of another workshop posting a note every 100 ms)
 * measured before and during, and the test JVM's resident memory (server and clients together).
 * Prints a table and writes it to target/attack-figures.txt. Run with {@code mvn -q -B test
 * -Dtest=AttackFigures -Dpeerboard.attacks=true}.
 */
@EnabledIfSystemProperty(named = "peerboard.attacks", matches = "true")
@DisplayName("Attack figures harness (issue 27)")
class AttackFigures {
  private static final int BIG_BOARD_NOTES = Integer.getInteger("attacks.notes", 2_000);
  private static PeerBoard app;
  private static Api api;
  private static final List<String> lines = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    app =
        PeerBoard.start(
            TestApp.onSharedDatabase("attacks")
                .withDefences(runnersUnlimited(Config.Defences.DEFAULTS))
                .withBudgets(Config.Budgets.DEFAULTS));
    api = new Api("http://127.0.0.1:" + app.port());
  }

  /** The defaults, but the harness's own moderator may fill a large board quickly. */
  private static Config.Defences runnersUnlimited(Config.Defences d) {
    return new Config.Defences(
        d.headerTimeoutSeconds(),
        d.idleTimeoutSeconds(),
        d.helloTimeoutSeconds(),
        d.connectionsPerAddress(),
        d.opsPerMinute(),
        1_000_000,
        d.pendingOpsPerSocket(),
        d.hellosPerMinute(),
        d.codeExpiryDays(),
        d.workshopsPerHour(),
        d.adminFailuresPerMinute());
  }

  @AfterAll
  static void stop() throws Exception {
    app.close();
    Files.write(Path.of("target/attack-figures.txt"), lines);
  }

  /** A moderator of another workshop posting a note every 100 ms; round trips in ms. */
  private static final class Bystander implements AutoCloseable {
    final WsClient ws;
    final List<Double> trips = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean running = new AtomicBoolean(true);
    final Thread thread;

    Bystander() {
      Api.Workshop w = api.workshop("Bystander", "A");
      JsonObject b = w.board(0);
      ws = WsClient.hello(app.port(), b.getString("id"), b.getString("moderatorKey"), null);
      thread =
          new Thread(
              () -> {
                int i = 0;
                while (running.get()) {
                  long t = System.nanoTime();
                  ws.answer(
                      ws.op(
                          "note.add",
                          new JsonObject().put("lane", "custody:issues").put("text", "b " + i++)));
                  trips.add((System.nanoTime() - t) / 1e6);
                  sleep(100);
                }
              });
      thread.start();
    }

    List<Double> take() {
      synchronized (trips) {
        List<Double> copy = new ArrayList<>(trips);
        trips.clear();
        return copy;
      }
    }

    @Override
    public void close() {
      running.set(false);
      try {
        thread.join(15_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ws.close();
    }
  }

  @Test
  void measure() throws Exception {
    Api.Workshop target = api.workshop("Target", "A");
    JsonObject board = target.board(0);
    String boardId = board.getString("id");
    String code = board.getString("joinCode");
    fill(board, BIG_BOARD_NOTES);
    try (Bystander bystander = new Bystander()) {
      sleep(5_000);
      run(
          bystander,
          "join flood: 20 threads POST /api/join, one address, 6 s",
          () -> joinFlood(code));
      run(bystander, "hello storm: 20 tokens, one address, 10 s", () -> helloStorm(code, boardId));
      run(
          bystander,
          "malformed frames: 2 sockets of 3,000-deep arrays, 10 s",
          AttackFigures::frames);
      run(
          bystander,
          "35 parallel downloads (xlsx, qdpx, json, report) + /health polled",
          () -> exports(target));
      run(
          bystander,
          "20 concurrent suggestions on one lane",
          () -> suggestions(boardId, board.getString("moderatorKey")));
    }
    lines.forEach(System.out::println);
  }

  private interface Attack {
    String run() throws Exception;
  }

  private static void run(Bystander bystander, String name, Attack attack) throws Exception {
    bystander.take();
    sleep(3_000);
    List<Double> before = bystander.take();
    long rssBefore = rssMb();
    AtomicBoolean sampling = new AtomicBoolean(true);
    AtomicInteger peak = new AtomicInteger((int) rssBefore);
    Thread sampler =
        new Thread(
            () -> {
              while (sampling.get()) {
                peak.accumulateAndGet((int) rssMb(), Math::max);
                sleep(200);
              }
            });
    sampler.start();
    String outcome = attack.run();
    sampling.set(false);
    sampler.join();
    List<Double> during = bystander.take();
    String line =
        String.format(
            "| %s | %s | %s → %s | %d → %d MB |",
            name, outcome, figures(before), figures(during), rssBefore, peak.get());
    lines.add(line);
    System.out.println(line);
    System.gc();
    sleep(3_000);
  }

  private static String figures(List<Double> trips) {
    if (trips.isEmpty()) {
      return "no round trip";
    }
    List<Double> sorted = new ArrayList<>(trips);
    Collections.sort(sorted);
    return String.format(
        "median %.1f ms, p90 %.1f ms (n=%d)",
        sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.9)), sorted.size());
  }

  private static String joinFlood(String code) throws Exception {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    long end = System.nanoTime() + 6_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(20);
    for (int t = 0; t < 20; t++) {
      pool.submit(
          () -> {
            while (System.nanoTime() < end) {
              try {
                String answer =
                    RawClient.request(
                        "127.0.0.100",
                        app.port(),
                        "POST",
                        "/api/join",
                        new JsonObject().put("code", code).put("consent", true).encode());
                statuses.merge(RawClient.status(answer), 1, Integer::sum);
              } catch (Exception e) {
                statuses.merge(-1, 1, Integer::sum);
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(60, TimeUnit.SECONDS);
    return "answers " + new TreeMap<>(statuses);
  }

  private static String helloStorm(String code, String boardId) throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tokens.add(api.join(code, "storm" + i).token());
    }
    AtomicInteger welcomed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    long end = System.nanoTime() + 10_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(20);
    for (String token : tokens) {
      pool.submit(
          () -> {
            String hello =
                new JsonObject()
                    .put("type", "hello")
                    .put("boardId", boardId)
                    .put("token", token)
                    .encode();
            while (System.nanoTime() < end) {
              try (RawClient client = new RawClient("127.0.0.101", app.port())) {
                client.upgrade(app.port());
                client.text(hello);
                String first = client.nextText();
                if (first != null && first.contains("\"welcome\"")) {
                  welcomed.incrementAndGet();
                } else {
                  refused.incrementAndGet();
                }
              } catch (Exception e) {
                refused.incrementAndGet();
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(120, TimeUnit.SECONDS);
    return welcomed.get() + " welcomes, " + refused.get() + " refused";
  }

  private static String frames() throws Exception {
    String deep = "[".repeat(3_000) + "]".repeat(3_000);
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger cut = new AtomicInteger();
    long end = System.nanoTime() + 10_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    for (int s = 0; s < 2; s++) {
      int socket = s;
      pool.submit(
          () -> {
            while (System.nanoTime() < end) {
              try (RawClient client = new RawClient("127.0.0.10" + (2 + socket), app.port())) {
                client.upgrade(app.port());
                while (System.nanoTime() < end) {
                  client.text(deep);
                  sent.incrementAndGet();
                }
              } catch (Exception closed) {
                cut.incrementAndGet();
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(60, TimeUnit.SECONDS);
    return sent.get() + " frames sent, sockets cut off " + cut.get() + " times";
  }

  private static String exports(Api.Workshop target) throws Exception {
    String key = target.organiserKey();
    String w = "/api/workshops/" + target.id();
    List<String> paths =
        List.of(
            w + "/export.xlsx",
            w + "/export.qdpx",
            w + "/export.json",
            "/w/" + target.id() + "/report");
    HttpClient http = HttpClient.newHttpClient();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    Map<Integer, Integer> health = new ConcurrentHashMap<>();
    AtomicBoolean polling = new AtomicBoolean(true);
    Thread poller =
        new Thread(
            () -> {
              while (polling.get()) {
                health.merge(status(http, "/health", null), 1, Integer::sum);
                sleep(200);
              }
            });
    poller.start();
    ExecutorService pool = Executors.newFixedThreadPool(35);
    for (int i = 0; i < 35; i++) {
      String path = paths.get(i % paths.size());
      pool.submit(() -> statuses.merge(status(http, path, key), 1, Integer::sum));
    }
    pool.shutdown();
    pool.awaitTermination(300, TimeUnit.SECONDS);
    polling.set(false);
    poller.join();
    return "downloads " + new TreeMap<>(statuses) + ", /health " + new TreeMap<>(health);
  }

  private static String suggestions(String boardId, String key) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    for (int i = 0; i < 20; i++) {
      pool.submit(
          () ->
              statuses.merge(
                  status(http, "/api/boards/" + boardId + "/suggestions?lane=improvements", key),
                  1,
                  Integer::sum));
    }
    pool.shutdown();
    pool.awaitTermination(300, TimeUnit.SECONDS);
    return String.format(
        "answers %s in %.1f s", new TreeMap<>(statuses), (System.nanoTime() - start) / 1e9);
  }

  private static int status(HttpClient http, String path, String key) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
              .timeout(Duration.ofSeconds(120));
      if (key != null) {
        request.header("Authorization", "Bearer " + key);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Notes of 60-110 characters, half in the improvements lane. */
  private static void fill(JsonObject board, int notes) {
    try (WsClient moderator =
        WsClient.hello(app.port(), board.getString("id"), board.getString("moderatorKey"), null)) {
      for (int done = 0; done < notes; done += 16) {
        List<String> ops = new ArrayList<>();
        for (int i = done; i < Math.min(notes, done + 16); i++) {
          ops.add(
              moderator.op(
                  "note.add",
                  new JsonObject()
                      .put("lane", i % 2 == 0 ? "improvements" : "custody:issues")
                      .put(
                          "text",
                          "Proposal "
                              + i
                              + ": shared training for foster families and residential staff "
                              + (i % 7 == 0 ? "with a named contact person" : ""))));
        }
        ops.forEach(moderator::answer);
      }
    }
  }

  private static long rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
