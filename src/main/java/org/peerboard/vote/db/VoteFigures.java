package org.peerboard.vote.db;

import static org.peerboard.vote.db.VoteSql.BALLOTS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.export.db.VoteSource;
import org.peerboard.export.model.VoteRound;
import org.peerboard.export.model.Votes;
import org.peerboard.vote.model.Results;
import org.peerboard.vote.model.Round;
import org.peerboard.vote.model.RoundKind;

/**
 * The revealed vote rounds of some workshops, for exports: counts recomputed from the ballots like
 * every result, with the comments of rounds that took them (never who wrote them), the round's
 * number on its board, when it was opened and last revealed, and how many participants voted.
 */
public final class VoteFigures implements VoteSource {
  private static final String REVEALED =
      """
      select * from (
        select r.id, r.board_id, r.lane, r.kind, r.status, r.budget, r.cap, r.criteria, r.anonymous, r.comments,
               r.created_at, b.position,
               row_number() over (partition by r.board_id order by r.created_at, r.id) as number,
               (select max(e.at) from board_event e where e.board_id = r.board_id and e.type = $2
                  and e.data->>'roundId' = r.id::text) as revealed_at,
               (select count(distinct v.participant_id) from ballot v
                 where v.round_id = r.id and (v.dots > 0 or v.scores <> '{}'::jsonb)) as voters,
               coalesce((select json_agg(json_build_object('id', i.item_id, 'kind', i.kind, 'phases', i.phases)
                                         order by i.position) from vote_item i where i.round_id = r.id), '[]') as items
          from vote_round r join board b on b.id = r.board_id
         where b.workshop_id = any($1)) rounds
       where status = 'revealed'
       order by position, number""";

  private final Pool pool;

  public VoteFigures(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Votes> revealed(List<UUID> workshopIds) {
    return pool.withConnection(
        conn ->
            conn.preparedQuery(REVEALED)
                .execute(
                    Tuple.of(
                        (Object) workshopIds.toArray(UUID[]::new), BoardEvent.VoteRevealed.NAME))
                .compose(
                    rows -> {
                      List<VoteRound> rounds = new ArrayList<>();
                      Future<Void> chain = Future.succeededFuture();
                      for (Row row : rows) {
                        Round round = Rounds.round(row);
                        JsonArray items = Rounds.toArray(row.getValue("items"));
                        List<UUID> ids = Rounds.itemIds(items);
                        chain =
                            chain.compose(
                                v ->
                                    conn.preparedQuery(BALLOTS)
                                        .execute(Tuple.of(round.id()))
                                        .map(
                                            ballots -> {
                                              rounds.add(
                                                  round(
                                                      row,
                                                      round,
                                                      items,
                                                      Results.compute(
                                                          round, ids, Rounds.ballots(ballots))));
                                              return null;
                                            }));
                      }
                      return chain.map(v -> new Votes(rounds, Map.of()));
                    }));
  }

  private static VoteRound round(
      Row row, Round round, JsonArray items, List<Results.Item> results) {
    Map<UUID, Results.Item> byId = new LinkedHashMap<>();
    results.forEach(r -> byId.put(r.itemId(), r));
    List<VoteRound.Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      Results.Item result = byId.get(UUID.fromString(item.getString("id")));
      Map<String, int[]> distributions = new LinkedHashMap<>();
      result.criteria().forEach((key, c) -> distributions.put(key, c.distribution().clone()));
      proposals.add(
          new VoteRound.Proposal(
              result.itemId(),
              item.getString("kind"),
              i,
              result.dots(),
              result.voters(),
              distributions,
              result.comments()));
    }
    List<VoteRound.Criterion> criteria = new ArrayList<>();
    if (round.kind() == RoundKind.RATING) {
      for (Object c : Rounds.toArray(row.getValue("criteria"))) {
        JsonObject criterion = (JsonObject) c;
        Map<String, String> labels = new LinkedHashMap<>();
        JsonObject given = criterion.getJsonObject("labels");
        if (given != null) {
          given.forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
        }
        criteria.add(new VoteRound.Criterion(criterion.getString("key"), labels));
      }
    }
    return new VoteRound(
        row.getUUID("board_id"),
        round.id(),
        row.getLong("number").intValue(),
        round.lane(),
        round.kind().wire(),
        round.anonymous(),
        round.comments(),
        criteria,
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("revealed_at"),
        row.getLong("voters").intValue(),
        proposals);
  }
}
