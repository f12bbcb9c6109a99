package org.peerboard;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.peerboard.action.db.ActionChanges;
import org.peerboard.action.db.ActionStore;
import org.peerboard.action.db.Carried;
import org.peerboard.action.web.ActionRoutes;
import org.peerboard.action.web.CarryForward;
import org.peerboard.agenda.db.AgendaChanges;
import org.peerboard.agenda.db.AgendaStore;
import org.peerboard.agenda.web.AgendaRoutes;
import org.peerboard.agenda.web.RunsheetPage;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.Withdrawal;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.web.BoardPages;
import org.peerboard.board.web.BoardRoutes;
import org.peerboard.db.DbSettings;
import org.peerboard.export.web.ExportFeature;
import org.peerboard.export.web.ExportGate;
import org.peerboard.http.AnswerDeadline;
import org.peerboard.http.ConnectionGuard;
import org.peerboard.http.HealthRoutes;
import org.peerboard.http.HttpErrors;
import org.peerboard.http.Links;
import org.peerboard.http.OpenFiles;
import org.peerboard.http.Origins;
import org.peerboard.http.SecurityHeaders;
import org.peerboard.http.TlsFront;
import org.peerboard.live.LiveHub;
import org.peerboard.live.Notifier;
import org.peerboard.live.WsHandler;
import org.peerboard.pages.Pages;
import org.peerboard.pages.StatementPage;
import org.peerboard.react.db.ReactionChanges;
import org.peerboard.react.db.ReactionStore;
import org.peerboard.security.KeyRing;
import org.peerboard.suggest.web.SuggestRoutes;
import org.peerboard.suggest.web.Suggestions;
import org.peerboard.vote.db.VoteChanges;
import org.peerboard.vote.db.VoteFigures;
import org.peerboard.vote.db.VoteStore;
import org.peerboard.vote.web.VoteRoutes;
import org.peerboard.workshop.db.RightsStore;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.web.JoinGuard;
import org.peerboard.workshop.web.RightsRoutes;
import org.peerboard.workshop.web.WorkshopPages;
import org.peerboard.workshop.web.WorkshopRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP and WebSocket server on one event loop: wires each feature's routes onto a router. One
 * instance runs on each of the process's live loops ({@code Config.liveLoops}); Vert.x spreads
 * connections over them, and the boards are pinned to them ({@link LiveHub}). What the loops share
 * is built once, in {@link Shared}.
 */
public final class Server extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
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

  /**
   * The process-wide parts: one database pool, the stores, the live hub and its LISTEN connection,
   * the limits. They are called from every loop: the pool completes each call on the caller's loop,
   * the limiters are thread-safe.
   */
  public static final class Shared {
    final Pool pool;
    final Pool opsPool;
    final Templates templates;
    final VoteStore votes;
    final AgendaStore agendas;
    final BoardStore boards;
    final Access access;
    final WorkshopStore workshops;
    final LiveHub hub;
    final Notifier notifier;
    final WsHandler ws;
    final JoinGuard guard;
    final ConnectionGuard connections;
    final AnswerDeadline deadline = new AnswerDeadline(30_000, 600_000);
    final ExportGate exports;
    final Suggestions suggestions;

    /** {@code /health} asks on a connection of its own, never queued behind exports and ops. */
    final Pool healthPool;

    final WorkshopRoutes workshopRoutes;
    // participants' rights (issue 22)
    final RightsStore rights;
    final RightsRoutes rightsRoutes;
    final Clock clock;

    public Shared(Vertx vertx, Config config, DbSettings db, Links links) {
      PgConnectOptions connect = connectOptions(db, vertx.isNativeTransportEnabled());
      pool =
          PgBuilder.pool()
              .with(
                  new PoolOptions()
                      .setMaxSize(16)
                      .setMaxWaitQueueSize(2_000)
                      // a burst of ops waits its turn; when PostgreSQL is gone, connecting fails at
                      // once. No acquisition timeout: Vert.x 5.0.7's fails a waiter with a bare
                      // "Timeout" (answered 500), and one that fires as a connection is handed to
                      // its waiter throws "Promise already completed" and loses that connection
                      // (eclipse-vertx/vert.x#6169). Every caller bounds its own wait, race-free:
                      // an op is answered `unavailable` after WsHandler's op timeout, a request 503
                      // after AnswerDeadline's, /health after 2 s.
                      .setConnectionTimeout(0))
              .connectingTo(connect)
              .using(vertx)
              .build();
      // the op pipeline's transactions, pipelined (BatchTx.commit): a pool of their own, since
      // pipelining is safe for their statements only (see connectOptions)
      opsPool =
          PgBuilder.pool()
              .with(
                  new PoolOptions()
                      .setMaxSize(BoardStore.OPS_CONNECTIONS)
                      .setMaxWaitQueueSize(2_000)
                      .setConnectionTimeout(0))
              .connectingTo(opsOptions(connect))
              .using(vertx)
              .build();
      healthPool =
          PgBuilder.pool()
              .with(
                  new PoolOptions()
                      .setMaxSize(1)
                      .setMaxWaitQueueSize(64)
                      // no acquisition timeout (see above): a lost connection would be this pool's
                      // only one, and /health would stay DOWN; HealthRoutes bounds the wait (2 s)
                      .setConnectionTimeout(0))
              .connectingTo(connect)
              .using(vertx)
              .build();
      exports = new ExportGate(config.budgets().exportsAtOnce());
      templates = new Templates(pool);
      suggestions = new Suggestions(vertx, pool, templates);
      votes = new VoteStore(pool);
      agendas = new AgendaStore(pool, templates);
      boards =
          new BoardStore(
              vertx,
              pool,
              opsPool,
              templates,
              List.of(
                  VoteChanges::register,
                  ReactionChanges::register,
                  ActionChanges::register,
                  AgendaChanges::register),
              List.of(votes, new ReactionStore(), new ActionStore(), agendas));
      access = new Access(pool);
      Config.Defences defences = config.defences();
      workshops =
          new WorkshopStore(
              pool, templates, config.limits().participantsPerBoard(), defences.codeExpiryDays());
      hub = new LiveHub(vertx, boards, pool, config.liveLoops());
      boards.onCommitted(hub::committed);
      notifier = new Notifier(vertx, connect, hub, boards.origin());
      ws =
          new WsHandler(
              vertx,
              access,
              boards,
              hub,
              config.maxFrameBytes(),
              config.limits().notesPerMinute(),
              defences,
              config.budgets());
      connections =
          new ConnectionGuard(
              vertx,
              defences.headerTimeoutSeconds(),
              defences.idleTimeoutSeconds(),
              defences.connectionsPerAddress(),
              OpenFiles.connectionCap(
                  config.budgets().maxConnections(), behindFront(config) ? 3 : 1));
      guard = new JoinGuard(config.limits().failedJoinsPerMinute());
      clock = config.clock();
      workshopRoutes =
          new WorkshopRoutes(
              workshops,
              templates,
              access,
              boards,
              links,
              config.adminToken(),
              guard,
              defences,
              config.budgets(),
              clock);
      rights = new RightsStore(pool, workshops);
      rightsRoutes =
          new RightsRoutes(
              new KeyRing(pool), new Withdrawal(pool), rights, clock, defences.opsPerMinute());
      workshopRoutes.carrying(new CarryForward(new Carried(pool, new VoteFigures(pool)), boards));
      vertx.setPeriodic(
          60_000,
          id -> {
            ws.sweepLimits();
            guard.sweep();
            workshopRoutes.sweep();
            rightsRoutes.sweep();
            connections.summarise();
            long late = deadline.missedSinceLastCall();
            if (late > 1) {
              LOG.warn("{} request(s) not answered within their deadline in the last minute", late);
            }
          });
      vertx.setPeriodic(RETENTION_CHECK_MS, id -> sweepRetention());
    }

    /** How often workshops past their retention date are looked for (and once at start). */
    static final long RETENTION_CHECK_MS = 60L * 60 * 1000;

    /**
     * Deletes the workshops whose retention date has passed; answers how many. A failure is logged
     * and tried again at the next hour.
     */
    public Future<Integer> sweepRetention() {
      return rights
          .sweep(LocalDate.now(clock))
          .recover(
              failure -> {
                LOG.warn("The retention check failed, trying again in an hour", failure);
                return Future.succeededFuture(0);
              });
    }

    /** Starts listening for the commits of every process, then deletes what is past retention. */
    public Future<Void> start() {
      return notifier.start().compose(v -> sweepRetention()).mapEmpty();
    }

    /** After the loops stopped: stops sharing presence, listening, and closes the pool. */
    public Future<Void> stop() {
      hub.stop();
      return notifier
          .stop()
          .eventually(() -> healthPool.close())
          .eventually(() -> opsPool.close())
          .eventually(() -> pool.close());
    }
  }

  @Override
  public Future<?> start() {
    shared.hub.attach(loop, context);
    router = Router.router(vertx);
    router.route().handler(shared.connections::idleAfterAnswer);
    router.route().handler(shared.deadline::arm);
    router.route().handler(SecurityHeaders::apply);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    Origins origins = new Origins(links);
    WsHandler ws = shared.ws;
    router
        .route("/ws")
        .handler(
            ctx -> {
              if (!origins.allowed(ctx.request())) {
                ctx.fail(new Rejection(ErrorCode.FORBIDDEN, "error.forbidden"));
                return;
              }
              HttpConnection connection = ctx.request().connection();
              ctx.request()
                  .toWebSocket()
                  .onSuccess(socket -> ws.accept(socket, shared.connections.upgraded(connection)))
                  .onFailure(e -> ctx.fail(400, e));
            });
    new HealthRoutes(shared.healthPool).mount(router);
    shared.guard.mount(router);
    shared.workshopRoutes.mount(router);
    shared.rightsRoutes.mount(router);
    new BoardRoutes(shared.access, shared.boards).mount(router);
    new VoteRoutes(shared.access, shared.votes).mount(router);
    new AgendaRoutes(shared.workshops, shared.boards, shared.agendas).mount(router);
    SuggestRoutes.mount(router, shared.access, shared.suggestions);
    Pages pages = new Pages(vertx);
    new WorkshopPages(
            pages,
            shared.workshops,
            shared.templates,
            shared.access,
            shared.boards,
            links,
            shared.guard,
            config.adminToken().isPresent(),
            shared.rights,
            shared.clock,
            config.databaseUrl().isPresent()
                ? "DATABASE_URL"
                : config.dataDir().resolve("postgres").toString())
        .mount(router);
    new BoardPages(pages, shared.access, shared.workshops, shared.templates, links).mount(router);
    new RunsheetPage(pages, shared.workshops, shared.agendas, shared.templates, links)
        .mount(router);
    ExportFeature.mount(
        vertx,
        router,
        shared.pool,
        shared.templates,
        links,
        new VoteFigures(shared.pool),
        pages,
        shared.exports);
    new ActionRoutes(vertx, shared.pool, new VoteFigures(shared.pool), pages).mount(router);
    new StatementPage(pages, config.accessibilityContact()).mount(router);
    // browsers ask for /favicon.ico whatever the page links; answer with the same SVG instead of a
    // 404
    router.get("/favicon.ico").handler(ctx -> ctx.reroute("/static/favicon.svg"));
    router
        .route("/static/*")
        .handler(StaticHandler.create("web/static").setCachingEnabled(!config.devMode()));
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(HttpErrors::handle);
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

  /**
   * Commands one op connection may have in flight: a transaction sends BEGIN with its first
   * statement and COMMIT behind its last (BatchTx.commit); a few more leave room.
   */
  private static final int OPS_PIPELINING = 8;

  /**
   * The op pipeline's connections: pipelined, and every statement prepared once. The client caches
   * no statement longer than 2,048 characters by default, so the one statement of a batch of new
   * notes (BoardSql.ADD_NOTES, about 4,000) was parsed and planned on every run, which cost twice
   * the run itself (1.2 against 0.6 ms, docs/benchmarks.md, issue 28).
   */
  static PgConnectOptions opsOptions(PgConnectOptions connect) {
    return new PgConnectOptions(connect)
        .setPipeliningLimit(OPS_PIPELINING)
        .setPreparedStatementCacheSqlLimit(16_384);
  }

  /**
   * {@code unixSockets}: whether this Vert.x can open Unix sockets (its native transport); the
   * embedded database is then reached through its socket, not loopback TCP.
   */
  static PgConnectOptions connectOptions(DbSettings db, boolean unixSockets) {
    return new PgConnectOptions()
        // a host that is a directory is a Unix socket's, with the port in the socket's name
        .setHost(db.socketDir().filter(dir -> unixSockets).map(Path::toString).orElse(db.host()))
        .setPort(db.port())
        .setDatabase(db.database())
        .setUser(db.user())
        .setPassword(db.password())
        // parsed and planned once per connection, not on every execution: with it, an op costs the
        // database
        // markedly less CPU (docs/benchmarks.md, scenario e)
        .setCachePreparedStatements(true)
        // one command at a time per connection. With the statement cache AND pipelining on, a
        // request hung for ever in our tests (AuthorizationMatrixTest, no error anywhere), in line
        // with a Vert.x SQL client bug fixed after 5.0.7 ("Pipelining depth grows unbounded when
        // prepared statement is retried with explicit parameter types",
        // eclipse-vertx/vertx-sql-client#1646): a statement whose parameter types PostgreSQL
        // cannot
        // infer is prepared again with the client's types, and that retry unbalances the count of
        // commands in flight. The op pipeline's pool pipelines all the same (OPS_PIPELINING): its
        // statements are the ops' own, which ran inside the pool's transactions before, where such
        // a statement fails instead of being retried, so none of them is one. Revisit when
        // upgrading: every pool may pipeline then.
        .setPipeliningLimit(1);
  }
}
