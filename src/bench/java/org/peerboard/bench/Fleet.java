package org.peerboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator's sockets: one Vert.x with a few event loops ({@code -Dbench.clientLoops},
 * default 2), and a WebSocket client that offers per-message deflate as browsers do ({@code
 * -Dbench.deflate=false} to turn it off).
 */
final class Fleet implements AutoCloseable {
  final Vertx vertx;
  final WebSocketClient client;
  final boolean deflate;

  Fleet() {
    deflate = Opts.flag("deflate", true);
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Opts.integer("clientLoops", 2)));
    client =
        vertx.createWebSocketClient(
            new WebSocketClientOptions()
                .setMaxConnections(1_000_000)
                .setConnectTimeout(60_000)
                .setTryUsePerMessageCompression(deflate)
                .setMaxMessageSize(4 * 1024 * 1024)
                .setMaxFrameSize(4 * 1024 * 1024));
  }

  /**
   * Opens each peer's socket on its target and says hello, at most {@code parallel} at a time;
   * returns when all are welcomed. {@code since} null asks for the full board in the welcome.
   */
  void connect(List<Peer> peers, List<Target> targets, Long since, int parallel) throws Exception {
    Semaphore window = new Semaphore(parallel);
    AtomicInteger failed = new AtomicInteger();
    CompletableFuture<?>[] all = new CompletableFuture<?>[peers.size()];
    for (int i = 0; i < peers.size(); i++) {
      window.acquire();
      all[i] =
          connectRetrying(peers.get(i), targets.get(i % targets.size()), since, 3)
              .whenComplete(
                  (ok, e) -> {
                    if (e != null && failed.incrementAndGet() <= 3) {
                      System.out.println("connect failed: " + e);
                    }
                    window.release();
                  });
    }
    CompletableFuture.allOf(all).exceptionally(e -> null).get(10, TimeUnit.MINUTES);
    if (failed.get() > 0) {
      throw new IllegalStateException(
          failed.get() + " of " + peers.size() + " sockets could not connect");
    }
  }

  /**
   * Like a phone: a socket whose hello failed (e.g. {@code unavailable}) comes back after a second.
   */
  CompletableFuture<?> connectRetrying(Peer peer, Target target, Long since, int tries) {
    return connect(peer, target, since)
        .handle(
            (ok, e) -> {
              if (e == null || tries <= 1) {
                return e == null
                    ? CompletableFuture.completedFuture(ok)
                    : CompletableFuture.failedFuture(e);
              }
              retries.incrementAndGet();
              peer.reset();
              return CompletableFuture.runAsync(
                      () -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                  .thenCompose(v -> connectRetrying(peer, target, since, tries - 1));
            })
        .thenCompose(f -> f);
  }

  final AtomicInteger retries = new AtomicInteger();

  CompletableFuture<?> connect(Peer peer, Target target, Long since) {
    return client
        .connect(
            new WebSocketConnectOptions()
                .setHost(target.host())
                .setPort(target.port())
                .setURI("/ws"))
        .compose(ws -> peer.hello(ws, since))
        .toCompletionStage()
        .toCompletableFuture();
  }

  void closeAll(List<Peer> peers) throws InterruptedException {
    for (Peer p : peers) {
      if (p.ws != null && !p.closed) {
        p.ws.close();
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (peers.stream().anyMatch(p -> p.ws != null && !p.closed)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
