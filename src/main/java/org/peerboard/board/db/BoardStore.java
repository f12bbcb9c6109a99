package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardState;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.NoteRules;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Stage;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.model.Template;

/**
 * Applies ops to a board. Each op runs in ONE transaction that claims its op id, checks the rules against the
 * locked board, changes the state tables, appends the event with the board's next seq and notifies every
 * process; the caller acks only after this future completes, that is after the commit.
 */
public final class BoardStore {
  private final Pool pool;
  private final Templates templates;

  public BoardStore(Pool pool, Templates templates) {
    this.pool = pool;
    this.templates = templates;
  }

  /**
   * The board row is locked first ({@code for no key update}, which does not conflict with the key-share locks
   * that inserts referencing the board take), so ops on one board queue in one order and never deadlock.
   */
  public Future<OpResult> apply(Actor actor, UUID opId, Op op) {
    return pool.withTransaction(conn -> lockBoard(conn, actor.boardId())
        .compose(locked -> conn.preparedQuery(CLAIM_OP).execute(Tuple.of(actor.boardId(), opId))
            .compose(claimed -> claimed.rowCount() == 0
                ? replay(conn, actor.boardId(), opId)
                : change(conn, actor, op, locked).compose(change -> record(conn, actor, opId, change)))));
  }

  /** The board as this viewer may see it: the object of {@code welcome.board} and {@code GET /api/boards/{id}}. */
  public Future<JsonObject> snapshot(Actor viewer) {
    return pool.withTransaction(conn -> conn.preparedQuery("set transaction isolation level repeatable read, read only")
        .execute()
        .compose(ignored -> conn.preparedQuery(BOARD).execute(Tuple.of(viewer.boardId())))
        .compose(boards -> {
          if (boards.size() == 0) {
            throw new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound");
          }
          Row board = boards.iterator().next();
          return templates.get(board.getString("template_id"))
              .compose(t -> conn.preparedQuery(LANES).execute(Tuple.of(viewer.boardId())))
              .compose(lanes -> conn.preparedQuery(NOTES).execute(Tuple.of(viewer.boardId()))
                  .map(notes -> boardJson(board, lanes, notes, viewer)));
        }));
  }

  public Future<Long> head(UUID boardId) {
    return pool.preparedQuery(HEAD).execute(Tuple.of(boardId)).map(rows -> {
      if (rows.size() == 0) {
        throw new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound");
      }
      return rows.iterator().next().getLong("seq");
    });
  }

  /** Events after {@code afterSeq} up to {@code upTo}, in order, at most {@code limit} of them. */
  public Future<List<StoredEvent>> events(UUID boardId, long afterSeq, long upTo, int limit) {
    return pool.preparedQuery(EVENTS_AFTER).execute(Tuple.of(boardId, afterSeq, upTo, limit)).map(rows -> {
      List<StoredEvent> events = new ArrayList<>(rows.size());
      for (Row row : rows) {
        UUID actorId = row.getUUID("actor_id");
        events.add(new StoredEvent(row.getLong("seq"), row.getString("type"), (JsonObject) row.getValue("data"),
            actorId == null ? null : actorId.toString(), row.getString("actor_role"), row.getOffsetDateTime("at")));
      }
      return events;
    });
  }

  private record Locked(BoardState state, Template template) {}

  /** The state change an op made, ready to be logged. */
  private record Change(String event, JsonObject data, UUID noteId, JsonObject result) {}

  private Future<OpResult> replay(SqlConnection conn, UUID boardId, UUID opId) {
    return conn.preparedQuery(REPLAY_OP).execute(Tuple.of(boardId, opId)).map(rows -> {
      Row row = rows.iterator().next();
      return new OpResult(row.getLong("seq"), (JsonObject) row.getValue("result"), true);
    });
  }

  private Future<Locked> lockBoard(SqlConnection conn, UUID boardId) {
    return conn.preparedQuery(LOCK_BOARD).execute(Tuple.of(boardId)).compose(rows -> {
      if (rows.size() == 0) {
        throw new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound");
      }
      Row row = rows.iterator().next();
      JsonObject settings = (JsonObject) row.getValue("settings");
      BoardState state = new BoardState(Stage.fromWire(row.getString("stage")).orElseThrow(), row.getString("focus"),
          Boolean.TRUE.equals(settings.getBoolean("lateNotes")));
      return templates.get(row.getString("template_id")).map(template -> new Locked(state, template));
    });
  }

  private Future<Change> change(SqlConnection conn, Actor actor, Op op, Locked board) {
    if (op instanceof Op.NoteAdd add) {
      return addNote(conn, actor, add, board);
    }
    if (op instanceof Op.NoteEdit edit) {
      return lockNote(conn, actor.boardId(), edit.noteId()).compose(note -> {
        Rejection.check(NoteRules.mayEdit(actor, board.state(), board.template(), note, edit));
        return conn.preparedQuery(EDIT_NOTE).execute(Tuple.of(note.id(), actor.boardId(), edit.text(),
                edit.tags() == null ? null : edit.tags().toArray(String[]::new)))
            .map(rows -> noteChange("note.edited", rows));
      });
    }
    if (op instanceof Op.NoteMove move) {
      return lockNote(conn, actor.boardId(), move.noteId()).compose(note -> {
        Rejection.check(NoteRules.mayMove(actor, board.state(), board.template(), note, move));
        return conn.preparedQuery(MOVE_NOTE).execute(Tuple.of(note.id(), actor.boardId(), move.lane()))
            .map(rows -> noteChange("note.moved", rows));
      });
    }
    Op.NoteDelete delete = (Op.NoteDelete) op;
    return lockNote(conn, actor.boardId(), delete.noteId()).compose(note -> {
      Rejection.check(NoteRules.mayDelete(actor, board.state(), note));
      return conn.preparedQuery(DELETE_NOTE).execute(Tuple.of(note.id(), actor.boardId()))
          .compose(deleted -> conn.preparedQuery(SCRUB_NOTE_TEXT).execute(Tuple.of(actor.boardId(), note.id())))
          .map(scrubbed -> new Change("note.deleted",
              new JsonObject().put("noteId", note.id().toString()).put("lane", note.lane()), note.id(),
              new JsonObject().put("noteId", note.id().toString())));
    });
  }

  private Future<Change> addNote(SqlConnection conn, Actor actor, Op.NoteAdd add, Locked board) {
    Rejection.check(NoteRules.mayAdd(actor, board.state(), board.template(), add.lane(), add.tags()));
    UUID noteId = add.noteId() == null ? UUID.randomUUID() : add.noteId();
    return conn.preparedQuery(NOTE_EXISTS).execute(Tuple.of(noteId)).compose(existing -> {
      if (existing.size() > 0) {
        throw new Rejection(ErrorCode.CONFLICT, "error.noteExists");
      }
      return conn.preparedQuery(INSERT_NOTE).execute(Tuple.of(noteId, actor.boardId(), add.lane(),
          add.tags().toArray(String[]::new), add.text(), actor.participantId(), actor.role().wire()));
    }).map(rows -> noteChange("note.added", rows));
  }

  private static Change noteChange(String event, RowSet<Row> rows) {
    Note note = Notes.fromRow(rows.iterator().next());
    return new Change(event, new JsonObject().put("note", Notes.stored(note)), note.id(),
        new JsonObject().put("noteId", note.id().toString()).put("version", note.version()));
  }

  private Future<Note> lockNote(SqlConnection conn, UUID boardId, UUID noteId) {
    return conn.preparedQuery(LOCK_NOTE).execute(Tuple.of(noteId, boardId)).map(rows -> {
      if (rows.size() == 0) {
        throw new Rejection(ErrorCode.NOT_FOUND, "error.noteNotFound");
      }
      return Notes.fromRow(rows.iterator().next());
    });
  }

  private Future<OpResult> record(SqlConnection conn, Actor actor, UUID opId, Change change) {
    UUID boardId = actor.boardId();
    return conn.preparedQuery(NEXT_SEQ).execute(Tuple.of(boardId)).compose(seqRows -> {
      long seq = seqRows.iterator().next().getLong("seq");
      return conn.preparedQuery(APPEND_EVENT)
          .execute(Tuple.of(boardId, seq, change.event(), change.data(), actor.participantId(), actor.role().wire(),
              change.noteId()))
          .compose(appended -> conn.preparedQuery(RECORD_OP).execute(Tuple.of(boardId, opId, seq, change.result())))
          .compose(recorded -> conn.preparedQuery(NOTIFY).execute(Tuple.of(boardId + ":" + seq)))
          .map(notified -> new OpResult(seq, change.result(), false));
    });
  }

  private JsonObject boardJson(Row board, RowSet<Row> lanes, RowSet<Row> notes, Actor viewer) {
    JsonArray laneList = new JsonArray();
    for (Row lane : lanes) {
      laneList.add(new JsonObject().put("id", lane.getString("id")).put("phase", lane.getString("phase"))
          .put("dimension", lane.getString("dimension")));
    }
    JsonArray noteList = new JsonArray();
    for (Row row : notes) {
      JsonObject stored = Notes.stored(Notes.fromRow(row));
      if (Views.listed(stored, viewer)) {
        noteList.add(Views.note(stored, viewer));
      }
    }
    JsonObject settings = defaults().mergeIn((JsonObject) board.getValue("settings"));
    return new JsonObject()
        .put("id", board.getUUID("id").toString())
        .put("name", board.getString("name"))
        .put("workshop", new JsonObject().put("id", board.getUUID("workshop_id").toString())
            .put("title", board.getString("title")).put("language", board.getString("language")))
        .put("joinCode", board.getString("join_code"))
        .put("stage", board.getString("stage"))
        .put("settings", settings)
        .put("focus", board.getString("focus"))
        .put("timer", board.getValue("timer"))
        .put("seq", board.getLong("seq"))
        .put("template", templates.json(board.getString("template_id")))
        .put("lanes", laneList)
        .put("notes", noteList)
        .put("clusters", new JsonArray())
        .put("rounds", new JsonArray());
  }

  private static JsonObject defaults() {
    return new JsonObject().put("anonymous", true).put("hideNotes", false).put("lateNotes", false);
  }
}
