package org.peerboard.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting a workshop removes it from the disk, not only from the tables: after the rows are
 * deleted, the tables are rewritten ({@code VACUUM FULL}, which leaves no dead row behind in the
 * table files) and, where the database lets us (the embedded one does), the WAL is switched and
 * checkpointed so the segments that held the text are dropped. docs/reliability.md says what may
 * still remain (backups, an external server's WAL archive).
 */
public final class Erasure {
  private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);

  /**
   * Every process hears that the boards are gone (seq -1) when the deletion commits, and closes
   * their sockets.
   */
  static final String NOTIFY_DELETED =
      """
      select pg_notify('peerboard_events', id::text || ':-1') from board where workshop_id = $1""";

  /**
   * Our own tables, quoted by PostgreSQL itself: the one statement that cannot take its names as
   * parameters.
   */
  static final String OUR_TABLES =
      """
      select string_agg(format('%I.%I', schemaname, tablename), ', ' order by tablename) as tables
        from pg_tables where schemaname = current_schema() and tablename <> 'flyway_schema_history'""";

  static final String SWITCH_WAL = "select pg_switch_wal()";
  static final String CHECKPOINT = "checkpoint";

  private final Pool pool;

  public Erasure(Pool pool) {
    this.pool = pool;
  }

  static final String DELETE_WORKSHOP = "delete from workshop where id = $1";

  /**
   * Inside the caller's transaction: tells every process to close the workshop's boards' sockets
   * (heard when it commits), then deletes the workshop and everything in it (the foreign keys
   * cascade). Wiping the rows from disk is {@link #wipe}, after the commit.
   */
  public static Future<Void> deleteWorkshop(SqlConnection conn, UUID workshopId) {
    return conn.preparedQuery(NOTIFY_DELETED)
        .execute(Tuple.of(workshopId))
        .compose(v -> conn.preparedQuery(DELETE_WORKSHOP).execute(Tuple.of(workshopId)))
        .mapEmpty();
  }

  /**
   * After the deletion committed: rewrites the tables, then drops the WAL that held the deleted
   * rows. Every op waits while a table is rewritten (an exclusive lock, a fraction of a second per
   * table on a workshop-sized database).
   */
  public Future<Void> wipe() {
    return wipe("Deleted workshop");
  }

  /** The same, logged as what was deleted (a workshop, a participant who withdrew). */
  public Future<Void> wipe(String what) {
    long started = System.nanoTime();
    return pool.withConnection(
            conn ->
                conn.query(OUR_TABLES)
                    .execute()
                    .compose(
                        rows -> {
                          Row row = rows.iterator().next();
                          String tables = row.getString("tables");
                          return tables == null
                              ? Future.succeededFuture()
                              : conn.query("vacuum (full) " + tables).execute();
                        })
                    .compose(
                        vacuumed ->
                            conn.query(SWITCH_WAL)
                                .execute()
                                .compose(v -> conn.query(CHECKPOINT).execute())
                                .map(v -> true)
                                .recover(
                                    denied -> {
                                      LOG.info(
                                          "Deleted rows are gone from the tables; the WAL keeps them until PostgreSQL recycles it "
                                              + "({}): see docs/reliability.md",
                                          denied.getMessage());
                                      return Future.succeededFuture(false);
                                    })))
        .onSuccess(
            walDropped ->
                LOG.info(
                    "{} wiped from disk in {} ms{}",
                    what,
                    (System.nanoTime() - started) / 1_000_000,
                    walDropped ? " (tables rewritten, WAL switched)" : ""))
        .mapEmpty();
  }
}
