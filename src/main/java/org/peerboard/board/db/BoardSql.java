package org.peerboard.board.db;

/** The SQL of boards, notes and their event log. */
final class BoardSql {
  private BoardSql() {}

  static final String CLAIM_OP =
      "insert into applied_op (board_id, op_id) values ($1, $2) on conflict do nothing";
  static final String REPLAY_OP = "select seq, result from applied_op where board_id = $1 and op_id = $2";
  static final String RECORD_OP = "update applied_op set seq = $3, result = $4 where board_id = $1 and op_id = $2";

  static final String LOCK_BOARD = """
      select b.stage, b.focus, b.settings, w.template_id
        from board b join workshop w on w.id = b.workshop_id
       where b.id = $1
         for no key update of b""";
  static final String NEXT_SEQ = "update board set seq = seq + 1 where id = $1 returning seq";
  static final String APPEND_EVENT = """
      insert into board_event (board_id, seq, type, data, actor_id, actor_role, note_id)
      values ($1, $2, $3, $4, $5, $6, $7) returning at""";
  static final String NOTIFY = "select pg_notify('peerboard_events', $1)";

  static final String NOTE_COLUMNS =
      "id, lane, tags, text, author_id, author_role, hidden, cluster_id, duplicate_of, version";
  static final String NOTE_EXISTS = "select 1 from note where id = $1";
  static final String INSERT_NOTE = "insert into note (id, board_id, lane, tags, text, author_id, author_role) "
      + "values ($1, $2, $3, $4, $5, $6, $7) returning " + NOTE_COLUMNS;
  static final String LOCK_NOTE = "select " + NOTE_COLUMNS + " from note where id = $1 and board_id = $2 for update";
  static final String EDIT_NOTE = "update note set text = coalesce($3, text), tags = coalesce($4, tags), "
      + "version = version + 1, updated_at = now() where id = $1 and board_id = $2 returning " + NOTE_COLUMNS;
  static final String MOVE_NOTE = "update note set lane = $3, version = version + 1, updated_at = now() "
      + "where id = $1 and board_id = $2 returning " + NOTE_COLUMNS;
  static final String DELETE_NOTE = "delete from note where id = $1 and board_id = $2";
  static final String SCRUB_NOTE_TEXT =
      "update board_event set data = data #- '{note,text}' where board_id = $1 and note_id = $2";

  static final String BOARD = """
      select b.id, b.name, b.join_code, b.stage, b.settings, b.focus, b.timer, b.seq, b.workshop_id,
             w.title, w.language, w.template_id, w.privacy_notice
        from board b join workshop w on w.id = b.workshop_id
       where b.id = $1""";
  static final String LANES = "select id, phase, dimension from lane where board_id = $1 order by position";
  static final String NOTES = "select " + NOTE_COLUMNS + " from note where board_id = $1 order by created_at, id";
  static final String HEAD = "select seq from board where id = $1";
  static final String EVENTS_AFTER = """
      select seq, type, data, actor_id, actor_role, at from board_event
       where board_id = $1 and seq > $2 and seq <= $3 order by seq limit $4""";
}
