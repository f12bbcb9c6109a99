package org.peerboard;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.peerboard.db.DbSettings;
import org.peerboard.db.EmbeddedDatabase;
import org.peerboard.db.Migrations;
import org.peerboard.http.Links;
import org.peerboard.pages.StatementPage;
import org.peerboard.security.AdminToken;
import org.peerboard.security.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running PeerBoard: the database made ready (embedded or external), migrated, and the server
 * deployed. Production and tests start it the same way.
 */
public final class PeerBoard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeerBoard.class);

  private final Vertx vertx;
  private final EmbeddedDatabase embedded;
  private final Server server;
  private final Shared shared;
  private final String deployment;
  private final DbSettings db;
  private final Links links;

  private PeerBoard(
      Vertx vertx,
      EmbeddedDatabase embedded,
      Server server,
      Shared shared,
      String deployment,
      DbSettings db,
      Links links) {
    this.vertx = vertx;
    this.shared = shared;
    this.deployment = deployment;
    this.embedded = embedded;
    this.server = server;
    this.db = db;
    this.links = links;
  }

  /**
   * Blocking: prepares the database, runs migrations, deploys the server and waits until it
   * listens.
   */
  public static PeerBoard start(Config config) throws Exception {
    long started = System.nanoTime();
    EmbeddedDatabase embedded = null;
    DbSettings db;
    if (config.databaseUrl().isPresent()) {
      db = DbSettings.fromUrl(config.databaseUrl().get());
    } else {
      embedded = EmbeddedDatabase.start(config.dataDir(), config.embeddedDbPort());
      db = embedded.settings();
    }
    Vertx vertx = null;
    try {
      Optional<AdminToken.Token> admin = AdminToken.resolve(config);
      if (admin.isPresent()) {
        config = config.withAdminToken(Optional.of(admin.get().value()));
      }
      Optional<Certificates.InUse> certificate = Certificates.of(config);
      int applied = Migrations.migrate(db);
      if (applied > 0) {
        LOG.info("Applied {} database migration(s)", applied);
      }
      // one server instance per live loop, each on an event loop of its own
      vertx =
          Vertx.vertx(
              new VertxOptions()
                  .setPreferNativeTransport(true)
                  .setEventLoopPoolSize(
                      Math.max(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, config.liveLoops())));
      Links links = Links.of(config.publicUrl(), config.port(), certificate.isPresent());
      Config configured = config;
      Shared shared = new Shared(vertx, config, db, links);
      shared.start().await(60, TimeUnit.SECONDS);
      List<Server> servers = new CopyOnWriteArrayList<>();
      AtomicInteger loop = new AtomicInteger();
      String deployment =
          vertx
              .deployVerticle(
                  () -> {
                    Server one =
                        new Server(
                            configured,
                            links,
                            shared,
                            loop.getAndIncrement(),
                            certificate.map(Certificates.InUse::options));
                    servers.add(one);
                    return one;
                  },
                  new DeploymentOptions().setInstances(config.liveLoops()))
              .await(60, TimeUnit.SECONDS);
      Future.all(servers.stream().map(Server::listen).toList()).await(60, TimeUnit.SECONDS);
      if (certificate.isPresent()) {
        LOG.info(
            "HTTPS on port {} with {} certificate, SHA-256 fingerprint {}{}",
            servers.get(0).actualPort(),
            config.tls().certPath().isPresent() ? "the configured" : "a self-signed",
            certificate.get().fingerprint(),
            servers.get(0).redirectPort() > 0
                ? "; plain HTTP on port " + servers.get(0).redirectPort() + " redirects to it"
                : "");
      }
      if (admin.isPresent() && admin.get().generated()) {
        // printed this once only; it stays in the data directory for the next starts
        LOG.info(
            "Creating workshops needs the admin token, made now and kept in {}:\n\n    {}\n\n"
                + "Open {}/new and paste it there (or send it as Authorization: Bearer).",
            admin.get().file(),
            admin.get().value(),
            links.base());
      } else if (admin.isPresent()) {
        LOG.info("Creating workshops needs the admin token kept in {}", admin.get().file());
      }
      LOG.info(
          "PeerBoard is ready in {} ms: open {}/new on this machine or a phone on the same network "
              + "(database: {}; sockets: {})",
          Duration.ofNanos(System.nanoTime() - started).toMillis(),
          links.base(),
          embedded == null
              ? db.host() + ":" + db.port() + "/" + db.database()
              : "embedded PostgreSQL in " + config.dataDir().resolve("postgres"),
          vertx.isNativeTransportEnabled() ? "epoll" : "Java NIO");
      if (config.accessibilityContact().isEmpty()) {
        LOG.warn(
            "The accessibility statement (/accessibility) names the placeholder {}: set"
                + " PEERBOARD_ACCESSIBILITY_CONTACT to your organisation's e-mail address or web page",
            StatementPage.PLACEHOLDER);
      }
      return new PeerBoard(vertx, embedded, servers.get(0), shared, deployment, db, links);
    } catch (Exception e) {
      if (vertx != null) {
        vertx.close().await(10, TimeUnit.SECONDS);
      }
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  /** The port answering plain HTTP with a redirect to HTTPS; -1 when there is none. */
  public int redirectPort() {
    return server.redirectPort();
  }

  public Server server() {
    return server;
  }

  public int port() {
    return server.actualPort();
  }

  public DbSettings database() {
    return db;
  }

  public Links links() {
    return links;
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * Deletes now the workshops whose retention date has passed by the configured clock (as the
   * hourly check does); answers how many.
   */
  public Future<Integer> sweepRetention() {
    return shared.sweepRetention();
  }

  /**
   * Stops taking connections, closes sockets with "going away", then stops the embedded database.
   */
  @Override
  public void close() {
    try {
      // the loops first (they close their sockets with "going away"), then what they share
      vertx.undeploy(deployment).await(6, TimeUnit.SECONDS);
      shared.stop().await(3, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("PeerBoard did not stop cleanly: {}", e.getMessage());
    }
    try {
      vertx.close().await(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
    }
    if (embedded != null) {
      embedded.close();
    }
    LOG.info("PeerBoard stopped");
  }
}
