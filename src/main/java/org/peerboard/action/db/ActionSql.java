package org.peerboard.action.db;

/**
 * The action plan's SQL. Ops run inside the board's transaction, which has locked the board row
 * first; an action row is locked after it, always in that order, so two ops cannot deadlock.
 */
final class ActionSql {
  private ActionSql() {}

  static final String COLUMNS =
      """
      id, board_id, title, from_note_id, from_cluster_id, owner, due, status, next_step, version,
      created_at, updated_at""";

  static final String INSERT =
      "insert into board_action (id, board_id, title, from_note_id, from_cluster_id, owner, due,"
          + " status, next_step) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning "
          + COLUMNS;

  static final String COUNT = "select count(*) as n from board_action where board_id = $1";

  static final String LOCK =
      "select " + COLUMNS + " from board_action where id = $1 and board_id = $2 for update";

  static final String UPDATE =
      "update board_action set title = $3, from_note_id = $4, from_cluster_id = $5, owner = $6,"
          + " due = $7, status = $8, next_step = $9, version = version + 1, updated_at = now()"
          + " where id = $1 and board_id = $2 returning "
          + COLUMNS;

  static final String DELETE = "delete from board_action where id = $1 and board_id = $2";

  /** The text of a note of this board that an action is made from. */
  static final String NOTE_TEXT = "select text from note where id = $1 and board_id = $2";

  /** The name of a cluster of this board that an action is made from. */
  static final String CLUSTER_NAME = "select name from cluster where id = $1 and board_id = $2";

  static final String OF_BOARD =
      "select " + COLUMNS + " from board_action where board_id = $1 order by created_at, id";

  /** Notes this board started with, carried from earlier workshops, in the order they came. */
  static final String CARRIED =
      """
      select note_id, kind, from_workshop, from_group, result, status from carried_note
       where board_id = $1 order by position""";
}
