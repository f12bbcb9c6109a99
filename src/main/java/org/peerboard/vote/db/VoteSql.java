package org.peerboard.vote.db;

/** The SQL of vote rounds, their items and ballots. */
final class VoteSql {
  private VoteSql() {}

  static final String INSERT_ROUND =
      """
      insert into vote_round (id, board_id, lane, kind, budget, cap, criteria, anonymous, comments)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

  /**
   * Clusters of the lane first, then its notes that are in no cluster; hidden, held and duplicate
   * notes are out.
   */
  static final String ITEMS_OF_LANE =
      """
      select id, kind from (
        select id, 'cluster' as kind, 0 as part, created_at from cluster where board_id = $1 and lane = $2
        union all
        select id, 'note', 1, created_at from note
         where board_id = $1 and lane = $2 and cluster_id is null and not hidden and not held and duplicate_of is null
      ) items order by part, created_at, id""";

  static final String INSERT_ITEM =
      "insert into vote_item (round_id, item_id, kind, position) values ($1, $2, $3, $4)";
  static final String LOCK_ROUND =
      """
      select id, lane, kind, status, budget, cap, criteria, anonymous, comments from vote_round
       where id = $1 and board_id = $2 for update""";
  static final String ITEM_EXISTS = "select 1 from vote_item where round_id = $1 and item_id = $2";
  static final String OTHERS_DOTS =
      """
      select coalesce(sum(dots), 0) as dots from ballot where round_id = $1 and participant_id = $2 and item_id <> $3""";
  static final String UPSERT_BALLOT =
      """
      insert into ballot (round_id, participant_id, item_id, dots, scores, comment) values ($1, $2, $3, $4, $5, $6)
      on conflict (round_id, participant_id, item_id)
      do update set dots = excluded.dots, scores = ballot.scores || excluded.scores,
                    comment = coalesce(excluded.comment, ballot.comment), updated_at = now()""";
  static final String VOTERS =
      """
      select count(distinct participant_id) as voters from ballot
       where round_id = $1 and (dots > 0 or scores <> '{}'::jsonb)""";
  static final String SET_STATUS = "update vote_round set status = $2 where id = $1";
  static final String SET_PHASES =
      "update vote_item set phases = $3 where round_id = $1 and item_id = $2";
  static final String BALLOTS =
      """
      select participant_id, item_id, dots, scores, comment from ballot where round_id = $1
       order by participant_id, item_id""";

  /** A round with its items and the number of participants who voted, never a ballot. */
  private static final String ROUND_SELECT =
      """
      select r.id, r.lane, r.kind, r.status, r.budget, r.cap, r.criteria, r.anonymous, r.comments,
             coalesce((select json_agg(json_build_object('id', i.item_id, 'kind', i.kind, 'phases', i.phases)
                                       order by i.position) from vote_item i where i.round_id = r.id), '[]') as items,
             (select count(distinct b.participant_id) from ballot b
               where b.round_id = r.id and (b.dots > 0 or b.scores <> '{}'::jsonb)) as voters
        from vote_round r""";

  static final String ROUNDS = ROUND_SELECT + " where r.board_id = $1 order by r.created_at, r.id";
  static final String ROUND_BY_ID = ROUND_SELECT + " where r.board_id = $1 and r.id = $2";
}
