package org.peerboard.react.db;

import static org.peerboard.react.db.ReactionSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import org.peerboard.board.db.SettingsJson;
import org.peerboard.board.db.SnapshotPart;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Settings;
import org.peerboard.react.model.ReactionRules;

/**
 * Agreement in the board snapshot: each note's {@code reactions} (the count) where this viewer may
 * see it, a participant's own {@code reacted}, and each cluster's {@code reactions} (the sum over
 * its notes) and {@code reactors} (how many different participants agreed with any of them).
 */
public final class ReactionStore implements SnapshotPart {
  @Override
  public Future<Void> addTo(SqlConnection conn, Actor viewer, JsonObject board) {
    Settings settings = SettingsJson.read(board.getJsonObject("settings"));
    return conn.preparedQuery(NOTE_COUNTS)
        .execute(Tuple.of(viewer.boardId(), viewer.participantId()))
        .compose(
            counts -> {
              addToNotes(counts, viewer, settings, board.getJsonArray("notes"));
              if (!viewer.role().runsTheBoard() && !ReactionRules.roomSeesCounts(settings)) {
                return Future.succeededFuture();
              }
              return conn.preparedQuery(CLUSTER_COUNTS)
                  .execute(Tuple.of(viewer.boardId()))
                  .map(
                      rows -> {
                        addToClusters(rows, viewer.role(), board.getJsonArray("clusters"));
                        return null;
                      });
            });
  }

  private static void addToNotes(
      Iterable<Row> counts, Actor viewer, Settings settings, JsonArray notes) {
    Map<String, Row> byNote = new HashMap<>();
    counts.forEach(row -> byNote.put(row.getUUID("note_id").toString(), row));
    for (Object item : notes) {
      JsonObject note = (JsonObject) item;
      Row row = byNote.get(note.getString("id"));
      ReactionRules.Target target =
          new ReactionRules.Target(
              note.getBoolean("mine", false),
              note.getBoolean("hidden", false),
              note.getBoolean("held", false),
              note.getBoolean("secret", false));
      if (ReactionRules.seesCount(viewer.role(), settings, target)) {
        note.put("reactions", row == null ? 0L : row.getLong("count"));
      }
      if (viewer.role() == Role.PARTICIPANT) {
        note.put("reacted", row != null && row.getBoolean("mine"));
      }
    }
  }

  private static void addToClusters(Iterable<Row> rows, Role viewer, JsonArray clusters) {
    String prefix = viewer.runsTheBoard() ? "all_" : "open_";
    Map<String, Row> byCluster = new HashMap<>();
    rows.forEach(row -> byCluster.put(row.getUUID("cluster_id").toString(), row));
    for (Object item : clusters) {
      JsonObject cluster = (JsonObject) item;
      Row row = byCluster.get(cluster.getString("id"));
      cluster
          .put("reactions", row == null ? 0L : row.getLong(prefix + "sum"))
          .put("reactors", row == null ? 0L : row.getLong(prefix + "people"));
    }
  }
}
