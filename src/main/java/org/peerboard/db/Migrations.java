package org.peerboard.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with the Flyway migrations in {@code db/migration}. Blocking: run
 * before deploy.
 *
 * <p>The study migration first landed as {@code V20__study.sql}, which would have made every later
 * V6 fail Flyway's validation; it is {@code V6__study.sql} now, and a database migrated before the
 * rename has its history row renumbered (same script, same checksum) before Flyway validates. The
 * next migration is V7.
 */
public final class Migrations {
  /**
   * Renumbers the applied study migration; touches nothing on a fresh database or one already
   * renumbered.
   */
  static final String RENUMBER_STUDY =
      """
      update flyway_schema_history set version = '6', script = 'V6__study.sql'
       where version = '20' and script = 'V20__study.sql'""";

  private Migrations() {}

  public static int migrate(DbSettings db) {
    renumber(db);
    return Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /**
   * Rewrites history rows of renumbered migrations, in one transaction, when Flyway's history table
   * exists.
   */
  static void renumber(DbSettings db) {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement exists =
            c.prepareStatement("select to_regclass('flyway_schema_history') is not null")) {
      boolean hasHistory;
      try (ResultSet r = exists.executeQuery()) {
        hasHistory = r.next() && r.getBoolean(1);
      }
      if (!hasHistory) {
        return;
      }
      try (PreparedStatement update = c.prepareStatement(RENUMBER_STUDY)) {
        update.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not renumber the migration history: " + e.getMessage(), e);
    }
  }
}
