package org.peerboard.export.model;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import org.peerboard.i18n.Messages;

/** The column keys of each table researchers download, with headers in Italian or English. */
public final class Columns {
  /**
   * Stands in {@link #NOTES} for one yes/no column per tag of the template ({@code tag_foster}).
   */
  public static final String TAGS = "tag_*";

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
          TAGS,
          "cluster_id",
          "cluster",
          "duplicate_of",
          "hidden",
          "held",
          "edited",
          "redacted",
          "text",
          "author",
          "author_key",
          "author_profession",
          "author_profession_label",
          "author_role",
          "created_at",
          "updated_at",
          "proposal_id",
          "reactions",
          "reaction_share");

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
          "workshop",
          "place",
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
          "proposal_note_count",
          "proposal_phases",
          "proposal_phase_labels",
          "criterion",
          "criterion_label",
          "ballots",
          "mean",
          "median",
          "sd",
          "agreement",
          "n_1",
          "n_2",
          "n_3",
          "n_4",
          "n_5",
          "dots",
          "comment_count");

  /**
   * One row per participant of each group. The one list of participant columns: a column added here
   * (e.g. consent fields) is added in {@code Rows.participant} at the same place, and described in
   * the codebook.
   */
  public static final List<String> PARTICIPANTS =
      List.of(
          "workshop_id",
          "workshop",
          "place",
          "date",
          "group_id",
          "group",
          "participant_key",
          "pseudonym",
          "name",
          "profession",
          "profession_label",
          "joined_at",
          "removed",
          "consented_at",
          "notice_version",
          "withdrawn_at");

  /**
   * One row per anonymised ballot, proposal and criterion (dot rounds: one row per ballot and
   * proposal, criterion {@code dots}); no time, no profession, no participant.
   */
  public static final List<String> BALLOTS =
      List.of(
          "workshop_id",
          "workshop",
          "place",
          "group_id",
          "group",
          "round_id",
          "round_number",
          "round_kind",
          "ballot_id",
          "proposal_id",
          "proposal",
          "criterion",
          "criterion_label",
          "score",
          "dots",
          "comment");

  /** One row per comment given with a ballot. */
  public static final List<String> COMMENTS =
      List.of(
          "workshop_id",
          "workshop",
          "place",
          "group_id",
          "group",
          "round_id",
          "round_number",
          "proposal_id",
          "proposal",
          "comment",
          "language");

  /** What each column of each table means; the download's own facts come first. */
  public static final List<String> CODEBOOK =
      List.of(
          "table",
          "column",
          "label_en",
          "label_it",
          "type",
          "unit",
          "allowed_values",
          "empty_means",
          "value");

  /** Columns holding a UUID: wide enough in XLSX to read one whole. */
  public static final Set<String> IDS =
      Set.of(
          "workshop_id",
          "group_id",
          "note_id",
          "cluster_id",
          "duplicate_of",
          "round_id",
          "proposal_id",
          "ballot_id");

  /** Columns holding a time: ISO-8601 UTC text in CSV and JSON, a date-time cell in XLSX. */
  public static final Set<String> TIMES =
      Set.of(
          "created_at",
          "updated_at",
          "at",
          "round_opened_at",
          "round_revealed_at",
          "joined_at",
          "consented_at",
          "withdrawn_at",
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
          "workshop",
          "place",
          "group_id",
          "group",
          "seq",
          "at",
          "event",
          "actor_role",
          "actor",
          "note_id",
          "undone",
          "reactions");

  private Columns() {}

  /** The columns of a table with {@link #TAGS} spelled out for these tag keys. */
  public static List<String> withTags(List<String> columns, List<String> tagKeys) {
    List<String> out = new ArrayList<>();
    for (String column : columns) {
      if (TAGS.equals(column)) {
        tagKeys.forEach(t -> out.add("tag_" + t));
      } else {
        out.add(column);
      }
    }
    return out;
  }

  /**
   * Headers in the given language, or the stable keys themselves when {@code keys} is asked for.
   */
  public static List<String> headers(List<String> columns, String language, boolean keys) {
    return headers(columns, language, keys, null, ZoneId.of("UTC"));
  }

  /**
   * Headers in the given language: a tag column is named after its tag ({@code labels}), a time
   * column names the zone its times are given in.
   */
  public static List<String> headers(
      List<String> columns, String language, boolean keys, Labels labels, ZoneId zone) {
    if (keys) {
      return columns;
    }
    return columns.stream().map(c -> header(c, language, labels, zone)).toList();
  }

  /** One column's header in the given language. */
  public static String header(String column, String language, Labels labels, ZoneId zone) {
    ResourceBundle bundle = Messages.bundle("i18n/messages", language);
    if (column.startsWith("tag_") && labels != null && labels.hasTag(column.substring(4))) {
      String tag = labels.tag(column.substring(4));
      return bundle.getString("export.col.tag").replace("{tag}", tag);
    }
    String header =
        bundle.containsKey("export.col." + column)
            ? bundle.getString("export.col." + column)
            : column;
    return TIMES.contains(column) ? header.replace("UTC", zone.getId()) : header;
  }

  /** A label of the export bundle, e.g. a sheet name. */
  public static String label(String key, String language) {
    ResourceBundle bundle = Messages.bundle("i18n/messages", language);
    return bundle.containsKey(key) ? bundle.getString(key) : key;
  }
}
