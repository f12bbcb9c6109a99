package org.peerboard.board.model;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What a clustering or moderation event carries: the touched notes in full, the touched clusters,
 * those that are gone, the cluster the op named (cluster ops; null for an undo) and, for an undo,
 * the seq of the event it undid.
 */
public record Placement(
    List<NoteState> notes,
    List<ClusterState> clusters,
    List<UUID> removedClusterIds,
    UUID clusterId,
    Long undoes) {
  /** The same, naming the cluster a cluster op was about. */
  public Placement naming(UUID cluster) {
    return new Placement(notes, clusters, removedClusterIds, cluster, undoes);
  }

  /** The same as the event of an undo: no cluster named, and the seq of the undone event. */
  public Placement undoing(long seq) {
    return new Placement(notes, clusters, removedClusterIds, null, seq);
  }

  Placement mapNotes(UnaryOperator<NoteState> fn) {
    return new Placement(
        notes.stream().map(fn).toList(), clusters, removedClusterIds, clusterId, undoes);
  }
}
