package org.peerboard.agenda.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peerboard.export.model.TimingRow;

/**
 * A board's planned against actual time, for the downloads: every start of a step with its end, the
 * notes added while it ran and how many participants posted them (from the event log, so notes
 * deleted since still count), and the agenda's steps never started.
 */
public final class TimingReader {
  /**
   * Starts first, each with its counts; then the current agenda's steps that have no start. Ordered
   * by step, then start. Runs inside the export's repeatable-read transaction.
   */
  static final String TIMING =
      """
      with starts as (
             select s.step, s.title, s.phase, s.stage, s.minutes, s.started_at, s.ended_at,
                    (select count(*) from board_event e
                      where e.board_id = s.board_id and e.type = 'note.added'
                        and e.at >= s.started_at and e.at < coalesce(s.ended_at, 'infinity')) as notes_added,
                    (select count(distinct e.actor_id) from board_event e
                      where e.board_id = s.board_id and e.type = 'note.added' and e.actor_role = 'participant'
                        and e.at >= s.started_at and e.at < coalesce(s.ended_at, 'infinity')) as posters
               from agenda_start s where s.board_id = $1),
           planned as (
             select (x.ord - 1)::int as step, x.value->>'title' as title, x.value->>'phase' as phase,
                    x.value->>'stage' as stage, (x.value->>'minutes')::int as minutes
               from agenda a cross join lateral jsonb_array_elements(a.steps) with ordinality as x(value, ord)
              where a.board_id = $1)
      select * from starts
      union all
      select p.step, p.title, p.phase, p.stage, p.minutes, null, null, null, null
        from planned p where not exists (select 1 from starts s where s.step = p.step)
      order by step, started_at nulls last""";

  private TimingReader() {}

  public static Future<List<TimingRow>> rows(SqlConnection conn, UUID boardId) {
    return conn.preparedQuery(TIMING)
        .execute(Tuple.of(boardId))
        .map(
            rows -> {
              List<TimingRow> timing = new ArrayList<>();
              for (Row r : rows) {
                timing.add(
                    new TimingRow(
                        boardId,
                        r.getInteger("step"),
                        r.getString("title"),
                        r.getString("phase"),
                        r.getString("stage"),
                        r.getInteger("minutes"),
                        r.getOffsetDateTime("started_at"),
                        r.getOffsetDateTime("ended_at"),
                        r.getLong("notes_added"),
                        r.getLong("posters")));
              }
              return timing;
            });
  }
}
