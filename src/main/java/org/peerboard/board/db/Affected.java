package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.peerboard.board.model.ClusterState;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.NoteState;
import org.peerboard.board.model.Placement;

/**
 * The notes and clusters an op touches: their state before (what undo restores) and after (what the
 * event carries). Keeping both in one shape makes every clustering and moderation op undoable the
 * same way.
 */
final class Affected {
  private Affected() {}

  static UUID[] ids(Collection<UUID> ids) {
    return ids.toArray(UUID[]::new);
  }

  /** The note fields an op may change, each restored only if the op changed it. */
  enum Field {
    LANE,
    CLUSTER,
    DUPLICATE,
    HIDDEN
  }

  /**
   * What undo will need: the given fields of the notes, and the rows of the named clusters (or
   * their absence). Only what the op changes is captured, so undoing one op never reverts another
   * moderator's later work.
   */
  static Future<JsonObject> capture(
      Tx tx,
      Collection<UUID> noteIds,
      Set<Field> fields,
      Collection<UUID> clusterIds,
      Collection<UUID> alsoTouched) {
    return tx.conn()
        .preparedQuery(NOTES_BY_ID)
        .execute(Tuple.of(tx.boardId(), (Object) ids(noteIds)))
        .compose(
            notes -> {
              JsonArray noteStates = new JsonArray();
              Set<UUID> related = new LinkedHashSet<>(clusterIds);
              related.addAll(alsoTouched);
              for (Row row : notes) {
                JsonObject state = new JsonObject().put("id", row.getUUID("id").toString());
                if (fields.contains(Field.LANE)) {
                  state.put("lane", row.getString("lane"));
                }
                if (fields.contains(Field.CLUSTER)) {
                  state.put("clusterId", Notes.string(row.getUUID("cluster_id")));
                }
                if (fields.contains(Field.DUPLICATE)) {
                  state.put("duplicateOf", Notes.string(row.getUUID("duplicate_of")));
                }
                if (fields.contains(Field.HIDDEN)) {
                  state.put("hidden", row.getBoolean("hidden")).put("held", row.getBoolean("held"));
                }
                noteStates.add(state);
                if (row.getUUID("cluster_id") != null) {
                  related.add(row.getUUID("cluster_id"));
                }
              }
              return tx.conn()
                  .preparedQuery(CLUSTERS_BY_ID)
                  .execute(Tuple.of(tx.boardId(), (Object) ids(clusterIds)))
                  .map(
                      rows -> {
                        JsonArray clusterStates = new JsonArray();
                        Set<UUID> present = new LinkedHashSet<>();
                        for (Row row : rows) {
                          present.add(row.getUUID("id"));
                          clusterStates.add(
                              new JsonObject()
                                  .put("id", row.getUUID("id").toString())
                                  .put("lane", row.getString("lane"))
                                  .put("name", row.getString("name")));
                        }
                        clusterIds.stream()
                            .filter(id -> !present.contains(id))
                            .forEach(
                                id ->
                                    clusterStates.add(
                                        new JsonObject()
                                            .put("id", id.toString())
                                            .put("absent", true)));
                        JsonArray relatedIds = new JsonArray();
                        related.forEach(id -> relatedIds.add(id.toString()));
                        return new JsonObject()
                            .put("notes", noteStates)
                            .put("clusters", clusterStates)
                            .put("related", relatedIds);
                      });
            });
  }

  /**
   * What the event carries: the touched notes in full, the touched clusters, and those that are
   * gone.
   */
  static Future<Placement> after(Tx tx, Collection<UUID> noteIds, Collection<UUID> clusterIds) {
    return tx.conn()
        .preparedQuery(NOTES_BY_ID)
        .execute(Tuple.of(tx.boardId(), (Object) ids(noteIds)))
        .compose(
            notes -> {
              List<NoteState> noteList = new ArrayList<>();
              Set<UUID> clusters = new LinkedHashSet<>(clusterIds);
              Notes.all(notes)
                  .forEach(
                      note -> {
                        noteList.add(Notes.stored(note, tx.board().settings()));
                        if (note.clusterId() != null) {
                          clusters.add(note.clusterId());
                        }
                      });
              return tx.conn()
                  .preparedQuery(CLUSTERS_BY_ID)
                  .execute(Tuple.of(tx.boardId(), (Object) ids(clusters)))
                  .map(
                      rows -> {
                        List<ClusterState> clusterList = new ArrayList<>();
                        Set<UUID> present = new LinkedHashSet<>();
                        for (Row row : rows) {
                          present.add(row.getUUID("id"));
                          clusterList.add(Notes.cluster(row));
                        }
                        List<UUID> removed =
                            clusters.stream().filter(id -> !present.contains(id)).toList();
                        return new Placement(noteList, clusterList, removed, null, null);
                      });
            });
  }

  /**
   * Puts clusters and notes back as captured: clusters first, then notes, then clusters that did
   * not exist.
   */
  static Future<Void> restore(Tx tx, JsonObject before) {
    List<Tuple> upserts = new ArrayList<>();
    List<Tuple> deletions = new ArrayList<>();
    before
        .getJsonArray("clusters")
        .forEach(
            o -> {
              JsonObject c = (JsonObject) o;
              UUID id = UUID.fromString(c.getString("id"));
              if (c.getBoolean("absent", false)) {
                deletions.add(Tuple.of(id, tx.boardId()));
              } else {
                upserts.add(
                    Tuple.of(
                        id,
                        tx.boardId(),
                        c.getString("lane"),
                        c.getString("name"),
                        c.getString("afterName")));
              }
            });
    List<Tuple> notes = new ArrayList<>();
    before
        .getJsonArray("notes")
        .forEach(
            o -> {
              JsonObject n = (JsonObject) o;
              JsonObject after = n.getJsonObject("after", new JsonObject());
              notes.add(
                  Tuple.from(
                      new Object[] {
                        tx.boardId(),
                        UUID.fromString(n.getString("id")),
                        n.containsKey("lane"),
                        n.getString("lane"),
                        n.containsKey("clusterId"),
                        uuid(n.getString("clusterId")),
                        n.containsKey("duplicateOf"),
                        uuid(n.getString("duplicateOf")),
                        n.containsKey("hidden"),
                        n.getBoolean("hidden", false),
                        n.getBoolean("held", false),
                        after.getString("lane"),
                        uuid(after.getString("clusterId")),
                        uuid(after.getString("duplicateOf")),
                        after.getBoolean("hidden")
                      }));
            });
    return batch(tx, UPSERT_CLUSTER, upserts)
        .compose(v -> batch(tx, RESTORE_NOTE, notes))
        .compose(v -> batch(tx, DELETE_CLUSTER, deletions));
  }

  /**
   * Adds to the captured state what the op left behind (from its event data), so undo restores a
   * field only while it still holds that value.
   */
  static JsonObject withAfter(JsonObject before, Placement after) {
    Map<String, Note> notesAfter = new HashMap<>();
    after.notes().forEach(n -> notesAfter.put(n.id().toString(), (Note) n));
    Map<String, ClusterState> clustersAfter = new HashMap<>();
    after.clusters().forEach(c -> clustersAfter.put(c.id().toString(), c));
    before
        .getJsonArray("notes")
        .forEach(
            o -> {
              JsonObject n = (JsonObject) o;
              Note note = notesAfter.get(n.getString("id"));
              if (note != null) {
                n.put(
                    "after",
                    new JsonObject()
                        .put("lane", note.lane())
                        .put("clusterId", Notes.string(note.clusterId()))
                        .put("duplicateOf", Notes.string(note.duplicateOf()))
                        .put("hidden", note.hidden()));
              }
            });
    before
        .getJsonArray("clusters")
        .forEach(
            o -> {
              JsonObject c = (JsonObject) o;
              ClusterState cluster = clustersAfter.get(c.getString("id"));
              if (cluster != null) {
                c.put("afterName", cluster.name());
              }
            });
    return before;
  }

  /** Every note id and cluster id named in a captured state. */
  static Set<UUID> noteIds(JsonObject state) {
    Set<UUID> ids = new LinkedHashSet<>();
    state
        .getJsonArray("notes")
        .forEach(n -> ids.add(UUID.fromString(((JsonObject) n).getString("id"))));
    return ids;
  }

  /** The clusters an op touched: those it captured and those its notes were in. */
  static Set<UUID> clusterIds(JsonObject state) {
    Set<UUID> ids = new LinkedHashSet<>();
    state
        .getJsonArray("clusters")
        .forEach(c -> ids.add(UUID.fromString(((JsonObject) c).getString("id"))));
    JsonArray related = state.getJsonArray("related");
    if (related != null) {
      related.forEach(id -> ids.add(UUID.fromString((String) id)));
    }
    return ids;
  }

  private static Future<Void> batch(Tx tx, String sql, List<Tuple> tuples) {
    return tuples.isEmpty()
        ? Future.succeededFuture()
        : tx.conn().preparedQuery(sql).executeBatch(tuples).mapEmpty();
  }

  private static UUID uuid(String s) {
    return s == null ? null : UUID.fromString(s);
  }
}
