package org.peerboard.board.legacy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * Records the fixture of {@code LegacyLogTest}: a session that makes every kind of event, run
 * through the real server, and its board's log dumped row by row. Run once, at the commit whose
 * stored format the fixture pins (87d9bcc): {@code mvn -B -o test -Dtest=LegacyLogRecorder
 * -DlegacyLog.record=true}. Skipped otherwise.
 */
@EnabledIfSystemProperty(named = "legacyLog.record", matches = "true")
class LegacyLogRecorder {
  private final Api api = TestApp.api();
  private final int port = TestApp.shared().port();

  @Test
  void recordsASessionWithEveryEvent() throws Exception {
    Api.Workshop workshop = api.workshop("Registro storico", "A");
    JsonObject board = workshop.board(0);
    String id = board.getString("id");
    Api.Participant alice = api.join(board.getString("joinCode"), "Alice");
    Api.Participant bruno = api.join(board.getString("joinCode"), "Bruno");
    WsClient mod = connect(id, board.getString("moderatorKey"), "mod-1");
    WsClient a = connect(id, alice.token(), null);
    WsClient b = connect(id, bruno.token(), null);

    ok(mod, "board.settings", new JsonObject().put("anonymous", false));
    String n1 =
        note(a, "custody:issues", "Mancano educatori formati nei primi giorni dell'allontanamento");
    String n2 =
        note(
            a,
            "custody:issues",
            "Le famiglie affidatarie non ricevono il fascicolo completo in tempo");
    String n3 = note(b, "custody:issues", "Tempi lunghi del tribunale per i minorenni");
    String n4 = note(mod, "custody:actors", "Servizi sociali territoriali e comunità");
    ok(
        a,
        "note.add",
        new JsonObject()
            .put("lane", "improvements")
            .put("tags", new JsonArray().add("foster"))
            .put("text", "Un tutor unico che segua il bambino in ogni fase del percorso"));
    String imp = note(b, "improvements", "Formazione congiunta tra scuola e comunità");
    ok(
        a,
        "note.edit",
        new JsonObject().put("noteId", n1).put("text", "Mancano educatori formati (corretto)"));
    ok(
        a,
        "note.edit",
        new JsonObject().put("noteId", n2).put("tags", new JsonArray().add("facility")));
    ok(mod, "note.move", new JsonObject().put("noteId", n4).put("lane", "custody:resources"));
    ok(
        mod,
        "note.redact",
        new JsonObject().put("noteId", n3).put("text", "[testo rimosso dal moderatore]"));
    ok(mod, "note.hide", new JsonObject().put("noteId", n2));
    ok(mod, "note.hide", new JsonObject().put("noteId", n2).put("hidden", false));
    ok(mod, "board.stage", new JsonObject().put("stage", "clustering"));
    ok(mod, "note.duplicate", new JsonObject().put("noteId", n3).put("of", n1));
    String c1 =
        ok(
                mod,
                "cluster.create",
                new JsonObject()
                    .put("lane", "custody:issues")
                    .put("name", "Personale")
                    .put("noteIds", new JsonArray().add(n1)))
            .getJsonObject("result")
            .getString("clusterId");
    String c2 =
        ok(
                mod,
                "cluster.create",
                new JsonObject()
                    .put("lane", "custody:issues")
                    .put("name", "Tempi")
                    .put("noteIds", new JsonArray().add(n3)))
            .getJsonObject("result")
            .getString("clusterId");
    ok(
        mod,
        "cluster.rename",
        new JsonObject().put("clusterId", c1).put("name", "Personale e formazione"));
    ok(
        mod,
        "cluster.add",
        new JsonObject().put("clusterId", c1).put("noteIds", new JsonArray().add(n2)));
    ok(mod, "cluster.remove", new JsonObject().put("noteIds", new JsonArray().add(n2)));
    ok(mod, "undo", new JsonObject());
    ok(mod, "cluster.merge", new JsonObject().put("clusterId", c2).put("intoClusterId", c1));
    ok(mod, "undo", new JsonObject());
    ok(mod, "cluster.dissolve", new JsonObject().put("clusterId", c2));
    ok(mod, "undo", new JsonObject());
    ok(mod, "note.duplicate", new JsonObject().put("noteId", n3).putNull("of"));
    ok(mod, "undo", new JsonObject());
    ok(mod, "undo", new JsonObject());
    ok(mod, "board.stage", new JsonObject().put("stage", "collecting"));
    ok(mod, "board.focus", new JsonObject().put("phase", "custody"));
    ok(mod, "board.focus", new JsonObject().putNull("phase"));
    ok(mod, "board.timer", new JsonObject().put("action", "start").put("seconds", 300));
    ok(mod, "board.timer", new JsonObject().put("action", "pause"));
    ok(mod, "board.timer", new JsonObject().put("action", "stop"));
    ok(mod, "board.settings", new JsonObject().put("hideNotes", true).put("approveNotes", true));
    String secret = note(b, "path:issues", "Nota scritta mentre le note altrui sono nascoste");
    ok(mod, "board.settings", new JsonObject().put("approveNotes", false));
    ok(mod, "board.reveal", new JsonObject());
    ok(
        a,
        "note.delete",
        new JsonObject()
            .put("noteId", secret.equals(n1) ? n2 : note(a, "path:actors", "Da cancellare")));
    ok(mod, "board.stage", new JsonObject().put("stage", "voting"));
    String dots =
        ok(
                mod,
                "vote.open",
                new JsonObject()
                    .put("lane", "improvements")
                    .put("kind", "dots")
                    .put("budget", 5)
                    .put("cap", 3))
            .getJsonObject("result")
            .getString("roundId");
    ok(a, "vote.cast", new JsonObject().put("roundId", dots).put("itemId", imp).put("dots", 2));
    ok(b, "vote.cast", new JsonObject().put("roundId", dots).put("itemId", imp).put("dots", 1));
    ok(
        mod,
        "vote.link",
        new JsonObject()
            .put("roundId", dots)
            .put("itemId", imp)
            .put("phases", new JsonArray().add("custody").add("path")));
    ok(mod, "vote.close", new JsonObject().put("roundId", dots));
    ok(mod, "vote.reopen", new JsonObject().put("roundId", dots));
    ok(mod, "vote.reveal", new JsonObject().put("roundId", dots));
    String rating =
        ok(
                mod,
                "vote.open",
                new JsonObject()
                    .put("lane", "improvements")
                    .put("kind", "rating")
                    .put("comments", true))
            .getJsonObject("result")
            .getString("roundId");
    ok(
        a,
        "vote.cast",
        new JsonObject()
            .put("roundId", rating)
            .put("itemId", imp)
            .put("scores", new JsonObject().put("feasibility", 4).put("sustainability", 3))
            .put("comment", "Utile"));
    ok(mod, "vote.reveal", new JsonObject().put("roundId", rating));
    ok(mod, "participant.remove", new JsonObject().put("participantId", bruno.participantId()));
    ok(mod, "board.stage", new JsonObject().put("stage", "closed"));
    Api.Response rotated =
        api.post(
            "/api/boards/" + id + "/rotate",
            new JsonObject().put("projector", true).put("joinCode", true).encode(),
            workshop.organiserKey());
    if (rotated.status() != 200) {
      throw new AssertionError("rotate: " + rotated.body());
    }
    for (WsClient ws : List.of(mod, a, b)) {
      ws.close();
    }
    dump(TestApp.shared(), id, Path.of("src/test/resources/legacy-log/session.json"));
  }

  private static void dump(PeerBoard app, String boardId, Path file) throws Exception {
    DbSettings db = app.database();
    JsonArray rows = new JsonArray();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement s =
            c.prepareStatement(
                "select seq, type, data::text, undo::text, undone_by, actor_role "
                    + "from board_event where board_id = ?::uuid order by seq")) {
      s.setString(1, boardId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          JsonObject row =
              new JsonObject()
                  .put("seq", r.getLong(1))
                  .put("type", r.getString(2))
                  .put("data", new JsonObject(r.getString(3)))
                  .put("actorRole", r.getString(6));
          if (r.getString(4) != null) {
            row.put("undo", new JsonObject(r.getString(4)));
          }
          long undoneBy = r.getLong(5);
          if (!r.wasNull()) {
            row.put("undoneBy", undoneBy);
          }
          rows.add(row);
        }
      }
    }
    Files.createDirectories(file.getParent());
    Files.writeString(
        file, new JsonObject().put("recordedAt", "87d9bcc").put("events", rows).encodePrettily());
  }

  private WsClient connect(String boardId, String key, String clientId) {
    WsClient ws = WsClient.connect(port);
    JsonObject hello =
        new JsonObject().put("type", "hello").put("boardId", boardId).put("token", key);
    if (clientId != null) {
      hello.put("clientId", clientId);
    }
    ws.sendText(hello.encode());
    ws.nextOfType("welcome");
    return ws;
  }

  private static JsonObject ok(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    if (!"ack".equals(answer.getString("type"))) {
      throw new AssertionError(op + " " + data.encode() + " was refused: " + answer.encode());
    }
    return answer;
  }

  private static String note(WsClient ws, String lane, String text) {
    return ok(ws, "note.add", new JsonObject().put("lane", lane).put("text", text))
        .getJsonObject("result")
        .getString("noteId");
  }
}
