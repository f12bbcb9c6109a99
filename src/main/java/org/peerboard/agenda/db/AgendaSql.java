package org.peerboard.agenda.db;

/**
 * The run-sheet's SQL. Ops run under the board's row lock (taken by the op pipeline), so the agenda
 * and its starts of one board are only ever written one op at a time.
 */
final class AgendaSql {
  private AgendaSql() {}

  /**
   * The board's agenda (null columns when none was set) and its workshop's language, for the
   * proposed default.
   */
  static final String PLAN =
      """
      select a.steps, a.current, w.language
        from board b join workshop w on w.id = b.workshop_id
        left join agenda a on a.board_id = b.id
       where b.id = $1""";

  /** Replaces the steps; the step that runs (current) and every start recorded stay. */
  static final String SET_STEPS =
      """
      insert into agenda (board_id, steps) values ($1, $2)
      on conflict (board_id) do update set steps = excluded.steps, set_at = now()""";

  /**
   * Starts a step in one statement: the step that ran ends ($5, the same instant the new one
   * starts), the new start is recorded with its planned values, the agenda points at it (and is
   * stored, when it was the proposed default), and the board gets the step's stage, focus and
   * timer.
   */
  static final String START_STEP =
      """
      with ended as (update agenda_start set ended_at = $5 where board_id = $1 and ended_at is null returning 1),
           started as (insert into agenda_start (board_id, step, title, phase, stage, minutes, started_at)
                       values ($1, $6, $7, $3, $2, $8, $5) returning 1),
           planned as (insert into agenda (board_id, steps, current) values ($1, $9, $6)
                       on conflict (board_id) do update set current = excluded.current returning 1),
           board as (update board set stage = $2, focus = $3, timer = $4 where id = $1 returning 1)
      select (select count(*) from ended) as ended, (select count(*) from started) as started,
             (select count(*) from planned) as planned, (select count(*) from board) as boards""";

  /** Every start of a step on the board, in the order they happened. */
  static final String STARTS =
      """
      select step, title, phase, stage, minutes, started_at, ended_at
        from agenda_start where board_id = $1 order by started_at, id""";
}
