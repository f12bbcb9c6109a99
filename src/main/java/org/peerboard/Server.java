package org.peerboard;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.web.BoardRoutes;
import org.peerboard.db.DbSettings;
import org.peerboard.vote.db.VoteFigures;
import org.peerboard.export.web.ExportFeature;
import org.peerboard.http.ConnectionGuard;
import org.peerboard.http.HealthRoutes;
import org.peerboard.http.HttpErrors;
import org.peerboard.http.Links;
import org.peerboard.http.Origins;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.SecurityHeaders;
import org.peerboard.live.LiveHub;
import org.peerboard.live.Notifier;
import org.peerboard.live.WsHandler;
import org.peerboard.pages.PageRoutes;
import java.util.List;
import org.peerboard.vote.db.VoteChanges;
import org.peerboard.vote.db.VoteStore;
import org.peerboard.vote.web.VoteRoutes;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.web.JoinGuard;
import org.peerboard.workshop.web.WorkshopRoutes;

/** The HTTP and WebSocket server: wires each feature's routes onto one router and listens. */
public final class Server extends VerticleBase {
  public static final short GOING_AWAY = 1001;
  /** How long a shutdown waits for requests in progress before closing every connection. */
  static final int SHUTDOWN_GRACE_SECONDS = 3;

  private final Config config;
  private final DbSettings db;
  private final Links links;
  private Pool pool;
  private LiveHub hub;
  private Notifier notifier;
  private HttpServer server;
  private HttpServer redirect;
  private ConnectionGuard guard;
  private final java.util.Optional<io.vertx.core.net.KeyCertOptions> tls;

  public Server(Config config, DbSettings db, Links links) {
    this(config, db, links, java.util.Optional.empty());
  }

  /** With {@code tls}, the server speaks HTTPS only (and plain HTTP on the redirect port says where to go). */
  public Server(Config config, DbSettings db, Links links, java.util.Optional<io.vertx.core.net.KeyCertOptions> tls) {
    this.config = config;
    this.db = db;
    this.links = links;
    this.tls = tls;
  }

  @Override
  public Future<?> start() {
    PgConnectOptions connect = connectOptions(db);
    pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(16).setMaxWaitQueueSize(2_000)
            // a burst of ops waits its turn; when PostgreSQL is gone, connecting fails at once (or the op times out)
            .setConnectionTimeout(15).setConnectionTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS))
        .connectingTo(connect)
        .using(vertx)
        .build();
    Templates templates = new Templates(pool);
    VoteStore votes = new VoteStore(pool);
    BoardStore boards = new BoardStore(pool, templates, List.of(new VoteChanges()), List.of(votes));
    Access access = new Access(pool);
    Config.Defences defences = config.defences();
    WorkshopStore workshops = new WorkshopStore(pool, templates, config.limits().participantsPerBoard(),
        defences.codeExpiryDays());
    hub = new LiveHub(vertx, boards, pool);
    notifier = new Notifier(vertx, connect, hub);
    WsHandler ws = new WsHandler(vertx, access, boards, hub, config.maxFrameBytes(), config.limits().notesPerMinute(),
        defences);
    guard = new ConnectionGuard(vertx, defences.headerTimeoutSeconds(), defences.idleTimeoutSeconds(),
        defences.connectionsPerAddress());

    Router router = Router.router(vertx);
    router.route().handler(guard::idleAfterAnswer);
    router.route().handler(SecurityHeaders::apply);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    Origins origins = new Origins(links);
    router.route("/ws").handler(ctx -> {
      if (!origins.allowed(ctx.request())) {
        ctx.fail(new Rejection(ErrorCode.FORBIDDEN, "error.forbidden"));
        return;
      }
      ctx.request().toWebSocket().onSuccess(ws::accept).onFailure(e -> ctx.fail(400, e));
    });
    new HealthRoutes(pool).mount(router);
    JoinGuard joinGuard = new JoinGuard(config.limits().failedJoinsPerMinute());
    joinGuard.mount(router);
    WorkshopRoutes workshopRoutes = new WorkshopRoutes(workshops, templates, access, boards, links,
        config.adminToken(), joinGuard, defences);
    workshopRoutes.mount(router);
    vertx.setPeriodic(60_000, id -> {
      ws.sweepLimits();
      joinGuard.sweep();
      workshopRoutes.sweep();
      guard.summarise();
    });
    new BoardRoutes(access, boards).mount(router);
    new VoteRoutes(access, votes).mount(router);
    PageRoutes pages = new PageRoutes(vertx, workshops, access, boards, templates, links, config, joinGuard);
    pages.mount(router);
    ExportFeature.mount(vertx, router, pool, templates, links, new VoteFigures(pool), pages::errorPage);
    router.route("/static/*").handler(StaticHandler.create("web/static").setCachingEnabled(!config.devMode()));
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(HttpErrors::handle);

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        // no browser speaks HTTP/2 in clear; with it on, Vert.x waits to see which protocol a connection speaks
        // before it tells us of the connection at all, so a half-sent request could never be timed out
        .setHttp2ClearTextEnabled(false)
        // WsHandler bounds the whole message (all its fragments) by maxFrameBytes and closes with 1009 past it;
        // Netty's own bound is a backstop further out, for a single frame too large to even read (it drops the
        // connection without a close frame)
        .setMaxWebSocketFrameSize(4 * config.maxFrameBytes())
        .setMaxWebSocketMessageSize(4 * config.maxFrameBytes())
        // frames are small JSON: deflating each one per socket cost ~45 µs x every socket (docs/benchmarks.md)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setCompressionSupported(true);
    tls.ifPresent(certificate -> options.setSsl(true).setKeyCertOptions(certificate));
    Future<HttpServer> redirecting = tls.isPresent() && config.tls().redirectPort() > 0
        ? vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.tls().redirectPort())
                .setHttp2ClearTextEnabled(false))
            .connectionHandler(guard::connected)
            .requestHandler(this::toHttps)
            .listen()
        : Future.succeededFuture(null);
    return notifier.start()
        .compose(v -> vertx.createHttpServer(options)
            .connectionHandler(guard::connected)
            .requestHandler(request -> {
              guard.request(request);
              router.handle(request);
            })
            .listen())
        .onSuccess(s -> server = s)
        .compose(s -> redirecting)
        .onSuccess(r -> redirect = r);
  }

  /** Plain HTTP when HTTPS is on: the same path on the HTTPS address. */
  private void toHttps(io.vertx.core.http.HttpServerRequest request) {
    guard.request(request);
    String base = links.base().startsWith("https://") ? links.base() : "https://" + hostOnly(request.authority())
        + ":" + server.actualPort();
    request.response().setStatusCode(301).putHeader("Location", base + request.uri()).end()
        .onComplete(sent -> guard.answered(request.connection()));
  }

  private static String hostOnly(io.vertx.core.net.HostAndPort authority) {
    return authority == null ? "localhost" : authority.host();
  }

  @Override
  public Future<?> stop() {
    // half-open and idle connections are not waited for: SIGTERM must end the process in seconds, not 30 s
    Future<Void> closed = server == null ? Future.succeededFuture()
        : server.shutdown(SHUTDOWN_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    if (redirect != null) {
      redirect.close();
    }
    hub.closeAll(GOING_AWAY, "server shutting down");
    return closed.compose(v -> notifier.stop()).compose(v -> pool.close());
  }

  public int actualPort() {
    return server.actualPort();
  }

  /** The port answering plain HTTP with a redirect to HTTPS; -1 when there is none. */
  public int redirectPort() {
    return redirect == null ? -1 : redirect.actualPort();
  }

  public ConnectionGuard connectionGuard() {
    return guard;
  }

  static PgConnectOptions connectOptions(DbSettings db) {
    return new PgConnectOptions()
        .setHost(db.host())
        .setPort(db.port())
        .setDatabase(db.database())
        .setUser(db.user())
        .setPassword(db.password())
        // parsed and planned once per connection, not on every execution: with it, an op costs the database
        // markedly less CPU (docs/benchmarks.md, scenario e)
        .setCachePreparedStatements(true)
        // one command at a time per connection. With the statement cache AND pipelining on, a request hung for ever
        // in our tests (AuthorizationMatrixTest, no error anywhere), in line with a Vert.x SQL client bug fixed after
        // 5.0.7 ("Pipelining depth grows unbounded when prepared statement is retried with explicit parameter
        // types", eclipse-vertx/vertx-sql-client#1646). Revisit when upgrading: sending BEGIN with a transaction's
        // first statement and COMMIT behind its last would then save two round trips per op.
        .setPipeliningLimit(1);
  }
}
