package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.List;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.WorkshopFacts;

/**
 * The revealed votes: one row per round, proposal and criterion, with the proposal's words and the
 * comments.
 */
public final class VotesCsv extends CsvSink {
  private final String language;
  private Votes votes = Votes.NONE;
  private WorkshopFacts workshop;

  public VotesCsv(OutputStream out, String language, boolean keyHeaders) {
    super(out, Columns.headers(Columns.VOTES, language, keyHeaders));
    this.language = language;
  }

  @Override
  public void start(Votes found) {
    this.votes = found;
  }

  @Override
  public void workshop(WorkshopFacts workshop, Labels labels) {
    this.workshop = workshop;
  }

  @Override
  public void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    for (Object[] row : Rows.votes(workshop, group, votes, language)) {
      row(row);
    }
    flush();
  }

  @Override
  public boolean wantsNotes() {
    return false;
  }
}
