package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.BoardRules;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Placement;
import org.peerboard.board.model.Rejection;

/**
 * Clustering notes into named themes inside a lane. Every op captures the state it changes, so undo
 * can put it back, and its event carries the touched notes and clusters in full (clusters with
 * their note ids).
 */
final class ClusterChanges {
  private ClusterChanges() {}

  private record Cluster(UUID id, String lane, String name, int version) {}

  static Future<Change> create(Tx tx, Op.ClusterCreate op) {
    Rejection.check(BoardRules.mayCluster(tx.actor(), tx.board()));
    if (!tx.template().hasLane(op.lane())) {
      throw new Rejection(ErrorCode.INVALID, "error.unknownLane");
    }
    UUID clusterId = op.clusterId() == null ? UUID.randomUUID() : op.clusterId();
    return tx.conn()
        .preparedQuery(CLUSTER_EXISTS)
        .execute(Tuple.of(clusterId))
        .compose(
            exists -> {
              if (exists.size() > 0) {
                throw new Rejection(ErrorCode.CONFLICT, "error.clusterExists");
              }
              return notesInLane(tx, op.noteIds(), op.lane());
            })
        .compose(
            notes ->
                change(
                    tx,
                    BoardEvent.ClusterCreated::new,
                    op.noteIds(),
                    Set.of(clusterId),
                    Set.of(),
                    () ->
                        tx.conn()
                            .preparedQuery(INSERT_CLUSTER)
                            .execute(Tuple.of(clusterId, tx.boardId(), op.lane(), op.label()))
                            .compose(v -> place(tx, op.noteIds(), clusterId)),
                    new JsonObject().put("clusterId", clusterId.toString())));
  }

  static Future<Change> rename(Tx tx, Op.ClusterRename op) {
    Rejection.check(BoardRules.mayCluster(tx.actor(), tx.board()));
    return lock(tx, op.clusterId(), op.version())
        .compose(
            cluster ->
                change(
                    tx,
                    BoardEvent.ClusterRenamed::new,
                    List.of(),
                    Set.of(cluster.id()),
                    Set.of(),
                    () ->
                        tx.conn()
                            .preparedQuery(RENAME_CLUSTER)
                            .execute(Tuple.of(cluster.id(), tx.boardId(), op.newName()))
                            .mapEmpty(),
                    clusterResult(cluster.id())));
  }

  static Future<Change> add(Tx tx, Op.ClusterAdd op) {
    Rejection.check(BoardRules.mayCluster(tx.actor(), tx.board()));
    return lock(tx, op.clusterId(), op.version())
        .compose(
            cluster ->
                notesInLane(tx, op.noteIds(), cluster.lane())
                    .compose(
                        notes ->
                            change(
                                tx,
                                BoardEvent.ClusterAdded::new,
                                op.noteIds(),
                                Set.of(),
                                Set.of(cluster.id()),
                                () -> place(tx, op.noteIds(), cluster.id()),
                                clusterResult(cluster.id()))));
  }

  static Future<Change> remove(Tx tx, Op.ClusterRemove op) {
    Rejection.check(BoardRules.mayCluster(tx.actor(), tx.board()));
    return lockNotes(tx, op.noteIds())
        .compose(
            notes -> {
              Set<UUID> clusters = new LinkedHashSet<>();
              notes.stream()
                  .filter(n -> n.clusterId() != null)
                  .forEach(n -> clusters.add(n.clusterId()));
              return change(
                  tx,
                  BoardEvent.ClusterRemoved::new,
                  op.noteIds(),
                  Set.of(),
                  clusters,
                  () -> place(tx, op.noteIds(), null),
                  new JsonObject());
            });
  }

  static Future<Change> merge(Tx tx, Op.ClusterMerge op) {
    Rejection.check(BoardRules.mayCluster(tx.actor(), tx.board()));
    if (op.clusterId().equals(op.intoClusterId())) {
      throw new Rejection(ErrorCode.INVALID, "error.invalidShape");
    }
    return lock(tx, op.clusterId(), op.version())
        .compose(
            from ->
                lock(tx, op.intoClusterId(), null)
                    .compose(
                        into -> {
                          if (!from.lane().equals(into.lane())) {
                            throw new Rejection(ErrorCode.CONFLICT, "error.mergeAcrossLanes");
                          }
                          return memberIds(tx, from.id())
                              .compose(
                                  members ->
                                      change(
                                          tx,
                                          BoardEvent.ClusterMerged::new,
                                          members,
                                          Set.of(from.id()),
                                          Set.of(into.id()),
                                          () ->
                                              tx.conn()
                                                  .preparedQuery(MOVE_CLUSTER_NOTES)
                                                  .execute(
                                                      Tuple.of(tx.boardId(), from.id(), into.id()))
                                                  .compose(
                                                      v ->
                                                          tx.conn()
                                                              .preparedQuery(DELETE_CLUSTER)
                                                              .execute(
                                                                  Tuple.of(
                                                                      from.id(), tx.boardId())))
                                                  .mapEmpty(),
                                          clusterResult(into.id())));
                        }));
  }

  static Future<Change> dissolve(Tx tx, Op.ClusterDissolve op) {
    Rejection.check(BoardRules.mayCluster(tx.actor(), tx.board()));
    return lock(tx, op.clusterId(), op.version())
        .compose(
            cluster ->
                memberIds(tx, cluster.id())
                    .compose(
                        members ->
                            change(
                                tx,
                                BoardEvent.ClusterDissolved::new,
                                members,
                                Set.of(cluster.id()),
                                Set.of(),
                                () ->
                                    place(tx, members, null)
                                        .compose(
                                            v ->
                                                tx.conn()
                                                    .preparedQuery(DELETE_CLUSTER)
                                                    .execute(Tuple.of(cluster.id(), tx.boardId())))
                                        .mapEmpty(),
                                clusterResult(cluster.id()))));
  }

  /**
   * Captures the state before (note placement, and the rows of clusters the op creates, renames or
   * deletes), runs the change, reads the state after: one shape for every cluster event.
   */
  private static Future<Change> change(
      Tx tx,
      Function<Placement, BoardEvent> event,
      List<UUID> noteIds,
      Set<UUID> restoredClusters,
      Set<UUID> touchedClusters,
      Supplier<Future<Void>> apply,
      JsonObject result) {
    return Affected.capture(
            tx, noteIds, Set.of(Affected.Field.CLUSTER), restoredClusters, touchedClusters)
        .compose(
            before ->
                apply
                    .get()
                    .compose(v -> touch(tx, membershipChanged(before, restoredClusters)))
                    .compose(v -> Affected.after(tx, noteIds, Affected.clusterIds(before)))
                    .map(
                        after ->
                            new Change(
                                event.apply(after.naming(clusterOf(result))),
                                null,
                                result,
                                before)));
  }

  private static UUID clusterOf(JsonObject result) {
    return result.getString("clusterId") == null
        ? null
        : UUID.fromString(result.getString("clusterId"));
  }

  private static Future<Void> place(Tx tx, List<UUID> noteIds, UUID clusterId) {
    if (noteIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.conn()
        .preparedQuery(PLACE_NOTES)
        .execute(Tuple.of(tx.boardId(), Affected.ids(noteIds), clusterId))
        .mapEmpty();
  }

  /**
   * Clusters whose notes changed (not those the op created, renamed or deleted): their version goes
   * up.
   */
  private static Set<UUID> membershipChanged(JsonObject before, Set<UUID> restoredClusters) {
    Set<UUID> changed = new LinkedHashSet<>(Affected.clusterIds(before));
    changed.removeAll(restoredClusters);
    return changed;
  }

  private static Future<Void> touch(Tx tx, Set<UUID> clusterIds) {
    if (clusterIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return tx.conn()
        .preparedQuery(TOUCH_CLUSTERS)
        .execute(Tuple.of(tx.boardId(), (Object) Affected.ids(clusterIds)))
        .mapEmpty();
  }

  private static Future<List<UUID>> memberIds(Tx tx, UUID clusterId) {
    return tx.conn()
        .preparedQuery(
            "select id from note where board_id = $1 and cluster_id = $2 order by id for update")
        .execute(Tuple.of(tx.boardId(), clusterId))
        .map(
            rows -> {
              List<UUID> ids = new ArrayList<>();
              rows.forEach(row -> ids.add(row.getUUID("id")));
              return ids;
            });
  }

  private static Future<List<Note>> lockNotes(Tx tx, List<UUID> noteIds) {
    return tx.conn()
        .preparedQuery(LOCK_NOTES)
        .execute(Tuple.of(tx.boardId(), (Object) Affected.ids(noteIds)))
        .map(
            rows -> {
              if (rows.size() != noteIds.size()) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.noteNotFound");
              }
              return Notes.all(rows);
            });
  }

  private static Future<List<Note>> notesInLane(Tx tx, List<UUID> noteIds, String lane) {
    return lockNotes(tx, noteIds)
        .map(
            notes -> {
              if (notes.stream().anyMatch(n -> !n.lane().equals(lane))) {
                throw new Rejection(ErrorCode.CONFLICT, "error.noteNotInLane");
              }
              return notes;
            });
  }

  private static Future<Cluster> lock(Tx tx, UUID clusterId, Integer seenVersion) {
    return tx.conn()
        .preparedQuery(LOCK_CLUSTER)
        .execute(Tuple.of(clusterId, tx.boardId()))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.clusterNotFound");
              }
              Row row = rows.iterator().next();
              Cluster cluster =
                  new Cluster(
                      row.getUUID("id"),
                      row.getString("lane"),
                      row.getString("name"),
                      row.getInteger("version"));
              Rejection.check(BoardRules.fresh(seenVersion, cluster.version()));
              return cluster;
            });
  }

  private static JsonObject clusterResult(UUID clusterId) {
    return new JsonObject().put("clusterId", clusterId.toString());
  }
}
