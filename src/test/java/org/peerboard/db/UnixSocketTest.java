package org.peerboard.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Issue 28: PeerBoard reaches its embedded database through PostgreSQL's Unix socket in the data
 * directory (on Linux's epoll transport), not loopback TCP; a data directory whose path is too long
 * for a socket's name runs on TCP as before. Which way each connection came is PostgreSQL's own
 * record: {@code pg_stat_activity.client_port} is -1 for a Unix socket.
 */
@DisplayName("The embedded database over its Unix socket")
class UnixSocketTest {

  /** Client backends of the app's database by how they connected, leaving out this test's own. */
  private static long[] unixAndTcp(DbSettings db) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select count(*) filter (where client_port = -1),"
                    + " count(*) filter (where client_port > 0)"
                    + " from pg_stat_activity where backend_type = 'client backend'"
                    + " and datname = current_database() and pid <> pg_backend_pid()")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  /** A workshop, a participant and a note acked through a real socket: every pool is in use. */
  private static void noteAcked(PeerBoard app, String text) {
    Api api = new Api("http://127.0.0.1:" + app.port());
    Api.Workshop workshop = api.workshop("Firenze peer to peer", "A");
    String boardId = workshop.board(0).getString("id");
    Api.Participant alice = api.join(workshop.board(0).getString("joinCode"), "Alice");
    try (WsClient a = WsClient.hello(app.port(), boardId, alice.token(), null)) {
      JsonObject answer =
          a.answer(
              a.op(
                  "note.add",
                  new JsonObject()
                      .put("lane", "custody:issues")
                      .put("text", text)
                      .put("tags", new JsonArray().add("facility"))));
      assertEquals("ack", answer.getString("type"), answer.encode());
    }
    JsonObject board =
        api.get("/api/boards/" + boardId, workshop.board(0).getString("moderatorKey")).json();
    assertEquals(text, board.getJsonArray("notes").getJsonObject(0).getString("text"));
  }

  @Test
  @DisplayName("every connection of the app comes through the socket in the data directory")
  void theAppTalksThroughTheSocket() throws Exception {
    Path dir = Files.createTempDirectory("peerboard-socket");
    try (PeerBoard app = TestApp.start(dir, TestApp.freePort(), TestApp.freePort())) {
      noteAcked(app, "The night educator is alone with twelve children");
      DbSettings db = app.database();
      assertEquals(Optional.of(dir.toAbsolutePath().resolve("socket")), db.socketDir());
      assertTrue(Files.exists(dir.resolve("socket").resolve(".s.PGSQL." + db.port())));
      assertEquals(
          "rwx------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve("socket"))),
          "the socket's directory is this user's only");
      long[] ways = unixAndTcp(db);
      assertTrue(ways[0] >= 3, "the pools' connections on the socket: " + ways[0]);
      assertEquals(0, ways[1], "connections over TCP besides this test's");
    }
  }

  @Test
  @DisplayName("a data directory too deep for a socket's name runs over TCP, as before")
  void aDeepDataDirectoryUsesTcp() throws Exception {
    Path dir = Files.createTempDirectory("peerboard-socket");
    for (int i = 0; i < 4; i++) {
      dir = dir.resolve("a-folder-name-as-long-as-a-workshop-title");
    }
    Files.createDirectories(dir);
    assertEquals(Optional.empty(), EmbeddedDatabase.socketDir(dir, 5432));
    try (PeerBoard app = TestApp.start(dir, TestApp.freePort(), TestApp.freePort())) {
      noteAcked(app, "Families are told of the placement the evening before");
      DbSettings db = app.database();
      assertEquals(Optional.empty(), db.socketDir());
      long[] ways = unixAndTcp(db);
      assertEquals(0, ways[0], "connections on a socket");
      assertTrue(ways[1] >= 3, "the pools' connections over TCP: " + ways[1]);
    }
  }
}
