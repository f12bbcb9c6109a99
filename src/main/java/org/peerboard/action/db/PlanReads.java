package org.peerboard.action.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.peerboard.action.model.ActionStatus;
import org.peerboard.action.model.PlanRow;
import org.peerboard.action.model.VoteResult;
import org.peerboard.export.db.VoteSource;
import org.peerboard.export.model.VoteRound;
import org.peerboard.export.model.Votes;

/**
 * The action plans of some workshops (or of one board of them), with group, workshop and the
 * proposal each action came from, and that proposal's revealed vote result.
 */
public final class PlanReads {
  /**
   * Every action of the workshops in $1 (only board $2 when given), in workshop, group and creation
   * order; the proposal's text from its note or cluster on the same board, when it still exists.
   */
  static final String PLAN =
      """
      select a.id, a.title, a.from_note_id, a.from_cluster_id, a.owner, a.due, a.status, a.next_step,
             a.created_at, a.updated_at, b.id as board_id, b.name as group_name, b.position,
             w.id as workshop_id, w.title as workshop, w.place, w.held_on,
             coalesce(n.text, c.name) as proposal, coalesce(n.hidden or n.held, false) as proposal_hidden
        from board_action a
        join board b on b.id = a.board_id
        join workshop w on w.id = b.workshop_id
        left join note n on n.id = a.from_note_id and n.board_id = a.board_id
        left join cluster c on c.id = a.from_cluster_id and c.board_id = a.board_id
       where w.id = any($1) and ($2::uuid is null or b.id = $2)
       order by array_position($1, w.id), b.position, a.created_at, a.id""";

  private PlanReads() {}

  /** The rows, without vote results yet ({@link #withResults}). */
  public static Future<List<PlanRow>> read(SqlClient client, List<UUID> workshopIds, UUID boardId) {
    return client
        .preparedQuery(PLAN)
        .execute(Tuple.of(workshopIds.toArray(UUID[]::new), boardId))
        .map(
            rows -> {
              List<PlanRow> plan = new ArrayList<>();
              rows.forEach(r -> plan.add(row(r)));
              return plan;
            });
  }

  /** The rows with their proposals' results, read from the revealed rounds of the same scope. */
  public static Future<List<PlanRow>> withResults(
      SqlClient client, VoteSource votes, List<UUID> workshopIds, UUID boardId) {
    return read(client, workshopIds, boardId)
        .compose(
            rows ->
                rows.isEmpty()
                    ? Future.succeededFuture(rows)
                    : votes.revealed(workshopIds).map(found -> withResults(rows, found)));
  }

  /** Each row with the result of its proposal in the last revealed round that held it. */
  public static List<PlanRow> withResults(List<PlanRow> rows, Votes votes) {
    return rows.stream().map(r -> r.withResult(result(r, votes))).toList();
  }

  private static VoteResult result(PlanRow row, Votes votes) {
    if (row.proposalId() == null) {
      return null;
    }
    return votes.rounds(row.groupId()).stream()
        .filter(r -> r.proposals().stream().anyMatch(p -> p.itemId().equals(row.proposalId())))
        .max(Comparator.comparing(VoteRound::number))
        .map(
            round -> {
              List<Votes.Ranked> ranked = Votes.ranked(round);
              Votes.Ranked mine =
                  ranked.stream()
                      .filter(x -> x.proposal().itemId().equals(row.proposalId()))
                      .findFirst()
                      .orElseThrow();
              VoteRound.Proposal p = mine.proposal();
              return new VoteResult(
                  mine.rank(),
                  ranked.size(),
                  round.dots(),
                  p.dots(),
                  round.dots() ? null : mine.score(),
                  p.voters());
            })
        .orElse(null);
  }

  private static PlanRow row(Row r) {
    UUID note = r.getUUID("from_note_id");
    return new PlanRow(
        r.getUUID("id"),
        r.getUUID("workshop_id"),
        r.getString("workshop"),
        r.getString("place"),
        r.getLocalDate("held_on"),
        r.getUUID("board_id"),
        r.getString("group_name"),
        r.getInteger("position"),
        r.getString("title"),
        note != null ? note : r.getUUID("from_cluster_id"),
        r.getString("proposal"),
        Boolean.TRUE.equals(r.getBoolean("proposal_hidden")),
        null,
        r.getString("owner"),
        r.getLocalDate("due"),
        ActionStatus.fromWire(r.getString("status")).orElseThrow(),
        r.getString("next_step"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("updated_at"));
  }
}
