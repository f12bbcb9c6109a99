package org.peerboard.export.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.peerboard.export.model.BallotRow;
import org.peerboard.export.model.Votes;

/**
 * Adds to revealed votes their anonymised ballots and the phases their proposals were linked to.
 * Each voter gets a random ballot id per round, drawn anew for every download: it ties the rows of
 * one ballot together and nothing else. Rows are ordered by that id, so their order says nothing
 * about who voted first or joined first.
 */
final class Ballots {
  private Ballots() {}

  static Future<Votes> with(Pool pool, Votes votes) {
    if (votes.isEmpty()) {
      return Future.succeededFuture(votes);
    }
    Tuple rounds = Tuple.of((Object) votes.roundIds().toArray(UUID[]::new));
    Map<UUID, Boolean> comments = new HashMap<>();
    votes.rounds().forEach(r -> comments.put(r.id(), r.comments()));
    return pool.preparedQuery(ExportSql.BALLOTS)
        .execute(rounds)
        .compose(
            rows -> {
              Map<UUID, Map<UUID, String>> ids = new HashMap<>();
              List<BallotRow> ballots = new ArrayList<>();
              for (Row row : rows) {
                UUID round = row.getUUID("round_id");
                String ballot =
                    ids.computeIfAbsent(round, k -> new HashMap<>())
                        .computeIfAbsent(
                            row.getUUID("participant_id"), k -> UUID.randomUUID().toString());
                Map<String, Integer> scores = new TreeMap<>();
                JsonObject given = (JsonObject) row.getValue("scores");
                if (given != null) {
                  given.forEach(e -> scores.put(e.getKey(), ((Number) e.getValue()).intValue()));
                }
                String comment = row.getString("comment");
                ballots.add(
                    new BallotRow(
                        round,
                        ballot,
                        row.getUUID("item_id"),
                        row.getInteger("position"),
                        row.getInteger("dots"),
                        scores,
                        Boolean.TRUE.equals(comments.get(round))
                                && comment != null
                                && !comment.isBlank()
                            ? comment
                            : null));
              }
              ballots.sort(
                  Comparator.comparing(BallotRow::ballotId)
                      .thenComparingInt(BallotRow::itemPosition));
              return pool.preparedQuery(ExportSql.LINKS)
                  .execute(rounds)
                  .map(
                      links -> {
                        Map<UUID, Map<UUID, List<String>>> phases = new HashMap<>();
                        for (Row link : links) {
                          String[] keys = link.getArrayOfStrings("phases");
                          phases
                              .computeIfAbsent(link.getUUID("round_id"), k -> new HashMap<>())
                              .put(link.getUUID("item_id"), Arrays.asList(keys));
                        }
                        return votes.withBallots(ballots, phases);
                      });
            });
  }
}
