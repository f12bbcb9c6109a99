package org.peerboard.workshop.db;

/** The SQL of workshops, their boards and participants joining them. */
final class WorkshopSql {
  private WorkshopSql() {}

  static final String INSERT_WORKSHOP =
      """
      insert into workshop (id, title, place, held_on, language, template_id, organiser_key_hash, privacy_notice,
                            join_code, privacy_notices, organisation, contact, purpose, retain_until)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
      on conflict (join_code) do nothing""";
  static final String WORKSHOP_BY_ID =
      "select id, language, template_id from workshop where id = $1";
  static final String NEXT_POSITION =
      "select coalesce(max(position) + 1, 0) as next from board where workshop_id = $1";
  static final String INSERT_BOARD =
      """
      insert into board (id, workshop_id, name, position, join_code, moderator_key_hash, projector_key_hash)
      values ($1, $2, $3, $4, $5, $6, $7)
      on conflict (join_code) where stage <> 'closed' do nothing""";
  static final String INSERT_LANE =
      "insert into lane (board_id, id, phase, dimension, position) values ($1, $2, $3, $4, $5)";

  /** With the workshop's notice ({@link Notices#COLUMNS}): the one the participant agrees to. */
  static final String OPEN_BOARD_BY_CODE =
      """
      select b.id, b.workshop_id, w.language,
             (select count(*) from participant p where p.board_id = b.id and p.removed_at is null) as participants,
             """
          + Notices.COLUMNS
          + """

        from board b join workshop w on w.id = b.workshop_id
       where b.join_code = $1 and b.stage <> 'closed'
         for no key update of b""";

  /**
   * A closed board that held the code, closed less than {@code $2} days ago (older codes expired).
   */
  static final String CLOSED_BOARD_HAS_CODE =
      """
      select 1 from board
       where join_code = $1 and stage = 'closed' and closed_at > now() - make_interval(days => $2)
       limit 1""";

  static final String INSERT_PARTICIPANT =
      """
      insert into participant (id, board_id, token_hash, name, profession, consented_at, notice_version)
      values ($1, $2, $3, $4, $5, now(), $6)""";
  static final String WORKSHOP =
      """
      select id, title, place, held_on, language, template_id, privacy_notice, join_code from workshop where id = $1""";
  static final String BOARDS =
      """
      select id, name, join_code, stage, moderator_generation, projector_generation
        from board where workshop_id = $1 order by position""";

  /**
   * A workshop's code works while one of its boards is open, and until {@code $2} days after its
   * last board closed (docs/reliability.md, join codes).
   */
  static final String WORKSHOP_BY_JOIN_CODE =
      """
      select w.id, w.title, w.place, w.held_on, w.language, w.template_id, w.privacy_notice, w.join_code
        from workshop w
       where w.join_code = $1
         and (exists (select 1 from board b where b.workshop_id = w.id
                         and (b.stage <> 'closed' or b.closed_at > now() - make_interval(days => $2)))
              or not exists (select 1 from board b where b.workshop_id = w.id))""";

  /**
   * Every board that holds this code, the open one first (at most one: the partial unique index),
   * then closed ones newest first: a closed board's code keeps leading to it until another board is
   * given the code, or until {@code $2} days after it closed (docs/reliability.md, join codes).
   */
  static final String BOARDS_BY_CODE =
      """
      select b.id, b.name, b.join_code, b.stage, b.moderator_generation, b.projector_generation,
             w.id as workshop_id, w.title, w.language,
             w.template_id, w.privacy_notice
        from board b join workshop w on w.id = b.workshop_id
       where b.join_code = $1
         and (b.stage <> 'closed' or b.closed_at > now() - make_interval(days => $2))
       order by b.stage = 'closed', b.closed_at desc nulls last, b.created_at desc
       limit 10""";

  static final String BOARD_BY_ID =
      """
      select b.id, b.name, b.join_code, b.stage, b.moderator_generation, b.projector_generation,
             w.id as workshop_id, w.title, w.language,
             w.template_id, w.privacy_notice
        from board b join workshop w on w.id = b.workshop_id
       where b.id = $1""";
}
