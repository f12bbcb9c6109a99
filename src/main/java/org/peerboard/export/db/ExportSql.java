package org.peerboard.export.db;

/** The SQL of downloads, studies and deletion. */
final class ExportSql {
  private ExportSql() {}

  static final String READ_ONLY = "set transaction isolation level repeatable read, read only";

  static final String WORKSHOP =
      """
      select id, title, place, held_on, language, template_id, created_at from workshop where id = $1""";
  static final String BOARDS =
      """
      select id, workshop_id, name, position, stage, coalesce((settings->>'anonymous')::boolean, true) as anonymous
        from board where workshop_id = $1 and ($2::uuid is null or id = $2) order by position""";

  /** Participants numbered in joining order: P1, P2 … (the same numbering in every query below). */
  static final String NUMBERED =
      """
      (select id, profession, row_number() over (order by created_at, id) as number
         from participant where board_id = $1)""";

  static final String PARTICIPANTS =
      """
      select row_number() over (order by created_at, id) as number, name, profession,
             removed_at is not null as removed, created_at, consented_at, notice_version, withdrawn_at
        from participant where board_id = $1 order by created_at, id""";

  /**
   * The notice texts participants agreed to (issue 22): every one of the workshop's, or in a
   * board's download those its participants agreed to.
   */
  static final String NOTICES =
      """
      select version, language, text from notice
       where workshop_id = $1
         and ($2::uuid is null or version in (select notice_version from participant where board_id = $2))
       order by created_at, version, language""";

  static final String CLUSTERS =
      """
      select c.id, c.lane, l.phase, l.dimension, c.name, c.created_at, greatest(c.created_at, c.updated_at) as updated_at,
             (select count(*) from note n where n.cluster_id = c.id) as notes
        from cluster c join lane l on l.board_id = c.board_id and l.id = c.lane
       where c.board_id = $1 order by l.position, c.created_at, c.id""";
  static final String NOTES =
      """
      select n.id, n.lane, l.phase, l.dimension, n.tags, n.cluster_id, c.name as cluster_name, n.duplicate_of,
             n.hidden, n.held, n.text, p.number, p.profession, n.author_role, n.created_at,
             greatest(n.created_at, n.updated_at) as updated_at,
             exists (select 1 from board_event e where e.board_id = n.board_id and e.note_id = n.id
                        and e.type = $2 and e.undone_by is null) as edited,
             exists (select 1 from board_event e where e.board_id = n.board_id and e.note_id = n.id
                        and e.type = $3 and e.undone_by is null) as redacted,
             (select count(*) from reaction r where r.note_id = n.id) as reactions,
             (select count(*) from participant b where b.board_id = n.board_id and b.removed_at is null)
               as board_participants
        from note n join lane l on l.board_id = n.board_id and l.id = n.lane
        left join cluster c on c.id = n.cluster_id
        left join """
          + NUMBERED
          + """
       p on p.id = n.author_id
       where n.board_id = $1 order by l.position, n.created_at, n.id""";

  /**
   * The log, one row per event. A ballot ({@code vote.progress}) of an anonymous round names
   * nobody: with the timing of the ballots a pseudonym could re-identify a vote. A round that no
   * longer exists counts as anonymous. $2: the name of that event.
   */
  static final String HISTORY =
      """
      select e.seq, e.at, e.type, e.actor_role,
             case when e.type = $2
                   and coalesce((select r.anonymous from vote_round r where r.board_id = e.board_id
                                    and r.id::text = e.data->>'roundId'), true)
                  then null else p.number end as number,
             e.note_id, e.undone_by is not null as undone,
             case when e.type = 'note.reacted' then (e.data->>'count')::bigint end as reactions
        from board_event e left join """
          + NUMBERED
          + """
       p on p.id = e.actor_id
       where e.board_id = $1 order by e.seq""";

  /**
   * The anonymised ballots of some rounds: only ballots that say something (dots, a score or a
   * comment), never a time. The participant id stays in the database layer: the reader swaps it for
   * a random ballot id per round.
   */
  static final String BALLOTS =
      """
      select b.round_id, b.participant_id, b.item_id, i.position, b.dots, b.scores, b.comment
        from ballot b join vote_item i on i.round_id = b.round_id and i.item_id = b.item_id
       where b.round_id = any($1) and (b.dots > 0 or b.scores <> '{}'::jsonb or b.comment is not null)""";

  /** The phases each proposal of some rounds was linked to ({@code vote.link}). */
  static final String LINKS =
      """
      select round_id, item_id, phases from vote_item where round_id = any($1) and cardinality(phases) > 0""";

  static final String TEMPLATE_OF = "select template_id from workshop where id = $1";

  static final String BOARD_SCOPE =
      """
      select b.id, b.name, w.id as workshop_id, w.title, w.place, w.held_on, w.language
        from board b join workshop w on w.id = b.workshop_id where b.id = $1""";
  static final String WORKSHOP_SCOPE =
      """
      select id, title, place, held_on, language, template_id from workshop where id = $1""";
  static final String STUDY_SCOPE =
      """
      select s.id, s.name,
             array(select sw.workshop_id from study_workshop sw where sw.study_id = s.id order by sw.position)
               as workshops,
             (select w.language from study_workshop sw join workshop w on w.id = sw.workshop_id
               where sw.study_id = s.id order by sw.position limit 1) as language
        from study s where s.id = $1""";

  static final String INSERT_STUDY = "insert into study (id, name, key_hash) values ($1, $2, $3)";
  static final String INSERT_STUDY_WORKSHOP =
      "insert into study_workshop (study_id, workshop_id, position) values ($1, $2, $3)";
  static final String STUDY_WORKSHOPS =
      """
      select w.id, w.title, w.place, w.held_on, w.language, w.template_id
        from study_workshop sw join workshop w on w.id = sw.workshop_id
       where sw.study_id = $1 order by sw.position""";
  static final String STUDY_WORKSHOPS_TEMPLATES =
      "select distinct template_id from workshop where id = any($1)";
  static final String DELETE_STUDY = "delete from study where id = $1";

  /**
   * Everything the report and the comparison page show, for all boards of some workshops: what the
   * room saw, so hidden notes and notes never approved are left out (the downloads keep them,
   * flagged).
   */
  static final String VIEW_NOTES =
      """
      select n.board_id, n.id, n.lane, n.tags, n.cluster_id, n.hidden, n.text, p.number, n.author_role,
             (select count(*) from reaction r where r.note_id = n.id) as reactions
        from note n join lane l on l.board_id = n.board_id and l.id = n.lane
        left join (select id, row_number() over (partition by board_id order by created_at, id) as number
                     from participant where board_id = any($1)) p on p.id = n.author_id
       where n.board_id = any($1) and not n.hidden and not n.held
       order by n.board_id, l.position, n.created_at, n.id""";

  static final String VIEW_CLUSTERS =
      """
      select c.board_id, c.id, c.lane, c.name from cluster c join lane l on l.board_id = c.board_id and l.id = c.lane
       where c.board_id = any($1) order by c.board_id, l.position, c.created_at, c.id""";

  /** The words of voted proposals: a cluster's name and its notes' texts, or a note's text. */
  static final String PROPOSALS =
      """
      select c.id, 'cluster' as kind, c.name as label,
             coalesce((select array_agg(n.text order by n.created_at, n.id) from note n where n.cluster_id = c.id),
                      '{}'::text[]) as notes
        from cluster c where c.id = any($1)
      union all
      select n.id, 'note', n.text, '{}'::text[] from note n where n.id = any($1)""";

  static final String VIEW_PARTICIPANTS =
      """
      select board_id, count(*) as participants from participant where board_id = any($1) group by board_id""";
}
