package org.peerboard.vote.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.vote.model.Ballot;
import org.peerboard.vote.model.Results;
import org.peerboard.vote.model.Round;
import org.peerboard.vote.model.RoundKind;
import org.peerboard.vote.model.RoundStatus;

/** Rounds, ballots and results between rows and JSON. */
final class Rounds {
  private Rounds() {}

  static Round round(Row row) {
    JsonArray criteria = toArray(row.getValue("criteria"));
    List<String> keys = new ArrayList<>();
    criteria.forEach(c -> keys.add(((JsonObject) c).getString("key")));
    return new Round(
        row.getUUID("id"),
        row.getString("lane"),
        RoundKind.fromWire(row.getString("kind")).orElseThrow(),
        RoundStatus.fromWire(row.getString("status")),
        row.getInteger("budget") == null ? 0 : row.getInteger("budget"),
        row.getInteger("cap") == null ? 0 : row.getInteger("cap"),
        keys,
        row.getBoolean("anonymous"),
        row.getBoolean("comments"));
  }

  static List<Ballot> ballots(RowSet<Row> rows) {
    List<Ballot> ballots = new ArrayList<>();
    for (Row row : rows) {
      JsonObject scores = (JsonObject) row.getValue("scores");
      Map<String, Integer> map = new HashMap<>();
      scores.forEach(e -> map.put(e.getKey(), ((Number) e.getValue()).intValue()));
      ballots.add(
          new Ballot(
              row.getUUID("participant_id"),
              row.getUUID("item_id"),
              row.getInteger("dots"),
              map,
              row.getString("comment")));
    }
    return ballots;
  }

  /**
   * The round as every viewer may see it: its set-up, items and the number of voters, never a
   * ballot.
   */
  static JsonObject json(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("lane", row.getString("lane"))
        .put("kind", row.getString("kind"))
        .put("status", row.getString("status"))
        .put("budget", row.getInteger("budget"))
        .put("cap", row.getInteger("cap"))
        .put("criteria", toArray(row.getValue("criteria")))
        .put("anonymous", row.getBoolean("anonymous"))
        .put("comments", row.getBoolean("comments"))
        .put("items", toArray(row.getValue("items")))
        .put("voters", row.getLong("voters"));
  }

  static JsonArray results(Round round, List<UUID> items, List<Ballot> ballots) {
    JsonArray list = new JsonArray();
    for (Results.Item item : Results.compute(round, items, ballots)) {
      JsonObject json =
          new JsonObject()
              .put("itemId", item.itemId().toString())
              .put("rank", item.rank())
              .put("tied", item.tied())
              .put("voters", item.voters());
      if (round.kind() == RoundKind.DOTS) {
        json.put("dots", item.dots());
      } else {
        JsonObject criteria = new JsonObject();
        item.criteria()
            .forEach(
                (key, c) ->
                    criteria.put(
                        key,
                        new JsonObject()
                            .put("n", c.n())
                            .put("mean", c.mean())
                            .put("median", c.median())
                            .put(
                                "distribution",
                                new JsonArray(Arrays.stream(c.distribution()).boxed().toList()))
                            .put("sd", c.sd())
                            .put("agreement", c.agreement())));
        json.put("criteria", criteria).put("score", item.score());
      }
      if (round.comments()) {
        json.put("comments", new JsonArray(item.comments()));
      }
      list.add(json);
    }
    return list;
  }

  static JsonObject ballotJson(Ballot ballot) {
    JsonObject scores = new JsonObject();
    ballot.scores().forEach(scores::put);
    return new JsonObject()
        .put("itemId", ballot.itemId().toString())
        .put("dots", ballot.dots())
        .put("scores", scores)
        .put("comment", ballot.comment());
  }

  static List<UUID> itemIds(JsonArray items) {
    List<UUID> ids = new ArrayList<>();
    items.forEach(i -> ids.add(UUID.fromString(((JsonObject) i).getString("id"))));
    return ids;
  }

  static JsonArray toArray(Object value) {
    if (value instanceof JsonArray array) {
      return array;
    }
    return value == null ? new JsonArray() : new JsonArray(String.valueOf(value));
  }
}
