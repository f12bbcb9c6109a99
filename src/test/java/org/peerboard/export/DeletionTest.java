package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.db.DbSettings;
import org.peerboard.support.TestApp;

@DisplayName("Deleting a workshop")
class DeletionTest {

  private static Connection db() throws SQLException {
    DbSettings settings = TestApp.shared().database();
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }

  private static List<String> ids(Connection db, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      return ids;
    }
  }

  /** Rows per table whose JSON form mentions any of these ids or the marker text. */
  private static Map<String, Integer> mentions(Connection db, List<String> needles)
      throws SQLException {
    String pattern = String.join("|", needles);
    Map<String, Integer> found = new LinkedHashMap<>();
    for (String table :
        ids(
            db,
            "select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE' order by table_name")) {
      try (PreparedStatement count =
          db.prepareStatement(
              "select count(*) from \"" + table + "\" t where row_to_json(t)::text ~ ?")) {
        count.setString(1, pattern);
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          if (rows.getInt(1) > 0) {
            found.put(table, rows.getInt(1));
          }
        }
      }
    }
    return found;
  }

  @Test
  @DisplayName(
      "the organiser deletes a workshop and no row of it remains in any table; others stay")
  void noRowRemains() throws Exception {
    String marker = "Marker" + System.nanoTime();
    Fixture doomed = new Fixture("Da cancellare " + marker, "Prato", "A", "B").fill();
    Fixture kept = new Fixture("Resta", "Firenze", "C").fill();
    JsonObject study =
        doomed
            .api
            .post(
                "/api/studies",
                new JsonObject()
                    .put("name", "Toscana")
                    .put(
                        "workshops",
                        new JsonArray()
                            .add(
                                new JsonObject()
                                    .put("id", doomed.id())
                                    .put("organiserKey", doomed.organiserKey()))
                            .add(
                                new JsonObject()
                                    .put("id", kept.id())
                                    .put("organiserKey", kept.organiserKey()))))
            .json();

    List<String> needles = new ArrayList<>(List.of(doomed.id(), marker));
    try (Connection db = db()) {
      List<String> boards =
          ids(db, "select id::text from board where workshop_id = ?::uuid", doomed.id());
      needles.addAll(boards);
      for (String board : boards) {
        needles.addAll(ids(db, "select id::text from participant where board_id = ?::uuid", board));
        needles.addAll(ids(db, "select id::text from note where board_id = ?::uuid", board));
        needles.addAll(ids(db, "select id::text from cluster where board_id = ?::uuid", board));
      }
      Map<String, Integer> before = mentions(db, needles);
      for (String table :
          List.of(
              "workshop",
              "board",
              "lane",
              "participant",
              "note",
              "cluster",
              "board_event",
              "applied_op",
              "study",
              "study_workshop")) {
        assertTrue(
            before.containsKey(table) || table.equals("study"),
            "the search finds the workshop's rows before deletion: " + table + " in " + before);
      }

      assertEquals(
          403,
          Fixture.delete(
              "/api/workshops/" + doomed.id(), doomed.workshop.board(0).getString("moderatorKey")),
          "a moderator may not delete the workshop");
      assertEquals(
          401,
          Fixture.delete("/api/workshops/" + doomed.id(), kept.organiserKey()),
          "another workshop's key answers as an unknown one");
      assertEquals(401, Fixture.delete("/api/workshops/" + doomed.id(), null));
      assertEquals(204, Fixture.delete("/api/workshops/" + doomed.id(), doomed.organiserKey()));

      assertEquals(
          Map.of(),
          mentions(db, needles),
          "no row of any table mentions the workshop, its boards, "
              + "notes, participants, clusters or its title");
      assertEquals(
          List.of(kept.id()),
          ids(
              db,
              "select workshop_id::text from study_workshop where study_id = ?::uuid",
              study.getString("id")),
          "the study keeps its other workshop");
      assertEquals(
          1, ids(db, "select id::text from workshop where id = ?::uuid", kept.id()).size());
    }
    assertEquals(
        404,
        Fixture.get("/api/workshops/" + doomed.id() + "/export.csv", doomed.organiserKey())
            .status());
    assertEquals(
        200,
        Fixture.get("/api/workshops/" + kept.id() + "/export.csv", kept.organiserKey()).status());
  }
}
