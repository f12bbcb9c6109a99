package org.peerboard.action.db;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.peerboard.action.model.CarriedItem;
import org.peerboard.action.model.PlanRow;
import org.peerboard.action.model.VoteResult;
import org.peerboard.export.db.VoteSource;
import org.peerboard.export.model.VoteRound;
import org.peerboard.export.model.Votes;
import org.peerboard.security.Keys;

/**
 * What a new workshop carries forward from earlier ones: their open actions, or the top proposals
 * of each group's last revealed round; and where each carried note came from.
 */
public final class Carried {
  /** Proposals ranked this high or higher in their round are "top improvements". */
  public static final int TOP = 3;

  /** Workshops among $1 whose organiser key hash is among $2. */
  static final String AUTHORISED =
      "select id from workshop where id = any($1) and organiser_key_hash = any($2)";

  static final String WORKSHOPS = "select id, title from workshop where id = any($1)";

  static final String GROUPS =
      "select id, name, workshop_id, position from board where workshop_id = any($1)";

  /** The words of proposals: a visible note's text or a cluster's name. */
  static final String PROPOSAL_TEXTS =
      """
      select id, text from note where id = any($1) and not hidden and not held
      union all
      select id, name from cluster where id = any($1)""";

  static final String INSERT =
      """
      insert into carried_note (note_id, board_id, kind, from_workshop, from_group, result, status, position)
      values ($1, $2, $3, $4, $5, $6, $7, $8)""";

  /** The lane carried notes go to: the improvements lane, else the board's first extra lane. */
  static final String LANE =
      """
      select id from lane where board_id = $1 and phase is null
       order by (id = 'improvements') desc, position limit 1""";

  private final Pool pool;
  private final VoteSource votes;

  public Carried(Pool pool, VoteSource votes) {
    this.pool = pool;
    this.votes = votes;
  }

  /** Whether every workshop has its organiser key among the keys given. */
  public Future<Boolean> authorised(List<UUID> workshopIds, List<String> keys) {
    List<Buffer> hashes =
        keys.stream().filter(Keys::plausible).map(k -> Buffer.buffer(Keys.hash(k))).toList();
    if (hashes.isEmpty()) {
      return Future.succeededFuture(false);
    }
    return pool.preparedQuery(AUTHORISED)
        .execute(
            Tuple.tuple()
                .addValue(workshopIds.toArray(UUID[]::new))
                .addValue(hashes.toArray(Buffer[]::new)))
        .map(
            rows -> {
              Set<UUID> ok = new HashSet<>();
              rows.forEach(r -> ok.add(r.getUUID("id")));
              return ok.containsAll(workshopIds);
            });
  }

  /** The actions still open (proposed, agreed, in progress), in plan order. */
  public Future<List<CarriedItem>> openActions(List<UUID> workshopIds, String language) {
    return PlanReads.withResults(pool, votes, workshopIds, null)
        .map(
            rows -> {
              List<CarriedItem> items = new ArrayList<>();
              for (PlanRow r : rows) {
                if (r.status().open()) {
                  items.add(
                      new CarriedItem(
                          CarriedItem.ACTION,
                          r.title(),
                          r.workshop(),
                          r.group(),
                          r.result() == null ? null : r.result().text(language),
                          r.status().wire()));
                }
              }
              return items;
            });
  }

  /** The top proposals of each group's last revealed round, by workshop, group and rank. */
  public Future<List<CarriedItem>> topImprovements(List<UUID> workshopIds, String language) {
    UUID[] ids = workshopIds.toArray(UUID[]::new);
    return votes
        .revealed(workshopIds)
        .compose(
            found ->
                pool.preparedQuery(WORKSHOPS)
                    .execute(Tuple.of((Object) ids))
                    .compose(
                        workshops ->
                            pool.preparedQuery(GROUPS)
                                .execute(Tuple.of((Object) ids))
                                .compose(
                                    groups -> {
                                      Map<UUID, String> titles = new HashMap<>();
                                      workshops.forEach(
                                          w -> titles.put(w.getUUID("id"), w.getString("title")));
                                      List<Group> list = new ArrayList<>();
                                      groups.forEach(
                                          g ->
                                              list.add(
                                                  new Group(
                                                      g.getUUID("id"),
                                                      g.getString("name"),
                                                      titles.get(g.getUUID("workshop_id")),
                                                      workshopIds.indexOf(g.getUUID("workshop_id")),
                                                      g.getInteger("position"))));
                                      list.sort(
                                          Comparator.comparingInt(Group::order)
                                              .thenComparingInt(Group::position));
                                      return top(list, found, language);
                                    })));
  }

  private record Group(UUID id, String name, String workshop, int order, int position) {}

  private record Pick(Group group, Votes.Ranked ranked, int of, boolean dots) {}

  private Future<List<CarriedItem>> top(List<Group> groups, Votes found, String language) {
    List<Pick> picks = new ArrayList<>();
    for (Group g : groups) {
      found.rounds(g.id()).stream()
          .max(Comparator.comparing(VoteRound::number))
          .ifPresent(
              round -> {
                List<Votes.Ranked> ranked = Votes.ranked(round);
                ranked.stream()
                    .filter(r -> r.rank() <= TOP)
                    .forEach(r -> picks.add(new Pick(g, r, ranked.size(), round.dots())));
              });
    }
    if (picks.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    UUID[] itemIds = picks.stream().map(p -> p.ranked().proposal().itemId()).toArray(UUID[]::new);
    return pool.preparedQuery(PROPOSAL_TEXTS)
        .execute(Tuple.of((Object) itemIds))
        .map(
            rows -> {
              Map<UUID, String> texts = new HashMap<>();
              rows.forEach(r -> texts.put(r.getUUID("id"), r.getString("text")));
              List<CarriedItem> items = new ArrayList<>();
              for (Pick p : picks) {
                VoteRound.Proposal proposal = p.ranked().proposal();
                String text = texts.get(proposal.itemId());
                if (text == null) {
                  continue;
                }
                boolean dots = p.dots();
                items.add(
                    new CarriedItem(
                        CarriedItem.IMPROVEMENT,
                        text,
                        p.group().workshop(),
                        p.group().name(),
                        new VoteResult(
                                p.ranked().rank(),
                                p.of(),
                                dots,
                                proposal.dots(),
                                dots ? null : p.ranked().score(),
                                proposal.voters())
                            .text(language),
                        null));
              }
              return items;
            });
  }

  /** The lane a board's carried notes go to, or null when its template has no extra lane. */
  public Future<String> lane(UUID boardId) {
    return pool.preparedQuery(LANE)
        .execute(Tuple.of(boardId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("id"));
  }

  /** Remembers where the notes a board started with came from, in their order. */
  public Future<Void> mark(UUID boardId, List<UUID> noteIds, List<CarriedItem> items) {
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < noteIds.size(); i++) {
      CarriedItem item = items.get(i);
      rows.add(
          Tuple.from(
              new Object[] {
                noteIds.get(i),
                boardId,
                item.kind(),
                item.workshop(),
                item.group(),
                item.result(),
                item.status(),
                i
              }));
    }
    return rows.isEmpty()
        ? Future.succeededFuture()
        : pool.preparedQuery(INSERT).executeBatch(rows).mapEmpty();
  }
}
