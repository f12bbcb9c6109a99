package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.LOG_EVENTS;
import static org.peerboard.board.db.BoardSql.NOTE_COLUMNS;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.db.Erasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A participant withdraws from the study, in any stage, closed boards too: in one transaction every
 * note of theirs is erased as {@code note.delete} erases one ({@link NoteChanges#erase}), their
 * ballots leave the rounds still open (revealed results stay as they were), and their row keeps
 * only its id, its consent record and {@code withdrawn_at} (the token, name and profession go). The
 * events ({@code note.deleted} for each note, {@code vote.progress} for each round, then {@code
 * participant.removed}, which closes their sockets) reach every screen through the log's NOTIFY;
 * after the commit the rows are wiped from the table files as a deleted workshop's are ({@link
 * Erasure}).
 */
public final class Withdrawal {
  private static final Logger LOG = LoggerFactory.getLogger(Withdrawal.class);

  /** Not this process's origin: every process, this one too, reads the events back from the log. */
  static final String ORIGIN = "withdrawal";

  /** The board, locked as a batch of ops locks it (one board: no order to keep). */
  static final String LOCK_BOARD =
      "select id, stage, focus, settings from board where id = $1 for no key update";

  /** The participant's row keeps its id, board, consent and withdrawal time; nothing else. */
  static final String ERASE_PARTICIPANT =
      """
      update participant set withdrawn_at = now(), removed_at = coalesce(removed_at, now()), token_hash = null,
             name = null, profession = null
       where id = $2 and board_id = $1 and withdrawn_at is null""";

  static final String THEIR_NOTES =
      "select "
          + NOTE_COLUMNS
          + " from note where board_id = $1 and author_id = $2 order by created_at, id for update";

  /** Their ballots in the board's open rounds; the rounds they were in. */
  static final String DROP_OPEN_BALLOTS =
      """
      delete from ballot b using vote_round r
       where b.round_id = r.id and r.board_id = $1 and r.status = 'open' and b.participant_id = $2
      returning b.round_id""";

  static final String VOTERS =
      """
      select count(distinct participant_id) as voters from ballot
       where round_id = $1 and (dots > 0 or scores <> '{}'::jsonb)""";

  private final Pool pool;

  public Withdrawal(Pool pool) {
    this.pool = pool;
  }

  /**
   * Withdraws this participant from this board; answers how many notes were deleted. Fails {@code
   * unauthorized} when they withdrew already, {@code not_found} when the board is gone.
   */
  public Future<Integer> withdraw(UUID boardId, UUID participantId) {
    return pool.withTransaction(conn -> inTransaction(conn, boardId, participantId))
        .compose(
            deleted -> {
              LOG.info(
                  "A participant withdrew from board {}: {} note(s) deleted", boardId, deleted);
              return new Erasure(pool).wipe("A withdrawn participant").map(deleted);
            });
  }

  private Future<Integer> inTransaction(SqlConnection conn, UUID boardId, UUID participantId) {
    return conn.preparedQuery(LOCK_BOARD)
        .execute(Tuple.of(boardId))
        .compose(
            boards -> {
              if (boards.size() == 0) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound");
              }
              Row board = boards.iterator().next();
              Tx tx =
                  new Tx(
                      conn,
                      new Actor(boardId, Role.PARTICIPANT, participantId),
                      null,
                      BoardStore.state(
                          board.getString("stage"),
                          board.getString("focus"),
                          (JsonObject) board.getValue("settings")),
                      null,
                      null);
              return conn.preparedQuery(ERASE_PARTICIPANT)
                  .execute(Tuple.of(boardId, participantId))
                  .compose(
                      erased -> {
                        if (erased.rowCount() == 0) {
                          throw new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey");
                        }
                        return eraseNotes(tx);
                      })
                  .compose(
                      changes ->
                          dropBallots(tx)
                              .compose(
                                  progress -> {
                                    List<BoardEvent> events = new ArrayList<>();
                                    changes.forEach(c -> events.add(c.event()));
                                    events.addAll(progress);
                                    events.add(new BoardEvent.ParticipantRemoved(participantId));
                                    return log(tx, changes, events).map(changes.size());
                                  }));
            });
  }

  /** Their notes, erased one after the other, oldest first. */
  private static Future<List<Change>> eraseNotes(Tx tx) {
    return tx.conn()
        .preparedQuery(THEIR_NOTES)
        .execute(Tuple.of(tx.boardId(), tx.actor().participantId()))
        .compose(
            rows -> {
              Future<List<Change>> chain = Future.succeededFuture(new ArrayList<>());
              for (Note note : Notes.all(rows)) {
                chain =
                    chain.compose(
                        done ->
                            NoteChanges.erase(tx, note)
                                .map(
                                    change -> {
                                      done.add(change);
                                      return done;
                                    }));
              }
              return chain;
            });
  }

  /** Their ballots leave the open rounds; each such round tells its new count of voters. */
  private static Future<List<BoardEvent>> dropBallots(Tx tx) {
    return tx.conn()
        .preparedQuery(DROP_OPEN_BALLOTS)
        .execute(Tuple.of(tx.boardId(), tx.actor().participantId()))
        .compose(
            rows -> {
              Set<UUID> rounds = new LinkedHashSet<>();
              rows.forEach(row -> rounds.add(row.getUUID("round_id")));
              Future<List<BoardEvent>> chain = Future.succeededFuture(new ArrayList<>());
              for (UUID round : rounds) {
                chain =
                    chain.compose(
                        events ->
                            tx.conn()
                                .preparedQuery(VOTERS)
                                .execute(Tuple.of(round))
                                .map(
                                    voters -> {
                                      events.add(
                                          new BoardEvent.VoteProgress(
                                              round, voters.iterator().next().getLong("voters")));
                                      return events;
                                    }));
              }
              return chain;
            });
  }

  /**
   * The events in the board's log, in order, with their next seqs and one NOTIFY ({@code
   * LOG_EVENTS}, as a batch of ops logs them; no op id).
   */
  private static Future<Void> log(Tx tx, List<Change> changes, List<BoardEvent> events) {
    JsonArray rows = new JsonArray();
    for (int i = 0; i < events.size(); i++) {
      BoardEvent event = events.get(i);
      UUID noteId = i < changes.size() ? changes.get(i).noteId() : null;
      rows.add(
          new JsonObject()
              .put("ord", i)
              .put("board_id", tx.boardId().toString())
              .put("op_id", null)
              .put("type", event.name())
              .put("data", EventCodec.encode(event))
              .put("actor_id", tx.actor().participantId().toString())
              .put("actor_role", Role.PARTICIPANT.wire())
              .put("note_id", noteId == null ? null : noteId.toString())
              .put("actor_client", null)
              .put("result", new JsonObject())
              .put("undo", null)
              .put("undoes", null));
    }
    return tx.conn().preparedQuery(LOG_EVENTS).execute(Tuple.of(rows, ORIGIN)).mapEmpty();
  }
}
