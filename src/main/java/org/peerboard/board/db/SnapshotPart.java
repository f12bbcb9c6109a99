package org.peerboard.board.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.peerboard.board.model.Actor;

/** A feature's part of the board object, read in the snapshot's repeatable-read transaction. */
public interface SnapshotPart {
  Future<Void> addTo(SqlConnection conn, Actor viewer, JsonObject board);
}
