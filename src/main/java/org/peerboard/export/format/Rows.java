package org.peerboard.export.format;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.peerboard.export.model.BallotRow;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.HistoryRow;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.VoteRound;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.Words;
import org.peerboard.export.model.WorkshopFacts;

/**
 * The cells of each table, the same in CSV and XLSX, in the order of {@link
 * org.peerboard.export.model.Columns}. Times stay {@link OffsetDateTime}s here: CSV writes them as
 * ISO-8601 UTC text, XLSX as date-time cells.
 */
final class Rows {
  private Rows() {}

  static Object[] note(WorkshopFacts w, Group g, Labels labels, ExportNote n, Votes votes) {
    List<Object> row = new ArrayList<>(Columns.NOTES.size() + 4);
    row.addAll(
        Arrays.asList(
            w.id(),
            w.title(),
            w.place(),
            w.day(),
            g.id(),
            g.name(),
            n.id(),
            n.phase(),
            n.phase() == null ? null : labels.phase(n.phase()),
            n.dimension(),
            n.dimension() == null ? null : labels.dimension(n.dimension()),
            n.lane(),
            labels.lane(n.lane(), n.phase(), n.dimension()),
            String.join("; ", n.tags()),
            labels.tags(n.tags())));
    for (String tag : labels.tagKeys()) {
      row.add(n.tags().contains(tag));
    }
    row.addAll(
        Arrays.asList(
            n.clusterId(),
            n.clusterName(),
            n.duplicateOf(),
            n.hidden(),
            n.held(),
            n.edited(),
            n.redacted(),
            n.text(),
            n.author(),
            ParticipantRow.key(g.id(), n.author()),
            n.authorProfession(),
            Words.profession(n.authorProfession(), labels.language()),
            n.authorRole(),
            n.createdAt(),
            n.updatedAt(),
            votes.proposalOf(n.id(), n.clusterId()),
            n.reactions(),
            n.reactionShare()));
    return row.toArray();
  }

  /** A participant's row: the one place, with {@code Columns.PARTICIPANTS}, that lists them. */
  static Object[] participant(WorkshopFacts w, Group g, ParticipantRow p, String language) {
    return new Object[] {
      w.id(),
      w.title(),
      w.place(),
      w.day(),
      g.id(),
      g.name(),
      ParticipantRow.key(g.id(), p.pseudonym()),
      p.pseudonym(),
      g.anonymous() ? null : p.name(),
      p.profession(),
      Words.profession(p.profession(), language),
      p.joinedAt(),
      p.removed(),
      p.consentedAt(),
      p.noticeVersion(),
      p.withdrawnAt()
    };
  }

  /**
   * A group's anonymised ballots, round by round: one row per ballot, proposal and criterion (one
   * row per ballot and proposal in a dot round).
   */
  static List<Object[]> ballots(WorkshopFacts w, Group g, Votes votes, String language) {
    List<Object[]> rows = new ArrayList<>();
    for (VoteRound round : votes.rounds(g.id())) {
      for (BallotRow b : votes.ballots(round.id())) {
        List<Object> start =
            Arrays.asList(
                w.id(),
                w.title(),
                w.place(),
                g.id(),
                g.name(),
                round.id(),
                round.number(),
                round.kind(),
                b.ballotId(),
                b.itemId(),
                votes.text(b.itemId()).label());
        if (round.dots()) {
          List<Object> row = new ArrayList<>(start);
          row.addAll(Arrays.asList(VoteRound.DOTS, null, null, b.dots(), b.comment()));
          rows.add(row.toArray());
          continue;
        }
        for (VoteRound.Criterion criterion : round.criteria()) {
          List<Object> row = new ArrayList<>(start);
          row.addAll(
              Arrays.asList(
                  criterion.key(),
                  Words.criterion(criterion, language),
                  b.scores().get(criterion.key()),
                  null,
                  b.comment()));
          rows.add(row.toArray());
        }
      }
    }
    return rows;
  }

  /** A group's vote comments, one row each, by round and the proposals' rank. */
  static List<Object[]> comments(WorkshopFacts w, Group g, Votes votes) {
    List<Object[]> rows = new ArrayList<>();
    for (VoteRound round : votes.rounds(g.id())) {
      for (Votes.Ranked ranked : Votes.ranked(round)) {
        VoteRound.Proposal p = ranked.proposal();
        for (String comment : p.comments()) {
          rows.add(
              new Object[] {
                w.id(),
                w.title(),
                w.place(),
                g.id(),
                g.name(),
                round.id(),
                round.number(),
                p.itemId(),
                votes.text(p.itemId()).label(),
                comment,
                w.language()
              });
        }
      }
    }
    return rows;
  }

  static Object[] cluster(WorkshopFacts w, Group g, Labels labels, ClusterRow c) {
    return new Object[] {
      w.id(),
      w.title(),
      w.place(),
      g.id(),
      g.name(),
      c.id(),
      c.name(),
      c.lane(),
      labels.lane(c.lane(), c.phase(), c.dimension()),
      c.phase(),
      c.phase() == null ? null : labels.phase(c.phase()),
      c.dimension(),
      c.dimension() == null ? null : labels.dimension(c.dimension()),
      c.notes(),
      c.createdAt(),
      c.updatedAt()
    };
  }

  static Object[] history(WorkshopFacts w, Group g, HistoryRow h) {
    return new Object[] {
      w.id(),
      w.title(),
      w.place(),
      g.id(),
      g.name(),
      h.seq(),
      h.at(),
      h.event(),
      h.actorRole(),
      h.actor(),
      h.noteId(),
      h.undone(),
      h.reactions()
    };
  }

  /**
   * A group's revealed rounds, in the order they were opened; in each round the proposals by rank
   * (ties in the round's order), one row per criterion of a rating round, one row per proposal of a
   * dot round.
   */
  static List<Object[]> votes(WorkshopFacts w, Group g, Votes votes, Labels labels) {
    String language = labels.language();
    List<Object[]> rows = new ArrayList<>();
    for (VoteRound round : votes.rounds(g.id())) {
      for (Votes.Ranked ranked : Votes.ranked(round)) {
        VoteRound.Proposal p = ranked.proposal();
        Votes.ProposalText text = votes.text(p.itemId());
        List<Object> start =
            Arrays.asList(
                w.id(),
                w.title(),
                w.place(),
                g.id(),
                g.name(),
                round.id(),
                round.number(),
                round.kind(),
                round.lane(),
                round.openedAt(),
                round.revealedAt(),
                round.voters(),
                round.anonymous(),
                ranked.rank(),
                p.itemId(),
                p.kind(),
                text.label(),
                "cluster".equals(p.kind()) ? text.notes().size() : null,
                String.join("; ", votes.phases(round.id(), p.itemId())),
                phaseLabels(votes.phases(round.id(), p.itemId()), labels));
        if (round.dots()) {
          List<Object> row = new ArrayList<>(start);
          row.addAll(
              Arrays.asList(
                  VoteRound.DOTS,
                  null,
                  p.voters(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  p.dots(),
                  p.comments().size()));
          rows.add(row.toArray());
          continue;
        }
        for (VoteRound.Criterion criterion : round.criteria()) {
          int[] d = p.distributions().getOrDefault(criterion.key(), new int[5]);
          List<Object> row = new ArrayList<>(start);
          row.addAll(
              Arrays.asList(
                  criterion.key(),
                  Words.criterion(criterion, language),
                  Votes.count(d),
                  Votes.mean(d),
                  Votes.median(d),
                  Votes.sd(d),
                  Votes.agreement(d),
                  d[0],
                  d[1],
                  d[2],
                  d[3],
                  d[4],
                  null,
                  p.comments().size()));
          rows.add(row.toArray());
        }
      }
    }
    return rows;
  }

  /** Phase labels joined by "; " (a phase label holds no semicolon in the built-in template). */
  private static String phaseLabels(List<String> phases, Labels labels) {
    return String.join("; ", phases.stream().map(labels::phase).toList());
  }

  /**
   * A time in the given zone, ISO-8601 with its offset ({@code 2022-07-18T10:15:30.123456+02:00}).
   */
  static String time(OffsetDateTime time, ZoneId zone) {
    return time == null
        ? null
        : time.atZoneSameInstant(zone)
            .toOffsetDateTime()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static String time(OffsetDateTime time) {
    return time == null
        ? null
        : time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT);
  }

  static String id(UUID id) {
    return id == null ? null : id.toString();
  }
}
