package org.peerboard.vote.db;

import static org.peerboard.vote.db.VoteSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import org.peerboard.board.db.SnapshotPart;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.vote.model.Ballot;
import org.peerboard.vote.model.Round;
import org.peerboard.vote.model.RoundStatus;

/**
 * Rounds as each viewer may see them: results only once revealed; a participant's own ballot always
 * (so a reloaded phone shows what they voted); every ballot only to those who run the board, and
 * only when the round is not anonymous.
 */
public final class VoteStore implements SnapshotPart {
  private final Pool pool;

  public VoteStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> addTo(SqlConnection conn, Actor viewer, JsonObject board) {
    return conn.preparedQuery(ROUNDS)
        .execute(Tuple.of(viewer.boardId()))
        .compose(
            rows -> {
              JsonArray rounds = new JsonArray();
              Future<Void> chain = Future.succeededFuture();
              for (Row row : rows) {
                chain = chain.compose(v -> view(conn, viewer, row).map(rounds::add).mapEmpty());
              }
              return chain.map(
                  v -> {
                    board.put("rounds", rounds);
                    return null;
                  });
            });
  }

  /** {@code GET /api/boards/{id}/votes/{roundId}}: the round as this viewer may see it. */
  public Future<JsonObject> round(Actor viewer, UUID roundId) {
    return pool.withConnection(
        conn ->
            conn.preparedQuery(ROUND_BY_ID)
                .execute(Tuple.of(viewer.boardId(), roundId))
                .compose(
                    rows -> {
                      if (rows.size() == 0) {
                        throw new Rejection(ErrorCode.NOT_FOUND, "error.roundNotFound");
                      }
                      return view(conn, viewer, rows.iterator().next());
                    }));
  }

  private static Future<JsonObject> view(SqlConnection conn, Actor viewer, Row row) {
    JsonObject json = Rounds.json(row);
    Round round = Rounds.round(row);
    boolean seesBallots = viewer.role().runsTheBoard() && !round.anonymous();
    boolean revealed = round.status() == RoundStatus.REVEALED;
    if (!revealed && !seesBallots && viewer.participantId() == null) {
      return Future.succeededFuture(json);
    }
    return conn.preparedQuery(BALLOTS)
        .execute(Tuple.of(round.id()))
        .map(
            rows -> {
              List<Ballot> ballots = Rounds.ballots(rows);
              if (revealed) {
                json.put(
                    "results",
                    Rounds.results(round, Rounds.itemIds(json.getJsonArray("items")), ballots));
              }
              if (viewer.participantId() != null) {
                JsonArray mine = new JsonArray();
                ballots.stream()
                    .filter(b -> b.participantId().equals(viewer.participantId()))
                    .forEach(b -> mine.add(Rounds.ballotJson(b)));
                json.put("myBallot", mine);
              }
              if (seesBallots) {
                JsonArray all = new JsonArray();
                ballots.forEach(
                    b ->
                        all.add(
                            Rounds.ballotJson(b)
                                .put("participantId", b.participantId().toString())));
                json.put("ballots", all);
              }
              return json;
            });
  }

  /** The results of a round, from its ballots. */
  static Future<JsonArray> results(SqlClient client, UUID boardId, Round round) {
    return client
        .preparedQuery(ROUND_BY_ID)
        .execute(Tuple.of(boardId, round.id()))
        .compose(
            rows -> {
              JsonArray items = Rounds.json(rows.iterator().next()).getJsonArray("items");
              return client
                  .preparedQuery(BALLOTS)
                  .execute(Tuple.of(round.id()))
                  .map(
                      ballots ->
                          Rounds.results(round, Rounds.itemIds(items), Rounds.ballots(ballots)));
            });
  }
}
