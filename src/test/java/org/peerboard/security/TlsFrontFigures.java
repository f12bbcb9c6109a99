package org.peerboard.security;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

/**
 * What the TLS front costs: a small fan-out over WSS (a board of {@code front.sockets} phones, one
 * note every 50 ms from a rotating author), with the front and without it, alternated. A harness,
 * not a test: {@code mvn -q -B test -Dtest=TlsFrontFigures -Dpeerboard.tlsfront=true}; it writes
 * {@code target/tls-front-figures.txt}.
 */
@EnabledIfSystemProperty(named = "peerboard.tlsfront", matches = "true")
@DisplayName("TLS front figures harness (issue 27)")
class TlsFrontFigures {
  private static final int SOCKETS = Integer.getInteger("front.sockets", 100);
  private static final int NOTES = Integer.getInteger("front.notes", 300);

  @Test
  void fanOut() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(
        "| wiring | sockets | notes | note to last socket p50 / p90 / p99 ms | JVM CPU s (server and clients) |");
    lines.add("| --- | --- | --- | --- | --- |");
    run(true); // warm-up: the first run in the JVM measures the JIT, not the wiring
    for (boolean front : new boolean[] {false, true, false, true, false, true}) {
      lines.add(run(front));
      System.out.println(lines.get(lines.size() - 1));
    }
    Files.write(Path.of("target/tls-front-figures.txt"), lines);
    lines.forEach(System.out::println);
  }

  private static String run(boolean front) throws Exception {
    Config config = TestApp.onSharedDatabase("tls-front-figures");
    PeerBoard app =
        PeerBoard.start(
            config
                .withPublicUrl("https://127.0.0.1:" + config.port())
                .withTls(new Config.Tls(Optional.empty(), Optional.empty(), true, 0, front)));
    Vertx vertx = Vertx.vertx();
    try {
      Api api = TestApp.api();
      Api.Workshop workshop = api.workshop("Fan-out", "All");
      String boardId = workshop.board(0).getString("id");
      String code = workshop.board(0).getString("joinCode");
      WebSocketClient client =
          vertx.createWebSocketClient(
              new WebSocketClientOptions()
                  .setSsl(true)
                  .setTrustAll(true)
                  .setVerifyHost(false)
                  .setMaxConnections(SOCKETS + 10));
      Map<Long, AtomicInteger> arrived = new ConcurrentHashMap<>();
      Map<String, Long> sentAt = new ConcurrentHashMap<>();
      Map<Long, Long> seqSentAt = new ConcurrentHashMap<>();
      Map<Long, Long> lastAt = new ConcurrentHashMap<>();
      List<WebSocket> sockets = new ArrayList<>();
      for (int i = 0; i < SOCKETS; i++) {
        String token = api.join(code, "Phone " + i).token();
        WebSocket socket =
            client
                .connect(
                    new WebSocketConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(app.port())
                        .setSsl(true)
                        .setURI("/ws"))
                .await(20, TimeUnit.SECONDS);
        CountDownLatch welcomed = new CountDownLatch(1);
        socket.textMessageHandler(
            text -> {
              long now = System.nanoTime();
              JsonObject frame = new JsonObject(text);
              String type = frame.getString("type");
              if ("welcome".equals(type)) {
                welcomed.countDown();
              } else if ("ack".equals(type)) {
                Long at = sentAt.get(frame.getString("opId"));
                if (at != null) {
                  seqSentAt.put(frame.getLong("seq"), at);
                }
              } else if ("event".equals(type) && "note.added".equals(frame.getString("event"))) {
                long seq = frame.getLong("seq");
                arrived.computeIfAbsent(seq, s -> new AtomicInteger()).incrementAndGet();
                lastAt.merge(seq, now, Math::max);
              }
            });
        socket
            .writeTextMessage(
                new JsonObject()
                    .put("type", "hello")
                    .put("boardId", boardId)
                    .put("token", token)
                    .encode())
            .await();
        welcomed.await(20, TimeUnit.SECONDS);
        sockets.add(socket);
      }
      long cpuBefore = cpuNanos();
      for (int n = 0; n < NOTES; n++) {
        WebSocket author = sockets.get(n % SOCKETS);
        String opId = UUID.randomUUID().toString();
        sentAt.put(opId, System.nanoTime());
        author.writeTextMessage(
            new JsonObject()
                .put("type", "op")
                .put("opId", opId)
                .put("op", "note.add")
                .put(
                    "data",
                    new JsonObject()
                        .put("lane", "custody:issues")
                        .put("tags", new JsonArray())
                        .put("text", "Nota " + n + " sulla presa in carico delle famiglie."))
                .encode());
        Thread.sleep(50);
      }
      Thread.sleep(3_000);
      long cpu = cpuNanos() - cpuBefore;
      double[] latencies =
          seqSentAt.entrySet().stream()
              .filter(e -> lastAt.containsKey(e.getKey()))
              .filter(e -> arrived.get(e.getKey()).get() == SOCKETS)
              .mapToDouble(e -> (lastAt.get(e.getKey()) - e.getValue()) / 1e6)
              .sorted()
              .toArray();
      sockets.forEach(WebSocket::close);
      return String.format(
          "| %s | %d | %d of %d reached every socket | %.1f / %.1f / %.1f | %.1f |",
          front ? "TLS front" : "TLS on the public port",
          SOCKETS,
          latencies.length,
          NOTES,
          pct(latencies, 0.5),
          pct(latencies, 0.9),
          pct(latencies, 0.99),
          cpu / 1e9);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      app.close();
    }
  }

  private static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
