package org.peerboard.export.format;

import java.util.List;
import org.peerboard.action.model.PlanRow;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.HistoryRow;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.TimingRow;
import org.peerboard.export.model.WorkshopFacts;
import org.peerboard.workshop.model.Notice;

/**
 * A download format fed in reading order: workshop, then each group with its clusters, its notes
 * page by page and its history page by page. Calls are blocking (they write) and come one at a time
 * from a worker thread.
 */
public interface ExportSink {
  default void start(ExportStart start) {}

  void workshop(WorkshopFacts workshop, Labels labels);

  /** The notice texts the workshop's participants agreed to, with their versions (issue 22). */
  default void notices(List<Notice> notices) {}

  default void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {}

  default void notes(List<ExportNote> page) {}

  /** The group's run-sheet timing, once, after {@link #group} and before its notes. */
  default void timing(List<TimingRow> rows) {}

  default void history(List<HistoryRow> page) {}

  default void endGroup() {}

  default void endWorkshop() {}

  /** The action plans of the whole scope, once, after the last workshop (issue 25). */
  default void actions(List<PlanRow> rows) {}

  /** Writes what is left and closes the output. */
  void finish();

  /** Releases files of an unfinished export. */
  default void abort() {}

  default boolean wantsNotes() {
    return true;
  }

  default boolean wantsHistory() {
    return false;
  }

  default boolean wantsTiming() {
    return false;
  }
}
