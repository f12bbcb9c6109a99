package org.peerboard.export.format;

import java.util.ArrayList;
import java.util.List;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.WorkshopFacts;

/**
 * The tables whose rows are known once a group's clusters and participants are read (no notes
 * needed): each with its column keys, its CSV name and its XLSX sheet, the same rows in both.
 */
public enum GroupTable {
  CLUSTERS("clusters", "export.sheet.clusters", Columns.CLUSTERS),
  VOTES("votes", "export.sheet.votes", Columns.VOTES),
  BALLOTS("ballots", "export.sheet.ballots", Columns.BALLOTS),
  COMMENTS("comments", "export.sheet.comments", Columns.COMMENTS),
  PARTICIPANTS("participants", "export.sheet.participants", Columns.PARTICIPANTS);

  private final String file;
  private final String sheet;
  private final List<String> columns;

  GroupTable(String file, String sheet, List<String> columns) {
    this.file = file;
    this.sheet = sheet;
    this.columns = columns;
  }

  /** The table a route names ({@code votes} for {@code votes.csv}), or null. */
  public static GroupTable named(String file) {
    for (GroupTable table : values()) {
      if (table.file.equals(file)) {
        return table;
      }
    }
    return null;
  }

  public String file() {
    return file;
  }

  public String sheet() {
    return sheet;
  }

  public List<String> columns() {
    return columns;
  }

  /** This table's rows of one group. */
  List<Object[]> rows(
      WorkshopFacts w,
      Group g,
      Labels labels,
      List<ClusterRow> clusters,
      List<ParticipantRow> participants,
      Votes votes) {
    return switch (this) {
      case CLUSTERS -> {
        List<Object[]> rows = new ArrayList<>();
        clusters.forEach(c -> rows.add(Rows.cluster(w, g, labels, c)));
        yield rows;
      }
      case VOTES -> Rows.votes(w, g, votes, labels);
      case BALLOTS -> Rows.ballots(w, g, votes, labels.language());
      case COMMENTS -> Rows.comments(w, g, votes);
      case PARTICIPANTS -> {
        List<Object[]> rows = new ArrayList<>();
        participants.forEach(p -> rows.add(Rows.participant(w, g, p, labels.language())));
        yield rows;
      }
    };
  }
}
