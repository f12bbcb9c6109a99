package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.UUID;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardState;
import org.peerboard.workshop.model.Template;

/** What an op sees inside its transaction: the connection, who acts, and the locked board. */
public record Tx(
    SqlConnection conn,
    Actor actor,
    String client,
    BoardState board,
    Template template,
    JsonObject timer) {
  public UUID boardId() {
    return actor.boardId();
  }
}
