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

  private final Config config;
  private final DbSettings db;
  private final Links links;
  private Pool pool;
  private LiveHub hub;
  private Notifier notifier;
  private HttpServer server;

  public Server(Config config, DbSettings db, Links links) {
    this.config = config;
    this.db = db;
    this.links = links;
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
    WorkshopStore workshops = new WorkshopStore(pool, templates, config.limits().participantsPerBoard());
    hub = new LiveHub(vertx, boards, pool);
    notifier = new Notifier(vertx, connect, hub);
    WsHandler ws = new WsHandler(access, boards, hub, config.maxFrameBytes(), config.limits().notesPerMinute());
    vertx.setPeriodic(60_000, id -> ws.sweepLimits());

    Router router = Router.router(vertx);
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
    JoinGuard guard = new JoinGuard(config.limits().failedJoinsPerMinute());
    vertx.setPeriodic(60_000, id -> guard.sweep());
    new WorkshopRoutes(workshops, templates, access, boards, links, config.adminToken(), guard).mount(router);
    new BoardRoutes(access, boards).mount(router);
    new VoteRoutes(access, votes).mount(router);
    org.peerboard.suggest.web.SuggestRoutes.mount(vertx, router, pool, access, templates);
    PageRoutes pages = new PageRoutes(vertx, workshops, access, boards, templates, links, config, guard);
    pages.mount(router);
    ExportFeature.mount(vertx, router, pool, templates, links, new VoteFigures(pool), pages::errorPage);
    router.route("/static/*").handler(StaticHandler.create("web/static").setCachingEnabled(!config.devMode()));
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(HttpErrors::handle);

    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setMaxWebSocketFrameSize(256 * 1024)
        .setMaxWebSocketMessageSize(256 * 1024)
        // frames are small JSON: deflating each one per socket cost ~45 µs x every socket (docs/benchmarks.md)
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        .setCompressionSupported(true);
    return notifier.start()
        .compose(v -> vertx.createHttpServer(options).requestHandler(router).listen())
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.shutdown();
    hub.closeAll(GOING_AWAY, "server shutting down");
    return closed.compose(v -> notifier.stop()).compose(v -> pool.close());
  }

  public int actualPort() {
    return server.actualPort();
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
