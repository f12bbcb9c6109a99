package org.peerboard.export.format;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.HistoryRow;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.WorkshopFacts;

/** The cells of each table, the same in CSV and XLSX, in the order of {@link org.peerboard.export.model.Columns}. */
final class Rows {
  private Rows() {}

  static Object[] note(WorkshopFacts w, Group g, Labels labels, ExportNote n, Votes votes) {
    Votes.Summary vote = votes.of(n.id(), n.clusterId());
    return new Object[] {w.id(), w.title(), w.place(), w.date(), g.id(), g.name(), n.id(),
        n.phase(), n.phase() == null ? null : labels.phase(n.phase()),
        n.dimension(), n.dimension() == null ? null : labels.dimension(n.dimension()),
        n.lane(), labels.lane(n.lane(), n.phase(), n.dimension()),
        String.join("; ", n.tags()), labels.tags(n.tags()),
        n.clusterId(), n.clusterName(), n.duplicateOf(), n.hidden(), n.held(), n.text(), n.author(), n.authorRole(),
        time(n.createdAt()), time(n.updatedAt()),
        vote.dots(), vote.ballots(), vote.feasibilityMean(), vote.sustainabilityMean()};
  }

  static Object[] cluster(WorkshopFacts w, Group g, Labels labels, ClusterRow c) {
    return new Object[] {w.id(), w.title(), w.place(), g.id(), g.name(), c.id(), c.name(), c.lane(),
        labels.lane(c.lane(), c.phase(), c.dimension()), c.phase(), c.phase() == null ? null : labels.phase(c.phase()),
        c.dimension(), c.dimension() == null ? null : labels.dimension(c.dimension()), c.notes(),
        time(c.createdAt()), time(c.updatedAt())};
  }

  static Object[] history(WorkshopFacts w, Group g, HistoryRow h) {
    return new Object[] {w.id(), g.id(), g.name(), h.seq(), time(h.at()), h.event(), h.actorRole(), h.actor(),
        h.noteId(), h.undone()};
  }

  static String time(OffsetDateTime time) {
    return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
  }

  static String id(UUID id) {
    return id == null ? null : id.toString();
  }
}
