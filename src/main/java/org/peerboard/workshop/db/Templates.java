package org.peerboard.workshop.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.workshop.model.Glossary;
import org.peerboard.workshop.model.JoinCodes;
import org.peerboard.workshop.model.Template;
import org.peerboard.workshop.model.TemplateRules;

/**
 * Templates from the database, kept in memory once read: a template never changes once boards use
 * it.
 */
public final class Templates {
  private static final String SELECT = "select definition from template where id = $1";
  private static final String INSERT = "insert into template (id, definition) values ($1, $2)";

  private final Pool pool;
  private final Map<String, Template> cache = new ConcurrentHashMap<>();
  private final Map<String, JsonObject> json = new ConcurrentHashMap<>();

  public Templates(Pool pool) {
    this.pool = pool;
  }

  public Future<Template> get(String id) {
    Template cached = cache.get(id);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return pool.preparedQuery(SELECT)
        .execute(Tuple.of(id))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(ErrorCode.INVALID, "error.unknownTemplate");
              }
              Row row = rows.iterator().next();
              JsonObject definition = (JsonObject) row.getValue("definition");
              Template template = parse(definition);
              json.put(id, definition);
              cache.put(id, template);
              return template;
            });
  }

  /** The definition as clients receive it in the board object. */
  public JsonObject json(String id) {
    return json.get(id);
  }

  /**
   * Stores an organiser's template under a new id, after {@link TemplateRules} found nothing wrong
   * with it.
   */
  public Future<String> create(JsonObject body) {
    Template parsed;
    try {
      parsed = parse(body.copy().put("id", "new"));
    } catch (ClassCastException | NullPointerException e) {
      return Future.failedFuture(
          new Rejection(
              ErrorCode.INVALID,
              "error.templateInvalid",
              "phases, dimensions, tags and extraLanes are lists of {key, labels: {it, en}}; glossary is "
                  + "{it: [[synonyms]], en: [[synonyms]]}."));
    }
    List<String> problems = TemplateRules.problems(parsed);
    if (!problems.isEmpty()) {
      return Future.failedFuture(
          new Rejection(ErrorCode.INVALID, "error.templateInvalid", String.join("; ", problems)));
    }
    String id = "custom-" + JoinCodes.next().toLowerCase() + JoinCodes.next().toLowerCase();
    JsonObject definition =
        new JsonObject()
            .put("id", id)
            .put("labels", body.getValue("labels"))
            .put("phases", body.getValue("phases"))
            .put("dimensions", body.getValue("dimensions"))
            .put("tags", body.getValue("tags", new JsonArray()))
            .put("extraLanes", body.getValue("extraLanes", new JsonArray()));
    if (body.getValue("glossary") != null) {
      definition.put("glossary", body.getValue("glossary"));
    }
    return pool.preparedQuery(INSERT).execute(Tuple.of(id, definition)).map(done -> id);
  }

  static Template parse(JsonObject definition) {
    return new Template(
        definition.getString("id"),
        labels(definition.getJsonObject("labels")),
        items(definition.getJsonArray("phases")),
        items(definition.getJsonArray("dimensions")),
        items(definition.getJsonArray("tags")),
        items(definition.getJsonArray("extraLanes")),
        glossary(definition.getJsonObject("glossary")));
  }

  /**
   * {@code {it: [["casa", "alloggio"], …], en: […]}}; anything that is not a list of lists of
   * strings is dropped.
   */
  private static Glossary glossary(JsonObject glossary) {
    if (glossary == null) {
      return Glossary.EMPTY;
    }
    Map<String, List<List<String>>> byLanguage = new HashMap<>();
    for (String language : glossary.fieldNames()) {
      if (!(glossary.getValue(language) instanceof JsonArray groups)) {
        byLanguage.put(
            language, Collections.singletonList(null)); // TemplateRules names the problem
        continue;
      }
      List<List<String>> lists = new ArrayList<>();
      for (Object group : groups) {
        if (group instanceof JsonArray words) {
          List<String> entries = new ArrayList<>();
          words.forEach(word -> entries.add(word instanceof String text ? text : null));
          lists.add(Collections.unmodifiableList(entries));
        } else {
          lists.add(null);
        }
      }
      byLanguage.put(language, Collections.unmodifiableList(lists));
    }
    return new Glossary(byLanguage);
  }

  private static List<Template.Item> items(JsonArray array) {
    List<Template.Item> items = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        JsonObject item = array.getJsonObject(i);
        items.add(new Template.Item(item.getString("key"), labels(item.getJsonObject("labels"))));
      }
    }
    return List.copyOf(items);
  }

  private static Map<String, String> labels(JsonObject labels) {
    Map<String, String> map = new HashMap<>();
    if (labels != null) {
      labels.forEach(
          e -> {
            if (e.getValue() instanceof String label) {
              map.put(e.getKey(), label);
            }
          });
    }
    return Map.copyOf(map);
  }
}
