package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.ParticipantRow;

/** One {@link GroupTable} as CSV: clusters, votes, ballots, comments or participants. */
public final class TableCsv extends CsvSink {
  private final GroupTable table;

  public TableCsv(OutputStream out, GroupTable table, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
    this.table = table;
  }

  @Override
  List<String> columns(ExportStart start) {
    return table.columns();
  }

  @Override
  public void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    super.group(group, clusters, participants);
    for (Object[] row :
        table.rows(workshopFacts(), group, labels(), clusters, participants, votes())) {
      row(row);
    }
    flush();
  }

  @Override
  public boolean wantsNotes() {
    return false;
  }
}
