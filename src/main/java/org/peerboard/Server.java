package org.peerboard;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.ext.web.Router;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.peerboard.http.ConnectionGuard;
import org.peerboard.http.Links;
import org.peerboard.http.TlsFront;
import org.peerboard.live.LiveHub;

/**
 * The HTTP and WebSocket server on one event loop, answering with the {@link Routes} router; one
 * instance runs on each of the process's live loops ({@code Config.liveLoops}), which the boards
 * are pinned to ({@link LiveHub}). What the loops share is built once, in {@link Shared}.
 */
public final class Server extends VerticleBase {
  public static final short GOING_AWAY = 1001;

  /** How long a shutdown waits for requests in progress before closing every connection. */
  static final int SHUTDOWN_GRACE_SECONDS = 3;

  private final Config config;
  private final Links links;
  private final Shared shared;
  private final int loop;
  private final Optional<KeyCertOptions> tls;
  private Router router;
  private HttpServer server;
  private HttpServer redirect;
  private TlsFront front;

  public Server(Config config, Links links, Shared shared, int loop) {
    this(config, links, shared, loop, Optional.empty());
  }

  /**
   * With {@code tls}, the server speaks HTTPS only (and plain HTTP on the redirect port says where
   * to go).
   */
  public Server(Config config, Links links, Shared shared, int loop, Optional<KeyCertOptions> tls) {
    this.config = config;
    this.links = links;
    this.shared = shared;
    this.loop = loop;
    this.tls = tls;
  }

  @Override
  public Future<?> start() {
    shared.hub.attach(loop, context);
    router = Routes.router(vertx, config, links, shared);
    return Future.succeededFuture();
  }

  /**
   * Listens, on this instance's loop. Called once every loop is deployed (and so attached to the
   * hub), so no socket can say hello before its board's loop is known; the returned future fails
   * loudly when the port is taken.
   */
  public Future<Void> listen() {
    Promise<Void> listening = Promise.promise();
    context.runOnContext(
        v -> {
          HttpServerOptions options =
              new HttpServerOptions()
                  .setHost(config.host())
                  .setPort(config.port())
                  // no browser speaks HTTP/2 in clear; with it on, Vert.x waits to see which
                  // protocol a connection speaks
                  // before it tells us of the connection at all, so a half-sent request could never
                  // be timed out
                  .setHttp2ClearTextEnabled(false)
                  // WsHandler bounds the whole message (all its fragments) by maxFrameBytes and
                  // closes with 1009 past it;
                  // Netty's own bound is a backstop further out, for a single frame too large to
                  // even read (it drops the
                  // connection without a close frame)
                  .setMaxWebSocketFrameSize(4 * config.maxFrameBytes())
                  .setMaxWebSocketMessageSize(4 * config.maxFrameBytes())
                  // frames are small JSON: deflating each one per socket cost ~45 µs x every socket
                  // (docs/benchmarks.md)
                  .setPerMessageWebSocketCompressionSupported(false)
                  .setPerFrameWebSocketCompressionSupported(false)
                  // a socket we closed (1008, 1009) whose peer never answers the close frame, and
                  // keeps sending, is dropped after 3 s instead of Vert.x's 10
                  .setWebSocketClosingTimeout(3)
                  .setCompressionSupported(true);
          ConnectionGuard guard = shared.connections;
          boolean fronted = tls.isPresent() && config.tls().front();
          tls.ifPresent(
              certificate ->
                  options
                      .setSsl(true)
                      .setKeyCertOptions(certificate)
                      // a handshake gets no longer than a request's headers
                      .setSslHandshakeTimeout(
                          Math.min(10, config.defences().headerTimeoutSeconds()))
                      .setSslHandshakeTimeoutUnit(TimeUnit.SECONDS));
          if (fronted) {
            // Vert.x tells of an HTTPS connection only once its handshake is done: the public port
            // is the TLS front, which counts connections at TCP accept; the HTTPS server listens on
            // loopback only and learns each client's address from the front's PROXY header
            options.setHost("127.0.0.1").setPort(0).setUseProxyProtocol(true);
          }
          vertx
              .createHttpServer(options)
              .connectionHandler(fronted ? guard::connectedBehindFront : guard::connected)
              .requestHandler(
                  request -> {
                    guard.request(request);
                    if (!guard.refusedOverCap(request)) {
                      router.handle(request);
                    }
                  })
              .listen()
              .onSuccess(s -> server = s)
              .compose(
                  s -> {
                    if (!fronted) {
                      return Future.succeededFuture();
                    }
                    front = new TlsFront(vertx, guard, s.actualPort());
                    return front.listen(config.host(), config.port());
                  })
              .compose(
                  s ->
                      tls.isPresent() && config.tls().redirectPort() > 0
                          ? vertx
                              .createHttpServer(
                                  new HttpServerOptions()
                                      .setHost(config.host())
                                      .setPort(config.tls().redirectPort())
                                      .setHttp2ClearTextEnabled(false))
                              .connectionHandler(guard::connected)
                              .requestHandler(this::toHttps)
                              .listen()
                              .onSuccess(r -> redirect = r)
                          : Future.succeededFuture(null))
              .<Void>mapEmpty()
              .onComplete(listening);
        });
    return listening.future();
  }

  /** Whether HTTPS is served through the TLS front (the default with HTTPS). */
  static boolean behindFront(Config config) {
    return config.tls().on() && config.tls().front();
  }

  /** Plain HTTP when HTTPS is on: the same path on the HTTPS address. */
  private void toHttps(HttpServerRequest request) {
    shared.connections.request(request);
    String base =
        links.base().startsWith("https://")
            ? links.base()
            : "https://" + hostOnly(request.authority()) + ":" + actualPort();
    request
        .response()
        .setStatusCode(301)
        .putHeader("Location", base + request.uri())
        .end()
        .onComplete(sent -> shared.connections.answered(request.connection()));
  }

  private static String hostOnly(HostAndPort authority) {
    return authority == null ? "localhost" : authority.host();
  }

  @Override
  public Future<?> stop() {
    // half-open and idle connections are not waited for: SIGTERM must end the process in seconds,
    // not 30 s
    Future<Void> closed =
        server == null
            ? Future.succeededFuture()
            : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    if (redirect != null) {
      redirect.close();
    }
    shared.hub.closeLoop(loop, GOING_AWAY, "server shutting down");
    return front == null ? closed : closed.eventually(front::close);
  }

  /** The public port: the TLS front's when there is one. */
  public int actualPort() {
    return front != null ? front.actualPort() : server.actualPort();
  }

  /** The HTTPS server's own port on loopback behind the TLS front; -1 without the front. */
  public int portBehindFront() {
    return front == null ? -1 : server.actualPort();
  }

  /** The port answering plain HTTP with a redirect to HTTPS; -1 when there is none. */
  public int redirectPort() {
    return redirect == null ? -1 : redirect.actualPort();
  }

  public ConnectionGuard connectionGuard() {
    return shared.connections;
  }
}
