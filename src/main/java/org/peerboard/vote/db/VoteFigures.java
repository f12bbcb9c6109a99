package org.peerboard.vote.db;

import static org.peerboard.vote.db.VoteSql.BALLOTS;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.export.db.VoteSource;
import org.peerboard.export.model.VoteFigure;
import org.peerboard.export.model.Votes;
import org.peerboard.vote.model.Results;
import org.peerboard.vote.model.Round;
import org.peerboard.vote.model.RoundKind;

/** The revealed vote results of some workshops, for exports: recomputed from the ballots like every result. */
public final class VoteFigures implements VoteSource {
  private static final String REVEALED = """
      select r.id, r.board_id, r.lane, r.kind, r.status, r.budget, r.cap, r.criteria, r.anonymous, r.comments,
             coalesce((select json_agg(json_build_object('id', i.item_id, 'kind', i.kind, 'phases', i.phases)
                                       order by i.position) from vote_item i where i.round_id = r.id), '[]') as items
        from vote_round r join board b on b.id = r.board_id
       where b.workshop_id = any($1) and r.status = 'revealed'
       order by b.position, r.created_at, r.id""";

  private final Pool pool;

  public VoteFigures(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Votes> revealed(List<UUID> workshopIds) {
    return pool.withConnection(conn -> conn.preparedQuery(REVEALED)
        .execute(Tuple.of((Object) workshopIds.toArray(UUID[]::new))).compose(rounds -> {
          List<VoteFigure> figures = new ArrayList<>();
          Future<Void> chain = Future.succeededFuture();
          for (Row row : rounds) {
            Round round = Rounds.round(row);
            UUID boardId = row.getUUID("board_id");
            List<UUID> items = Rounds.itemIds(Rounds.toArray(row.getValue("items")));
            chain = chain.compose(v -> conn.preparedQuery(BALLOTS).execute(Tuple.of(round.id())).map(ballots -> {
              for (Results.Item item : Results.compute(round, items, Rounds.ballots(ballots))) {
                figures.addAll(figures(boardId, round, item));
              }
              return null;
            }));
          }
          return chain.map(v -> new Votes(figures));
        }));
  }

  private static List<VoteFigure> figures(UUID boardId, Round round, Results.Item item) {
    if (round.kind() == RoundKind.DOTS) {
      return List.of(new VoteFigure(boardId, round.id(), round.kind().wire(), item.itemId(), "dots", item.voters(),
          null, null, Map.of(), item.dots()));
    }
    List<VoteFigure> list = new ArrayList<>();
    item.criteria().forEach((criterion, c) -> {
      Map<Integer, Integer> distribution = new LinkedHashMap<>();
      for (int score = Round.MIN_SCORE; score <= Round.MAX_SCORE; score++) {
        distribution.put(score, c.distribution()[score - 1]);
      }
      list.add(new VoteFigure(boardId, round.id(), round.kind().wire(), item.itemId(), criterion, c.n(),
          c.n() == 0 ? null : c.mean(), c.n() == 0 ? null : c.median(), distribution, null));
    });
    return list;
  }
}
