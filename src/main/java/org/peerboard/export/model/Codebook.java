package org.peerboard.export.model;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import org.peerboard.i18n.Messages;
import org.peerboard.workshop.model.Professions;
import org.peerboard.workshop.model.Template;

/**
 * What every column of every table means, in the rows of {@link Columns#CODEBOOK}: its key, its
 * header in English and Italian, its type, its unit or time zone, the values it may hold (codes
 * with their labels) and what an empty cell means. The download's own facts (when, which version,
 * which scope) come first, as rows of the table {@code download}. Texts live in {@code
 * i18n/codebook_*.properties}.
 */
public final class Codebook {
  /** Each table in the order downloads give them, with its columns. */
  public static Map<String, List<String>> tables(List<String> tagKeys) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    tables.put("notes", Columns.withTags(Columns.NOTES, tagKeys));
    tables.put("clusters", Columns.CLUSTERS);
    tables.put("votes", Columns.VOTES);
    tables.put("ballots", Columns.BALLOTS);
    tables.put("comments", Columns.COMMENTS);
    tables.put("participants", Columns.PARTICIPANTS);
    List<String> matrix = new ArrayList<>(Columns.MATRIX);
    tagKeys.forEach(t -> matrix.add("tag_" + t));
    matrix.add("untagged");
    matrix.add("not_shown");
    tables.put("matrix", matrix);
    tables.put("history", Columns.HISTORY);
    return tables;
  }

  private static final Set<String> BOOLEANS =
      Set.of("hidden", "held", "edited", "redacted", "removed", "undone", "round_anonymous");
  private static final Set<String> INTEGERS =
      Set.of(
          "notes",
          "seq",
          "round_number",
          "round_voters",
          "rank",
          "proposal_note_count",
          "ballots",
          "n_1",
          "n_2",
          "n_3",
          "n_4",
          "n_5",
          "dots",
          "comment_count",
          "score",
          "untagged",
          "not_shown",
          "reactions");
  private static final Set<String> DECIMALS =
      Set.of("mean", "median", "sd", "agreement", "reaction_share");
  private static final Set<String> CODES =
      Set.of(
          "phase",
          "dimension",
          "lane",
          "round_lane",
          "author_profession",
          "profession",
          "author_role",
          "actor_role",
          "round_kind",
          "proposal_kind",
          "criterion",
          "event",
          "language");
  private static final Set<String> CODE_LISTS = Set.of("tags", "proposal_phases");

  private final Template template;
  private final String language;
  private final ZoneId zone;
  private final ResourceBundle words;
  private final Labels labels;

  public Codebook(Template template, String language, ZoneId zone) {
    this.template = template;
    this.language = Messages.language(language);
    this.zone = zone;
    this.words = Messages.bundle("i18n/codebook", language);
    this.labels = new Labels(template, this.language);
  }

  /** The rows: the download's facts, then every column of every table. */
  public List<Object[]> rows(ExportMeta meta) {
    List<Object[]> rows = new ArrayList<>();
    for (String[] fact : meta.entries()) {
      rows.add(
          new Object[] {
            "download",
            fact[0],
            word("en", "meta." + fact[0]),
            word("it", "meta." + fact[0]),
            "exported_at".equals(fact[0]) ? "datetime" : "text",
            "exported_at".equals(fact[0]) ? "UTC" : null,
            null,
            null,
            fact[1]
          });
    }
    Labels en = new Labels(template, "en");
    Labels it = new Labels(template, "it");
    tables(labels.tagKeys())
        .forEach(
            (table, columns) -> {
              for (String column : columns) {
                rows.add(
                    new Object[] {
                      table,
                      column,
                      Columns.header(column, "en", en, zone),
                      Columns.header(column, "it", it, zone),
                      type(table, column),
                      unit(column),
                      values(table, column),
                      empty(table, column),
                      null
                    });
              }
            });
    return rows;
  }

  private static boolean tagColumn(String column, List<String> tagKeys) {
    return column.startsWith("tag_") && tagKeys.contains(column.substring(4));
  }

  static String type(String table, String column) {
    if (Columns.IDS.contains(column) || column.endsWith("_id") || "duplicate_of".equals(column)) {
      return "uuid";
    }
    if (Columns.TIMES.contains(column)) {
      return "datetime";
    }
    if ("date".equals(column)) {
      return "date";
    }
    if (column.startsWith("tag_") && !"tag_labels".equals(column)) {
      return "matrix".equals(table) ? "integer" : "boolean";
    }
    if (BOOLEANS.contains(column)) {
      return "boolean";
    }
    if (INTEGERS.contains(column)) {
      return "integer";
    }
    if (DECIMALS.contains(column)) {
      return "decimal";
    }
    if (CODES.contains(column)) {
      return "code";
    }
    return CODE_LISTS.contains(column) ? "codes" : "text";
  }

  private String unit(String column) {
    if (Columns.TIMES.contains(column)) {
      return zone.getId() + " " + words.getString("unit.time");
    }
    if ("date".equals(column)) {
      return words.getString("unit.date");
    }
    String key = "unit." + column;
    return words.containsKey(key) ? words.getString(key) : null;
  }

  private String values(String table, String column) {
    String type = type(table, column);
    if ("boolean".equals(type)) {
      return words.getString("values.boolean");
    }
    if ("tags".equals(column) || tagColumn(column, labels.tagKeys()) && "matrix".equals(table)) {
      return pairs(template.tags(), labels::tag);
    }
    return switch (column) {
      case "phase", "proposal_phases" -> pairs(template.phases(), labels::phase);
      case "dimension" -> pairs(template.dimensions(), labels::dimension);
      case "lane", "round_lane" -> lanes();
      case "author_profession", "profession" ->
          Professions.CODES.stream()
              .map(c -> c + " = " + Words.profession(c, language))
              .collect(Collectors.joining(" | "));
      case "author_role" -> words.getString("values.author_role");
      case "actor_role" -> words.getString("values.actor_role");
      case "round_kind" -> words.getString("values.round_kind");
      case "proposal_kind" -> words.getString("values.proposal_kind");
      case "criterion" -> words.getString("values.criterion");
      case "score" -> "1 | 2 | 3 | 4 | 5";
      case "language" -> "it | en";
      case "event" -> words.getString("values.event");
      default -> null;
    };
  }

  private String lanes() {
    List<String> lanes = new ArrayList<>();
    for (Template.Item phase : template.phases()) {
      for (Template.Item dimension : template.dimensions()) {
        String id = phase.key() + ":" + dimension.key();
        lanes.add(id + " = " + labels.lane(id, phase.key(), dimension.key()));
      }
    }
    template
        .extraLanes()
        .forEach(l -> lanes.add(l.key() + " = " + labels.lane(l.key(), null, null)));
    return String.join(" | ", lanes);
  }

  private static String pairs(
      List<Template.Item> items, java.util.function.Function<String, String> label) {
    return items.stream()
        .map(i -> i.key() + " = " + label.apply(i.key()))
        .collect(Collectors.joining(" | "));
  }

  private String empty(String table, String column) {
    String specific = "empty." + table + "." + column;
    if (words.containsKey(specific)) {
      return words.getString(specific);
    }
    if (column.startsWith("tag_") && !"tag_labels".equals(column)) {
      return words.getString("empty.never");
    }
    String general = "empty." + column;
    return words.containsKey(general) ? words.getString(general) : words.getString("empty.never");
  }

  private static String word(String language, String key) {
    ResourceBundle bundle = Messages.bundle("i18n/codebook", language);
    return bundle.containsKey(key) ? bundle.getString(key) : key;
  }
}
