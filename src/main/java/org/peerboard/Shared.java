package org.peerboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.peerboard.action.db.ActionChanges;
import org.peerboard.action.db.ActionStore;
import org.peerboard.action.db.Carried;
import org.peerboard.action.web.CarryForward;
import org.peerboard.agenda.db.AgendaChanges;
import org.peerboard.agenda.db.AgendaStore;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.Withdrawal;
import org.peerboard.db.DbSettings;
import org.peerboard.db.PgOptions;
import org.peerboard.export.web.ExportGate;
import org.peerboard.http.AnswerDeadline;
import org.peerboard.http.ConnectionGuard;
import org.peerboard.http.Links;
import org.peerboard.http.OpenFiles;
import org.peerboard.live.LiveHub;
import org.peerboard.live.Notifier;
import org.peerboard.live.WsHandler;
import org.peerboard.react.db.ReactionChanges;
import org.peerboard.react.db.ReactionStore;
import org.peerboard.security.KeyRing;
import org.peerboard.suggest.web.Suggestions;
import org.peerboard.vote.db.VoteChanges;
import org.peerboard.vote.db.VoteFigures;
import org.peerboard.vote.db.VoteStore;
import org.peerboard.workshop.db.Joining;
import org.peerboard.workshop.db.RightsStore;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopCreation;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.web.JoinGuard;
import org.peerboard.workshop.web.RightsRoutes;
import org.peerboard.workshop.web.WorkshopRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server loops share, built once per process: the database pools, the stores, the live hub
 * and its LISTEN connection, the limits. They are called from every loop: the pool completes each
 * call on the caller's loop, the limiters are thread-safe.
 */
public final class Shared {
  private static final Logger LOG = LoggerFactory.getLogger(Shared.class);

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
    PgConnectOptions connect = PgOptions.connectOptions(db, vertx.isNativeTransportEnabled());
    pool =
        pool(
            vertx,
            connect,
            new PoolOptions()
                .setMaxSize(16)
                .setMaxWaitQueueSize(2_000)
                // a burst of ops waits its turn; when PostgreSQL is gone, connecting fails at
                // once. No acquisition timeout: Vert.x 5.0.7's fails a waiter with a bare
                // "Timeout" (answered 500), and one that fires as a connection is handed to
                // its waiter throws "Promise already completed" and loses that connection
                // (eclipse-vertx/vert.x#6169). Every caller bounds its own wait, race-free:
                // an op is answered `unavailable` after SocketOps's op timeout, a request 503
                // after AnswerDeadline's, /health after 2 s.
                .setConnectionTimeout(0));
    // the op pipeline's transactions, pipelined (BatchTx.commit): a pool of their own, since
    // pipelining is safe for their statements only (see PgOptions.connectOptions)
    opsPool =
        pool(
            vertx,
            PgOptions.opsOptions(connect),
            new PoolOptions()
                .setMaxSize(BoardStore.OPS_CONNECTIONS)
                .setMaxWaitQueueSize(2_000)
                .setConnectionTimeout(0));
    healthPool =
        pool(
            vertx,
            connect,
            new PoolOptions()
                .setMaxSize(1)
                .setMaxWaitQueueSize(64)
                // no acquisition timeout (see above): a lost connection would be this pool's
                // only one, and /health would stay DOWN; HealthRoutes bounds the wait (2 s)
                .setConnectionTimeout(0));
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
    access = new Access(pool, boards);
    Config.Defences defences = config.defences();
    workshops = new WorkshopStore(pool, defences.codeExpiryDays());
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
                config.budgets().maxConnections(), Server.behindFront(config) ? 3 : 1));
    guard = new JoinGuard(config.limits().failedJoinsPerMinute());
    clock = config.clock();
    workshopRoutes =
        new WorkshopRoutes(
            workshops,
            new WorkshopCreation(pool, templates, workshops),
            new Joining(pool, config.limits().participantsPerBoard(), defences.codeExpiryDays()),
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

  private static Pool pool(Vertx vertx, PgConnectOptions connect, PoolOptions options) {
    return PgBuilder.pool().with(options).connectingTo(connect).using(vertx).build();
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
