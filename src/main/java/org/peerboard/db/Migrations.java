package org.peerboard.db;

import org.flywaydb.core.Flyway;

/** Brings the schema up to date with the Flyway migrations in {@code db/migration}. Blocking: run before deploy. */
public final class Migrations {
  private Migrations() {}

  public static int migrate(DbSettings db) {
    return Flyway.configure()
        .dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
