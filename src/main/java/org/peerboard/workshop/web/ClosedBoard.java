package org.peerboard.workshop.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the join link of a closed board shows: its revealed vote results, read-only, built from the
 * board as a participant may see it (hidden notes and notes still secret keep their text out). The
 * page gets them twice: as ranked lines Handlebars writes into the HTML (readable without script),
 * and as rounds with the names of their items for the phone's charts.
 */
final class ClosedBoard {
  private ClosedBoard() {}

  /**
   * {@code {rounds: [...revealed rounds...], names: {itemId: name}, lines: [{heading, items:
   * [{rank, name, figure}]}]}}.
   */
  static JsonObject of(JsonObject board, Map<String, Object> messages, String lang) {
    Map<String, String> names = new HashMap<>();
    for (Object c : board.getJsonArray("clusters", new JsonArray())) {
      JsonObject cluster = (JsonObject) c;
      names.put(cluster.getString("id"), cluster.getString("name"));
    }
    for (Object n : board.getJsonArray("notes", new JsonArray())) {
      JsonObject note = (JsonObject) n;
      if (note.getString("text") != null && !Boolean.TRUE.equals(note.getBoolean("hidden"))) {
        names.put(note.getString("id"), note.getString("text"));
      }
    }
    JsonArray rounds = new JsonArray();
    JsonArray lines = new JsonArray();
    JsonObject shownNames = new JsonObject();
    for (Object r : board.getJsonArray("rounds", new JsonArray())) {
      JsonObject round = (JsonObject) r;
      if (!"revealed".equals(round.getString("status")) || round.getJsonArray("results") == null) {
        continue;
      }
      rounds.add(round);
      JsonArray items = round.getJsonArray("items", new JsonArray());
      JsonArray ranked = new JsonArray();
      for (Object x : round.getJsonArray("results")) {
        JsonObject result = (JsonObject) x;
        String itemId = result.getString("itemId");
        String name = names.get(itemId);
        if (name == null) {
          name =
              text(messages, "vote.itemN")
                  .replace("{n}", String.valueOf(indexOf(items, itemId) + 1));
        } else {
          shownNames.put(itemId, name);
        }
        ranked.add(
            new JsonObject()
                .put(
                    "rank",
                    (Boolean.TRUE.equals(result.getBoolean("tied")) ? "=" : "")
                        + result.getInteger("rank"))
                .put("name", name)
                .put("figure", figure(round, result, messages, lang)));
      }
      lines.add(
          new JsonObject()
              .put("heading", text(messages, "vote.heading.revealed"))
              .put("items", ranked));
    }
    return new JsonObject().put("rounds", rounds).put("names", shownNames).put("lines", lines);
  }

  private static String figure(
      JsonObject round, JsonObject result, Map<String, Object> messages, String lang) {
    String voters = String.valueOf(result.getValue("voters"));
    if ("dots".equals(round.getString("kind"))) {
      return text(messages, "vote.dotsFigure")
          .replace("{dots}", String.valueOf(result.getValue("dots")))
          .replace("{voters}", voters);
    }
    NumberFormat format =
        NumberFormat.getNumberInstance("it".equals(lang) ? Locale.ITALY : Locale.UK);
    // the figure ranks are decided on (Ranking): ties read alike
    format.setMaximumFractionDigits(2);
    Number score = result.getNumber("score");
    return text(messages, "vote.scoreFigure")
        .replace("{score}", format.format(score == null ? 0 : score.doubleValue()))
        .replace("{voters}", voters);
  }

  private static int indexOf(JsonArray items, String itemId) {
    for (int i = 0; i < items.size(); i++) {
      Object item = items.getValue(i);
      String id = item instanceof JsonObject json ? json.getString("id") : String.valueOf(item);
      if (itemId.equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static String text(Map<String, Object> messages, String key) {
    Object value = messages.get(key.replace('.', '_'));
    return value == null ? key : value.toString();
  }
}
