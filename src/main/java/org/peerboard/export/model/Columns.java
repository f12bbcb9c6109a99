package org.peerboard.export.model;

import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import org.peerboard.i18n.Messages;

/** The column keys of each table researchers download, with headers in Italian or English. */
public final class Columns {
  /** One row per note: the CSV long format and the Notes sheet. */
  public static final List<String> NOTES =
      List.of(
          "workshop_id",
          "workshop",
          "place",
          "date",
          "group_id",
          "group",
          "note_id",
          "phase",
          "phase_label",
          "dimension",
          "dimension_label",
          "lane",
          "lane_label",
          "tags",
          "tag_labels",
          "cluster_id",
          "cluster",
          "duplicate_of",
          "hidden",
          "held",
          "text",
          "author",
          "author_profession",
          "author_profession_label",
          "author_role",
          "created_at",
          "updated_at",
          "proposal_id");

  public static final List<String> CLUSTERS =
      List.of(
          "workshop_id",
          "workshop",
          "place",
          "group_id",
          "group",
          "cluster_id",
          "cluster",
          "lane",
          "lane_label",
          "phase",
          "phase_label",
          "dimension",
          "dimension_label",
          "notes",
          "created_at",
          "updated_at");

  /**
   * One row per revealed round, proposal and criterion (dot rounds: one row per proposal, criterion
   * {@code dots}).
   */
  public static final List<String> VOTES =
      List.of(
          "workshop_id",
          "group_id",
          "group",
          "round_id",
          "round_number",
          "round_kind",
          "round_lane",
          "round_opened_at",
          "round_revealed_at",
          "round_voters",
          "round_anonymous",
          "rank",
          "proposal_id",
          "proposal_kind",
          "proposal",
          "proposal_notes",
          "criterion",
          "criterion_label",
          "ballots",
          "mean",
          "median",
          "n_1",
          "n_2",
          "n_3",
          "n_4",
          "n_5",
          "dots",
          "comment_count",
          "comments");

  /** Columns holding a UUID: wide enough in XLSX to read one whole. */
  public static final Set<String> IDS =
      Set.of(
          "workshop_id",
          "group_id",
          "note_id",
          "cluster_id",
          "duplicate_of",
          "round_id",
          "proposal_id");

  /** Columns holding a time: ISO-8601 UTC text in CSV and JSON, a date-time cell in XLSX. */
  public static final Set<String> TIMES =
      Set.of(
          "created_at",
          "updated_at",
          "at",
          "round_opened_at",
          "round_revealed_at",
          "started_at",
          "ended_at");

  /** Fixed columns of the Matrix table; one count column per tag and an untagged column follow. */
  public static final List<String> MATRIX =
      List.of(
          "workshop_id",
          "workshop",
          "place",
          "group_id",
          "group",
          "phase",
          "phase_label",
          "dimension",
          "dimension_label",
          "lane",
          "notes");

  public static final List<String> HISTORY =
      List.of(
          "workshop_id",
          "group_id",
          "group",
          "seq",
          "at",
          "event",
          "actor_role",
          "actor",
          "note_id",
          "undone");

  private Columns() {}

  /**
   * Headers in the given language, or the stable keys themselves when {@code keys} is asked for.
   */
  public static List<String> headers(List<String> columns, String language, boolean keys) {
    if (keys) {
      return columns;
    }
    ResourceBundle bundle = Messages.bundle("i18n/messages", language);
    return columns.stream()
        .map(c -> bundle.containsKey("export.col." + c) ? bundle.getString("export.col." + c) : c)
        .toList();
  }

  /** A label of the export bundle, e.g. a sheet name. */
  public static String label(String key, String language) {
    ResourceBundle bundle = Messages.bundle("i18n/messages", language);
    return bundle.containsKey(key) ? bundle.getString(key) : key;
  }
}
