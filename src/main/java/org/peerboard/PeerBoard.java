package org.peerboard;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.peerboard.db.DbSettings;
import org.peerboard.db.EmbeddedDatabase;
import org.peerboard.db.Migrations;
import org.peerboard.http.Links;
import org.peerboard.security.AdminToken;
import org.peerboard.security.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running PeerBoard: the database made ready (embedded or external), migrated, and the server deployed.
 * Production and tests start it the same way.
 */
public final class PeerBoard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeerBoard.class);

  private final Vertx vertx;
  private final EmbeddedDatabase embedded;
  private final Server server;
  private final DbSettings db;
  private final Links links;

  private PeerBoard(Vertx vertx, EmbeddedDatabase embedded, Server server, DbSettings db, Links links) {
    this.vertx = vertx;
    this.embedded = embedded;
    this.server = server;
    this.db = db;
    this.links = links;
  }

  /** Blocking: prepares the database, runs migrations, deploys the server and waits until it listens. */
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
      java.util.Optional<AdminToken.Token> admin = AdminToken.resolve(config);
      if (admin.isPresent()) {
        config = config.withAdminToken(java.util.Optional.of(admin.get().value()));
      }
      java.util.Optional<Certificates.InUse> certificate = Certificates.of(config);
      int applied = Migrations.migrate(db);
      if (applied > 0) {
        LOG.info("Applied {} database migration(s)", applied);
      }
      vertx = Vertx.vertx();
      Links links = Links.of(config.publicUrl(), config.port(), certificate.isPresent());
      Server server = new Server(config, db, links, certificate.map(Certificates.InUse::options));
      vertx.deployVerticle(server).await(60, TimeUnit.SECONDS);
      if (certificate.isPresent()) {
        LOG.info("HTTPS on port {} with {} certificate, SHA-256 fingerprint {}{}", server.actualPort(),
            config.tls().certPath().isPresent() ? "the configured" : "a self-signed",
            certificate.get().fingerprint(), server.redirectPort() > 0
                ? "; plain HTTP on port " + server.redirectPort() + " redirects to it" : "");
      }
      if (admin.isPresent() && admin.get().generated()) {
        // printed this once only; it stays in the data directory for the next starts
        LOG.info("Creating workshops needs the admin token, made now and kept in {}:\n\n    {}\n\n"
            + "Open {}/new and paste it there (or send it as Authorization: Bearer).", admin.get().file(),
            admin.get().value(), links.base());
      } else if (admin.isPresent()) {
        LOG.info("Creating workshops needs the admin token kept in {}", admin.get().file());
      }
      LOG.info("PeerBoard is ready in {} ms: open {}/new on this machine or a phone on the same network "
              + "(database: {})", Duration.ofNanos(System.nanoTime() - started).toMillis(), links.base(),
          embedded == null ? db.host() + ":" + db.port() + "/" + db.database() : "embedded PostgreSQL in "
              + config.dataDir().resolve("postgres"));
      return new PeerBoard(vertx, embedded, server, db, links);
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

  public int port() {
    return server.actualPort();
  }

  public DbSettings database() {
    return db;
  }

  public Links links() {
    return links;
  }

  /** The port answering plain HTTP with a redirect to HTTPS; -1 when there is none. */
  public int redirectPort() {
    return server.redirectPort();
  }

  public Server server() {
    return server;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Stops taking connections, closes sockets with "going away", then stops the embedded database. */
  @Override
  public void close() {
    try {
      vertx.close().await(8, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
    }
    if (embedded != null) {
      embedded.close();
    }
    LOG.info("PeerBoard stopped");
  }
}
