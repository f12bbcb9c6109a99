package org.peerboard.db;

import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Path;

/**
 * How the reactive client connects to PostgreSQL: the options of every pool, and those of the op
 * pipeline's pool, which alone pipelines.
 */
public final class PgOptions {
  private PgOptions() {}

  /**
   * Commands one op connection may have in flight: a transaction sends BEGIN with its first
   * statement and COMMIT behind its last (BatchTx.commit); a few more leave room.
   */
  private static final int OPS_PIPELINING = 8;

  /**
   * {@code unixSockets}: whether this Vert.x can open Unix sockets (its native transport); the
   * embedded database is then reached through its socket, not loopback TCP.
   */
  public static PgConnectOptions connectOptions(DbSettings db, boolean unixSockets) {
    return new PgConnectOptions()
        // a host that is a directory is a Unix socket's, with the port in the socket's name
        .setHost(db.socketDir().filter(dir -> unixSockets).map(Path::toString).orElse(db.host()))
        .setPort(db.port())
        .setDatabase(db.database())
        .setUser(db.user())
        .setPassword(db.password())
        // parsed and planned once per connection, not on every execution: with it, an op costs the
        // database markedly less CPU (docs/benchmarks.md, scenario e)
        .setCachePreparedStatements(true)
        // one command at a time per connection. With the statement cache AND pipelining on, a
        // request hung for ever in our tests (AuthorizationMatrixTest, no error anywhere), in line
        // with a Vert.x SQL client bug fixed after 5.0.7 ("Pipelining depth grows unbounded when
        // prepared statement is retried with explicit parameter types",
        // eclipse-vertx/vertx-sql-client#1646): a statement whose parameter types PostgreSQL
        // cannot infer is prepared again with the client's types, and that retry unbalances the
        // count of commands in flight. The op pipeline's pool pipelines all the same
        // (OPS_PIPELINING): its statements are the ops' own, which ran inside the pool's
        // transactions before, where such a statement fails instead of being retried, so none of
        // them is one. Revisit when upgrading: every pool may pipeline then.
        .setPipeliningLimit(1);
  }

  /**
   * The op pipeline's connections: pipelined, and every statement prepared once. The client caches
   * no statement longer than 2,048 characters by default, so the one statement of a batch of new
   * notes (BoardSql.ADD_NOTES, about 4,000) was parsed and planned on every run, which cost twice
   * the run itself (1.2 against 0.6 ms, docs/benchmarks.md, issue 28).
   */
  public static PgConnectOptions opsOptions(PgConnectOptions connect) {
    return new PgConnectOptions(connect)
        .setPipeliningLimit(OPS_PIPELINING)
        .setPreparedStatementCacheSqlLimit(16_384);
  }
}
