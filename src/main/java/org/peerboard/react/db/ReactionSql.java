package org.peerboard.react.db;

/**
 * The SQL of agreements ("me too"). Every statement runs inside a board's transaction, after the
 * board row was locked ({@code BoardSql.LOCK_AND_CLAIM}), and touches only that board's rows, so
 * agreements on one board are applied one after the other and never deadlock.
 */
final class ReactionSql {
  private ReactionSql() {}

  /**
   * The note ($1) on this board ($2), as the rules need it; no lock: the board's lock serialises.
   */
  static final String NOTE =
      "select author_id, hidden, held, secret from note where id = $1 and board_id = $2";

  /** Agrees ($1 note, $2 participant, $3 board); a second agreement changes nothing. */
  static final String AGREE =
      """
      insert into reaction (note_id, participant_id, board_id) values ($1, $2, $3)
      on conflict (note_id, participant_id) do nothing""";

  static final String TAKE_BACK = "delete from reaction where note_id = $1 and participant_id = $2";

  static final String COUNT = "select count(*) as count from reaction where note_id = $1";

  /** Per note of the board ($1): how many agree, and whether this participant ($2) does. */
  static final String NOTE_COUNTS =
      """
      select note_id, count(*) as count, coalesce(bool_or(participant_id = $2), false) as mine
        from reaction where board_id = $1 group by note_id""";

  /**
   * Per cluster of the board ($1): the sum of its notes' agreements and how many different
   * participants agreed with any of them, over all notes ({@code all_*}) and over the notes every
   * participant can read ({@code open_*}).
   */
  static final String CLUSTER_COUNTS =
      """
      select n.cluster_id,
             count(*) as all_sum, count(distinct r.participant_id) as all_people,
             count(*) filter (where not n.hidden and not n.held and not n.secret) as open_sum,
             count(distinct r.participant_id) filter (where not n.hidden and not n.held and not n.secret)
               as open_people
        from reaction r join note n on n.id = r.note_id
       where r.board_id = $1 and n.cluster_id is not null
       group by n.cluster_id""";
}
