package org.peerboard.export.db;

/** The SQL of downloads, studies and deletion. */
final class ExportSql {
  private ExportSql() {}

  static final String READ_ONLY = "set transaction isolation level repeatable read, read only";

  static final String WORKSHOP = """
      select id, title, place, held_on, language, template_id, created_at from workshop where id = $1""";
  static final String BOARDS = """
      select id, workshop_id, name, position, stage, coalesce((settings->>'anonymous')::boolean, true) as anonymous
        from board where workshop_id = $1 and ($2::uuid is null or id = $2) order by position""";
  /** Participants numbered in joining order: P1, P2 … (the same numbering in every query below). */
  static final String NUMBERED = """
      (select id, row_number() over (order by created_at, id) as number from participant where board_id = $1)""";
  static final String PARTICIPANTS = """
      select row_number() over (order by created_at, id) as number, profession, removed_at is not null as removed,
             created_at
        from participant where board_id = $1 order by created_at, id""";
  static final String CLUSTERS = """
      select c.id, c.lane, l.phase, l.dimension, c.name, c.created_at, c.updated_at,
             (select count(*) from note n where n.cluster_id = c.id) as notes
        from cluster c join lane l on l.board_id = c.board_id and l.id = c.lane
       where c.board_id = $1 order by l.position, c.created_at, c.id""";
  static final String NOTES = """
      select n.id, n.lane, l.phase, l.dimension, n.tags, n.cluster_id, c.name as cluster_name, n.duplicate_of,
             n.hidden, n.held, n.text, p.number, n.author_role, n.created_at, n.updated_at
        from note n join lane l on l.board_id = n.board_id and l.id = n.lane
        left join cluster c on c.id = n.cluster_id
        left join """ + NUMBERED + """
       p on p.id = n.author_id
       where n.board_id = $1 order by l.position, n.created_at, n.id""";
  static final String HISTORY = """
      select e.seq, e.at, e.type, e.actor_role, p.number, e.note_id, e.undone_by is not null as undone
        from board_event e left join """ + NUMBERED + """
       p on p.id = e.actor_id
       where e.board_id = $1 order by e.seq""";

  static final String BOARD_SCOPE = """
      select b.id, b.name, w.id as workshop_id, w.title, w.place, w.held_on, w.language,
             case when b.moderator_key_hash = $2 then 'moderator'
                  when w.organiser_key_hash = $2 then 'organiser' end as role
        from board b join workshop w on w.id = b.workshop_id where b.id = $1""";
  static final String WORKSHOP_SCOPE = """
      select id, title, place, held_on, language, template_id, organiser_key_hash = $2 as organiser
        from workshop where id = $1""";
  static final String STUDY_SCOPE = """
      select s.id, s.name, s.key_hash = $2 as allowed,
             array(select sw.workshop_id from study_workshop sw where sw.study_id = s.id order by sw.position)
               as workshops,
             (select w.language from study_workshop sw join workshop w on w.id = sw.workshop_id
               where sw.study_id = s.id order by sw.position limit 1) as language
        from study s where s.id = $1""";
  /**
   * Whether a key belongs to one of these workshops (its organiser, a board's moderator or projector, a
   * participant): only such a key is told 403; a key of anything else gets the same 401 as a key nobody issued.
   */
  static final String KEY_OF_WORKSHOPS = """
      select exists (select 1 from workshop where id = any($2) and organiser_key_hash = $1)
          or exists (select 1 from board where workshop_id = any($2)
                        and (moderator_key_hash = $1 or projector_key_hash = $1))
          or exists (select 1 from participant p join board b on b.id = p.board_id
                      where b.workshop_id = any($2) and p.token_hash = $1) as ours""";

  static final String INSERT_STUDY = "insert into study (id, name, key_hash) values ($1, $2, $3)";
  static final String INSERT_STUDY_WORKSHOP =
      "insert into study_workshop (study_id, workshop_id, position) values ($1, $2, $3)";
  static final String STUDY_WORKSHOPS = """
      select w.id, w.title, w.place, w.held_on, w.language, w.template_id
        from study_workshop sw join workshop w on w.id = sw.workshop_id
       where sw.study_id = $1 order by sw.position""";
  static final String STUDY_WORKSHOPS_TEMPLATES =
      "select distinct template_id from workshop where id = any($1)";
  static final String DELETE_STUDY = "delete from study where id = $1";
  static final String DELETE_WORKSHOP = "delete from workshop where id = $1";

  /** Everything the report and the comparison page show, for all boards of some workshops. */
  static final String VIEW_NOTES = """
      select n.board_id, n.id, n.lane, n.tags, n.cluster_id, n.hidden, n.text, p.number, n.author_role
        from note n join lane l on l.board_id = n.board_id and l.id = n.lane
        left join (select id, row_number() over (partition by board_id order by created_at, id) as number
                     from participant where board_id = any($1)) p on p.id = n.author_id
       where n.board_id = any($1) order by n.board_id, l.position, n.created_at, n.id""";
  static final String VIEW_CLUSTERS = """
      select c.board_id, c.id, c.lane, c.name from cluster c join lane l on l.board_id = c.board_id and l.id = c.lane
       where c.board_id = any($1) order by c.board_id, l.position, c.created_at, c.id""";
  static final String VIEW_PARTICIPANTS = """
      select board_id, count(*) as participants from participant where board_id = any($1) group by board_id""";
}
