package org.peerboard.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

/**
 * A database migrated by the jar of 87d9bcc (study migration as V20) upgrades to the renumbered V6.
 */
class MigrationUpgradeTest {

  @Test
  @DisplayName(
      "a database migrated while the study migration was V20 starts, keeps its data and reads V6 in its history")
  void upgradesADatabaseMigratedBeforeTheRenumbering() throws Exception {
    Path dir = Files.createTempDirectory("peerboard-upgrade");
    try (EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, TestApp.freePort())) {
      DbSettings db = embedded.settings();
      Flyway.configure()
          .dataSource(db.jdbcUrl(), db.user(), db.password())
          .locations("classpath:legacy-schema/87d9bcc")
          .load()
          .migrate();
      assertEquals(
          List.of("1", "2", "3", "4", "5", "20", "null"), versions(db), "the old jar's history");
      execute(
          db,
          "insert into study (id, name, key_hash) values (gen_random_uuid(), 'Studio pilota', 'k'::bytea)");

      int port = TestApp.freePort();
      Config config = TestApp.config(dir.resolve("app"), port, TestApp.freePort());
      config =
          new Config(
              config.host(),
              port,
              config.dataDir(),
              Optional.of(
                  "postgres://"
                      + db.user()
                      + "@"
                      + db.host()
                      + ":"
                      + db.port()
                      + "/"
                      + db.database()),
              config.embeddedDbPort(),
              config.publicUrl(),
              config.adminToken(),
              config.maxFrameBytes(),
              config.devMode(),
              config.limits());
      try (PeerBoard app = PeerBoard.start(config)) {
        Api.Workshop workshop =
            new Api("http://127.0.0.1:" + app.port()).workshop("Dopo l'aggiornamento", "A");
        assertTrue(workshop.id() != null);
      }

      // the repeatable built-in templates run again whenever their script changed: only the
      // versions are compared
      assertEquals(
          List.of("1", "2", "3", "4", "5", "6", "7", "8"),
          versioned(db),
          "the history after the upgrade");
      assertEquals(
          1,
          count(db, "select count(*) from study where name = 'Studio pilota'"),
          "the study survived");
      Flyway.configure()
          .dataSource(db.jdbcUrl(), db.user(), db.password())
          .locations("classpath:db/migration")
          .load()
          .validate();
    }
  }

  @Test
  @DisplayName(
      "a fresh database gets V6 for the study migration, and migrating again changes nothing")
  void freshDatabaseHasV6() throws Exception {
    try (EmbeddedDatabase embedded =
        EmbeddedDatabase.start(Files.createTempDirectory("peerboard-fresh"), TestApp.freePort())) {
      DbSettings db = embedded.settings();
      Migrations.migrate(db);
      assertEquals(0, Migrations.migrate(db));
      assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "null"), versions(db));
    }
  }

  private static List<String> versioned(DbSettings db) throws Exception {
    return versions(db).stream().filter(v -> !v.equals("null")).toList();
  }

  private static List<String> versions(DbSettings db) throws Exception {
    List<String> versions = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select version from flyway_schema_history where success order by installed_rank")) {
      while (r.next()) {
        versions.add(String.valueOf(r.getString(1)));
      }
    }
    return versions;
  }

  private static int count(DbSettings db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getInt(1);
    }
  }

  private static void execute(DbSettings db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
