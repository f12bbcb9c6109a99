package org.peerboard.facilitation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/** What a client knows of clusters and note placement, built only from the events it received. */
final class ClientState {
  final Map<String, JsonObject> clusters = new TreeMap<>();
  final Map<String, String> clusterOfNote = new TreeMap<>();

  static ClientState of(JsonObject board) {
    ClientState state = new ClientState();
    board.getJsonArray("clusters").forEach(c -> state.putCluster((JsonObject) c));
    board.getJsonArray("notes").forEach(n -> state.putNote((JsonObject) n));
    return state;
  }

  void apply(JsonObject event) {
    JsonObject data = event.getJsonObject("data");
    if (data.getJsonArray("clusters") != null) {
      data.getJsonArray("clusters").forEach(c -> putCluster((JsonObject) c));
    }
    if (data.getJsonArray("removedClusterIds") != null) {
      data.getJsonArray("removedClusterIds").forEach(clusters::remove);
    }
    if (data.getJsonArray("notes") != null) {
      data.getJsonArray("notes").forEach(n -> putNote((JsonObject) n));
    }
    if (data.getJsonObject("note") != null) {
      putNote(data.getJsonObject("note"));
    }
  }

  private void putCluster(JsonObject cluster) {
    clusters.put(
        cluster.getString("id"),
        new JsonObject()
            .put("name", cluster.getString("name"))
            .put("lane", cluster.getString("lane"))
            .put("noteIds", sorted(cluster.getJsonArray("noteIds"))));
  }

  private void putNote(JsonObject note) {
    clusterOfNote.put(note.getString("id"), String.valueOf(note.getString("clusterId")));
  }

  private static JsonArray sorted(JsonArray ids) {
    return new JsonArray(ids.stream().map(String::valueOf).sorted().toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClientState other
        && clusters.equals(other.clusters)
        && clusterOfNote.equals(other.clusterOfNote);
  }

  @Override
  public int hashCode() {
    return clusters.hashCode();
  }

  @Override
  public String toString() {
    return "clusters=" + clusters + " notes=" + clusterOfNote;
  }
}
