package org.peerboard.board.db;

/** The SQL of boards, notes, clusters and their event log. */
final class BoardSql {
  private BoardSql() {}

  /**
   * The first statement of every batch's transaction ({@link OpPipeline}), one round trip: locks
   * the boards ($1, {@code for no key update}: the key-share lock the op-id insert takes does not
   * conflict) in id order (every batch takes its boards in this one order, and later statements
   * touch only rows of boards it holds, so batches never deadlock), claims the op ids ($2 boards,
   * $3 op ids, pairwise) on the boards that exist, and reads which of the people ($4) are still on
   * a board. One row: {@code boards}, {@code claims} (the op ids not applied before) and {@code
   * active}, each a JSON array.
   */
  static final String LOCK_AND_CLAIM =
      """
      with locked as (select b.id, b.stage, b.focus, b.settings, b.timer, w.template_id
                        from board b join workshop w on w.id = b.workshop_id
                       where b.id = any($1::uuid[])
                       order by b.id
                         for no key update of b),
           claimed as (insert into applied_op (board_id, op_id)
                       select r.board_id, r.op_id from unnest($2::uuid[], $3::uuid[]) as r(board_id, op_id)
                        where r.board_id in (select id from locked)
                       on conflict do nothing returning board_id, op_id)
      select (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'stage', stage, 'focus', focus,
                                        'settings', settings, 'timer', timer, 'template_id', template_id)), '[]')
                from locked) as boards,
             (select coalesce(jsonb_agg(jsonb_build_object('board_id', board_id, 'op_id', op_id)), '[]')
                from claimed) as claims,
             (select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'board_id', p.board_id, 'name', p.name)), '[]')
                from participant p where p.id = any($4::uuid[]) and p.removed_at is null) as active""";

  /**
   * A batch of new notes in one statement, so one round trip and one commit ({@link OneTripAdds},
   * issue 28): $1 the notes with their events and answers (a JSON array in the batch's order,
   * {@code ord} 0, 1, ...), $2 each board as the batch was judged on (id, stage, focus, settings,
   * template_id), $3 the origin for the NOTIFY. It locks the boards in id order, as {@code
   * LOCK_AND_CLAIM} does, and writes anything only if every check holds for the whole batch: each
   * board is as judged, no op id was applied before, no note id is in use or was used on its board,
   * and every participant author is still on the board under the name the event carries. Then it
   * does what {@code INSERT_NOTES}, {@code LOG_EVENTS} and the claims do for these notes: the
   * notes, the boards' seqs, the events, the ops' answers, one NOTIFY per board. One row per note
   * ({@code ord}, {@code seq}, {@code at}) when it wrote; else one row with {@code ok} false, and
   * nothing written. A race with another process's commit that the checks could not see fails the
   * statement on a key, and nothing is written either.
   */
  static final String ADD_NOTES =
      """
      with input as (select * from jsonb_to_recordset($1::jsonb) as x(ord int, board_id uuid, op_id uuid, id uuid,
                       lane text, tags text[], text text, author_id uuid, author_role text, author_name text,
                       secret boolean, held boolean, type text, data jsonb, actor_id uuid, actor_client text,
                       result jsonb)),
           judged as (select * from jsonb_to_recordset($2::jsonb) as y(id uuid, stage text, focus text, settings jsonb,
                        template_id text)),
           locked as (select b.id, b.stage, b.focus, b.settings, w.template_id
                        from board b join workshop w on w.id = b.workshop_id
                       where b.id = any (array(select id from judged))
                       order by b.id
                         for no key update of b),
           -- per note, each an index lookup (a subplan, never a join the planner could make a scan of)
           taken as (select exists (select 1 from applied_op a where a.board_id = i.board_id and a.op_id = i.op_id)
                            or exists (select 1 from note n where n.id = i.id)
                            or exists (select 1 from board_event e where e.board_id = i.board_id and e.note_id = i.id)
                            or (i.author_role = 'participant'
                                and not exists (select 1 from participant p
                                                 where p.id = i.author_id and p.board_id = i.board_id
                                                   and p.removed_at is null
                                                   and p.name is not distinct from i.author_name)) as taken
                       from input i),
           verdict as (select (select count(*) from locked l join judged j on j.id = l.id
                                 and l.stage = j.stage and l.focus is not distinct from j.focus
                                 and l.settings = j.settings and l.template_id = j.template_id)
                                = (select count(*) from judged)
                              and not (select coalesce(bool_or(taken), false) from taken)
                              and (select count(distinct (board_id, op_id)) from input) = (select count(*) from input)
                              and (select count(distinct id) from input) = (select count(*) from input) as ok),
           counts as (select board_id, count(*) as n from input where (select ok from verdict) group by board_id),
           bumped as (update board b set seq = b.seq + c.n from counts c where b.id = c.board_id
                      returning b.id, b.seq - c.n as base, b.seq as head),
           numbered as (select i.*, bumped.base + row_number() over (partition by i.board_id order by i.ord) as seq
                          from input i join bumped on bumped.id = i.board_id),
           added as (insert into note (id, board_id, lane, tags, text, author_id, author_role, secret, held, hidden,
                                       created_at, updated_at)
                     select id, board_id, lane, tags, text, author_id, author_role, secret, held, held,
                            statement_timestamp() + ord * interval '1 microsecond',
                            statement_timestamp() + ord * interval '1 microsecond'
                       from numbered
                     returning 1),
           event as (insert into board_event (board_id, seq, type, data, actor_id, actor_role, note_id, actor_client)
                     select board_id, seq, type, data, actor_id, author_role, id, actor_client from numbered
                     returning board_id, seq, at),
           op as (insert into applied_op (board_id, op_id, seq, result)
                  select board_id, op_id, seq, result from numbered returning 1),
           told as (select pg_notify('peerboard_events', id::text || ':' || head || ':' || $3) from bumped)
      select (select ok from verdict) as ok, n.ord, n.seq, e.at, (select count(*) from added) as added,
             (select count(*) from op) as ops, (select count(*) from told) as told
        from (select 1) as one
        left join (numbered n join event e on e.board_id = n.board_id and e.seq = n.seq) on true
       order by n.ord""";

  /**
   * Gives back the op ids of refused ops ($1 boards, $2 op ids, pairwise), so their retries are
   * judged afresh.
   */
  static final String UNCLAIM_OPS =
      """
      delete from applied_op a using unnest($1::uuid[], $2::uuid[]) as r(board_id, op_id)
       where a.board_id = r.board_id and a.op_id = r.op_id""";

  static final String REPLAY_OPS =
      """
      select a.board_id, a.op_id, a.seq, a.result
        from applied_op a join unnest($1::uuid[], $2::uuid[]) as r(board_id, op_id)
          on a.board_id = r.board_id and a.op_id = r.op_id""";

  /**
   * The events of a transaction, one op's or a batch's ($1: a JSON array in the batch's order,
   * {@code ord} 0, 1, ...): each board's seq moves on by its number of events, which take the seqs
   * in order; the ops' answers are stored, an undo marks the event it undid ({@code undoes}), and
   * each board is notified once, with its new head and the committing process's origin ($2), as
   * {@code board:head:origin}. Answers one row per event, in {@code ord} order.
   */
  static final String LOG_EVENTS =
      """
      with input as (select * from jsonb_to_recordset($1::jsonb) as x(ord int, board_id uuid, op_id uuid, type text,
                       data jsonb, actor_id uuid, actor_role text, note_id uuid, actor_client text, result jsonb,
                       undo jsonb, undoes bigint)),
           counts as (select board_id, count(*) as n from input group by board_id),
           bumped as (update board b set seq = b.seq + c.n from counts c where b.id = c.board_id
                      returning b.id, b.seq - c.n as base, b.seq as head),
           numbered as (select i.*, bumped.base + row_number() over (partition by i.board_id order by i.ord) as seq
                          from input i join bumped on bumped.id = i.board_id),
           event as (insert into board_event (board_id, seq, type, data, actor_id, actor_role, note_id, actor_client,
                                              undo)
                     select board_id, seq, type, data, actor_id, actor_role, note_id, actor_client, undo from numbered
                     returning board_id, seq, at),
           op as (update applied_op a set seq = n.seq, result = n.result from numbered n
                   where a.board_id = n.board_id and a.op_id = n.op_id returning 1),
           undone as (update board_event u set undone_by = n.seq from numbered n
                       where n.undoes is not null and u.board_id = n.board_id and u.seq = n.undoes returning 1),
           told as (select pg_notify('peerboard_events', id::text || ':' || head || ':' || $2) from bumped)
      select n.ord, n.seq, e.at, (select count(*) from op) as ops, (select count(*) from undone) as undone,
             (select count(*) from told) as told
        from numbered n join event e on e.board_id = n.board_id and e.seq = n.seq
       order by n.ord""";

  static final String NOTE_COLUMNS =
      "id, lane, tags, text, author_id, author_role, hidden, cluster_id, duplicate_of, "
          + "version, secret, held, (select p.name from participant p where p.id = note.author_id) as author_name";

  /**
   * A batch's notes ($1: a JSON array of rows) in one statement; a note id in use (on any board:
   * the primary key) or once used on its board inserts nothing. The log is searched on the note's
   * board only, through the (board_id, note_id) index; without the board it scanned every board's
   * events, inside the board lock (docs/benchmarks.md, scenario e). Notes are listed by {@code
   * created_at}, so it follows the seqs: this statement runs under the boards' locks, after the
   * previous batch on a board committed, and each note of the batch ({@code ord} 0, 1, ...) is one
   * microsecond after the one before (rows may be inserted in any order, so the clock at each row
   * would not do). {@code updated_at} starts equal to it (its default, {@code now()}, is the
   * transaction's start, earlier than {@code created_at}).
   */
  static final String INSERT_NOTES =
      """
      insert into note (id, board_id, lane, tags, text, author_id, author_role, secret, held, hidden, created_at,
                        updated_at)
      select x.id, x.board_id, x.lane, x.tags, x.text, x.author_id, x.author_role, x.secret, x.held, x.held,
             statement_timestamp() + x.ord * interval '1 microsecond',
             statement_timestamp() + x.ord * interval '1 microsecond'
        from jsonb_to_recordset($1::jsonb) as x(ord int, id uuid, board_id uuid, lane text, tags text[], text text,
                                               author_id uuid, author_role text, secret boolean, held boolean)
       where not exists (select 1 from board_event e where e.board_id = x.board_id and e.note_id = x.id)
      on conflict (id) do nothing returning\s"""
          + NOTE_COLUMNS;

  static final String LOCK_NOTE =
      "select " + NOTE_COLUMNS + " from note where id = $1 and board_id = $2 for update";
  static final String EDIT_NOTE =
      "update note set text = coalesce($3, text), tags = coalesce($4, tags), "
          + "version = version + 1, updated_at = now(), secret = secret or $5 where id = $1 and board_id = $2 returning "
          + NOTE_COLUMNS;
  static final String DELETE_NOTE = "delete from note where id = $1 and board_id = $2";

  /**
   * $2 note id, $3 fields to set on every copy of the note in the log, $4 whether its text leaves
   * the log. The events are found through two indexes, so the cost follows the note, not the length
   * of the log: those whose note_id is the note through the btree (board_id, note_id), the others
   * that hold it (in a list, or as a data.note other than their note_id) through the partial GIN
   * index of V13__note_ids_index_for_lists_only.sql, whose condition the second arm repeats.
   */
  static final String PATCH_NOTE_IN_LOG =
      """
      update board_event set data = pb_patch_event(data, $2::text, $3, $4)
       where board_id = $1
         and ((note_id = $2::text::uuid and pb_event_note_ids(data) @> array[$2::text])
              or (pb_event_note_ids(data) @> array[$2::text]
                  and (note_id is null or data ? 'notes' or data->'note'->>'id' is distinct from note_id::text)))""";

  /** Marks a note's agreement counts ({@code note.reacted} carries no note) hidden or shown. */
  static final String PATCH_REACTIONS_IN_LOG =
      """
      update board_event set data = data || jsonb_build_object('hidden', $3::boolean)
       where board_id = $1 and note_id = $2 and type = 'note.reacted'""";

  static final String NOTES_BY_ID =
      "select "
          + NOTE_COLUMNS
          + " from note where board_id = $1 and id = any($2) "
          + "order by created_at, id";
  static final String LOCK_NOTES =
      "select "
          + NOTE_COLUMNS
          + " from note where board_id = $1 and id = any($2) "
          + "order by id for update";
  static final String REVEAL_NOTES =
      "update note set secret = false where board_id = $1 and secret";

  static final String SET_STAGE = "update board set stage = $2 where id = $1";
  static final String SET_FOCUS = "update board set focus = $2 where id = $1";
  static final String SET_TIMER = "update board set timer = $2 where id = $1";
  static final String SET_SETTINGS = "update board set settings = $2 where id = $1";
  static final String REMOVE_PARTICIPANT =
      """
      update participant set removed_at = now() where id = $2 and board_id = $1 and removed_at is null""";
  static final String PARTICIPANT_EXISTS =
      "select 1 from participant where id = $2 and board_id = $1";

  static final String CLUSTER_COLUMNS =
      """
      c.id, c.lane, c.name, c.version,
      coalesce((select array_agg(n.id order by n.created_at, n.id) from note n where n.cluster_id = c.id), '{}')
        as note_ids""";
  static final String CLUSTERS_BY_ID =
      "select "
          + CLUSTER_COLUMNS
          + " from cluster c where c.board_id = $1 "
          + "and c.id = any($2) order by c.created_at, c.id";
  static final String LOCK_CLUSTER =
      "select id, lane, name, version from cluster where id = $1 and board_id = $2 " + "for update";
  static final String CLUSTER_EXISTS = "select 1 from cluster where id = $1";
  static final String INSERT_CLUSTER =
      "insert into cluster (id, board_id, lane, name) values ($1, $2, $3, $4)";

  /**
   * Undo brings a cluster back, or its old name if nobody renamed it since ($5: the name the op
   * gave it).
   */
  static final String UPSERT_CLUSTER =
      """
      insert into cluster (id, board_id, lane, name) values ($1, $2, $3, $4)
      on conflict (id) do update set name = excluded.name, version = cluster.version + 1, updated_at = now()
       where cluster.name is not distinct from $5""";

  static final String RENAME_CLUSTER =
      "update cluster set name = $3, version = version + 1, updated_at = now() "
          + "where id = $1 and board_id = $2";
  static final String TOUCH_CLUSTERS =
      "update cluster set version = version + 1, updated_at = now() "
          + "where board_id = $1 and id = any($2)";
  static final String DELETE_CLUSTER = "delete from cluster where id = $1 and board_id = $2";
  static final String PLACE_NOTES =
      "update note set cluster_id = $3, version = version + 1, updated_at = now() "
          + "where board_id = $1 and id = any($2)";
  static final String MOVE_CLUSTER_NOTES =
      "update note set cluster_id = $3, version = version + 1, "
          + "updated_at = now() where board_id = $1 and cluster_id = $2";

  /**
   * Puts back only the captured fields, and each only while it still holds what the op set ($12 to
   * $15), so an undo never reverts another moderator's later change; a cluster or original that is
   * gone since is not brought back.
   */
  static final String RESTORE_NOTE =
      """
      update note set
             lane = case when $3 and lane is not distinct from $12 then $4 else lane end,
             cluster_id = case when $5 and cluster_id is not distinct from $13
                          then (select c.id from cluster c where c.id = $6 and c.board_id = $1) else cluster_id end,
             duplicate_of = case when $7 and duplicate_of is not distinct from $14
                            then (select d.id from note d where d.id = $8 and d.board_id = $1) else duplicate_of end,
             hidden = case when $9 and hidden is not distinct from $15 then $10 else hidden end,
             held = case when $9 and hidden is not distinct from $15 then $11 else held end,
             version = version + 1, updated_at = now()
       where board_id = $1 and id = $2""";

  static final String SET_NOTE_FLAGS =
      """
      update note set lane = $3, cluster_id = $4, duplicate_of = $5, hidden = $6, held = $7,
             version = version + 1, updated_at = now()
       where board_id = $1 and id = $2 returning """
          + " "
          + NOTE_COLUMNS;

  static final String KEY_GENERATIONS =
      """
      select moderator_generation, projector_generation, join_code from board where id = $1""";
  static final String ROTATE_KEYS =
      """
      update board set moderator_generation = $2, projector_generation = $3, moderator_key_hash = $4,
                       projector_key_hash = $5
       where id = $1""";
  static final String CODE_TAKEN =
      """
      select 1 from board o join board b on b.id = $1
       where o.join_code = b.join_code and o.id <> b.id and o.stage <> 'closed'""";
  static final String NEW_JOIN_CODE =
      """
      update board set join_code = $2
       where id = $1 and not exists (select 1 from board o where o.join_code = $2 and o.stage <> 'closed')""";

  static final String LAST_UNDOABLE =
      """
      select seq, type, data, undo from board_event
       where board_id = $1 and actor_role = $2 and actor_client is not distinct from $3
         and undo is not null and undone_by is null
       order by seq desc limit 1""";

  static final String BOARD =
      """
      select b.id, b.name, b.join_code, b.stage, b.settings, b.focus, b.timer, b.seq, b.workshop_id,
             w.title, w.language, w.template_id, w.privacy_notice
        from board b join workshop w on w.id = b.workshop_id
       where b.id = $1""";
  static final String LANES =
      "select id, phase, dimension from lane where board_id = $1 order by position";
  static final String NOTES =
      "select " + NOTE_COLUMNS + " from note where board_id = $1 order by created_at, id";
  static final String CLUSTERS =
      "select "
          + CLUSTER_COLUMNS
          + " from cluster c where c.board_id = $1 "
          + "order by c.created_at, c.id";
  static final String PARTICIPANTS =
      """
      select id, name, profession, removed_at is not null as removed from participant
       where board_id = $1 order by created_at""";
  static final String HEAD = "select seq from board where id = $1";
  static final String EVENTS_AFTER =
      """
      select seq, type, data, actor_id, actor_role, at from board_event
       where board_id = $1 and seq > $2 and seq <= $3 order by seq limit $4""";
}
