package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardState;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Settings;
import org.peerboard.board.model.Stage;
import org.peerboard.board.model.Visibility;
import org.peerboard.workshop.db.Templates;

/**
 * Applies ops to a board and reads it. Each op is committed in ONE transaction (shared with the ops
 * that arrive together, see {@link OpPipeline}) that locks the board, claims its op id, checks the
 * rules, changes the state tables, appends the event with the board's next seq and notifies every
 * process; the caller acks only after the op's future completes, that is after the commit.
 */
public final class BoardStore {
  /** The most transactions the op pipeline runs at once: its batch slots. */
  public static final int OPS_CONNECTIONS = BatchSlots.MAX_IN_FLIGHT;

  private final Pool pool;
  private final Templates templates;
  private final List<SnapshotPart> parts;
  private final OpPipeline ops;
  private final SeenBoards seen = new SeenBoards();

  /**
   * This store among those on one database (one per process): its NOTIFYs carry it ({@code
   * board:head:origin}), so that it can tell its own commits, whose events it already holds, from
   * another process's.
   */
  private final String origin = UUID.randomUUID().toString().substring(0, 8);

  /**
   * {@code features} register the ops the board itself does not know (e.g. voting); {@code parts}
   * add to snapshots. Ops commit through {@code opsPool}, reads go through {@code pool}: the ops'
   * connections may pipeline (each transaction sends BEGIN with its first statement and COMMIT
   * behind its last, {@link BatchTx#commit}), which the other callers' statements must not (see
   * {@code PgOptions.connectOptions}). It needs {@link #OPS_CONNECTIONS} connections.
   */
  public BoardStore(
      Vertx vertx,
      Pool pool,
      Pool opsPool,
      Templates templates,
      List<OpHandlers.Feature> features,
      List<SnapshotPart> parts) {
    this.pool = pool;
    this.templates = templates;
    OpHandlers handlers = new OpHandlers();
    OpHandlers.board(handlers);
    features.forEach(feature -> feature.register(handlers));
    this.parts = parts;
    this.ops = new OpPipeline(vertx, opsPool, templates, handlers, origin, seen);
  }

  /**
   * A participant's key was just resolved on their board, under this name: their notes can be
   * judged before the board's lock from their first ({@link OneTripAdds}), not only from their
   * second, once the board has been seen. A guess like every other the pipeline keeps: the one
   * statement checks that they are still on the board under that name, and otherwise the note goes
   * the usual way.
   */
  public void sawParticipant(UUID participantId, UUID boardId, String name) {
    seen.saw(participantId, new SeenBoards.Person(boardId, name));
  }

  /**
   * Applies the op through the one batch pipeline ({@link OpPipeline}; see {@code
   * BoardSql.LOCK_AND_CLAIM} for why ops never deadlock). Callable from any event loop; the future
   * completes on the caller's context.
   */
  public Future<OpResult> apply(Actor actor, String client, UUID opId, Op op) {
    return ops.submit(actor, client, opId, op);
  }

  /**
   * Hands every event this process commits, whoever applied its op, to {@code listener} (board id,
   * event), once committed: in the same task as the op's answer, right after it (issue 28).
   */
  public void onCommitted(BiConsumer<UUID, StoredEvent> listener) {
    ops.onCommitted(listener);
  }

  /**
   * Runs the op pipeline on this event loop ({@code OpPipeline.runOn}); call it before the first
   * op.
   */
  public void pipelineOn(io.vertx.core.Context loop) {
    ops.runOn(loop);
  }

  /** What this store's NOTIFYs end with (see {@code BoardSql.LOG_EVENTS}). */
  public String origin() {
    return origin;
  }

  /**
   * The board as this viewer may see it: the object of {@code welcome.board} and {@code GET
   * /api/boards/{id}}.
   */
  public Future<JsonObject> snapshot(Actor viewer) {
    UUID boardId = viewer.boardId();
    return BoardReads.snapshot(
        pool,
        conn ->
            conn.preparedQuery(BOARD)
                .execute(Tuple.of(boardId))
                .compose(
                    boards -> {
                      Row board = BoardReads.found(boards);
                      Snapshot snapshot = new Snapshot(board);
                      return templates
                          .get(board.getString("template_id"))
                          .compose(
                              t ->
                                  conn.preparedQuery(LANES)
                                      .execute(Tuple.of(boardId))
                                      .map(r -> snapshot.lanes = r))
                          .compose(
                              r ->
                                  conn.preparedQuery(NOTES)
                                      .execute(Tuple.of(boardId))
                                      .map(n -> snapshot.notes = n))
                          .compose(
                              r ->
                                  conn.preparedQuery(CLUSTERS)
                                      .execute(Tuple.of(boardId))
                                      .map(c -> snapshot.clusters = c))
                          .compose(
                              r ->
                                  viewer.role().runsTheBoard()
                                      ? conn.preparedQuery(PARTICIPANTS)
                                          .execute(Tuple.of(boardId))
                                          .map(p -> snapshot.participants = p)
                                      : Future.succeededFuture(null))
                          .map(r -> boardJson(snapshot, viewer))
                          .compose(json -> addParts(conn, viewer, json));
                    }));
  }

  private Future<JsonObject> addParts(SqlConnection conn, Actor viewer, JsonObject board) {
    Future<Void> chain = Future.succeededFuture();
    for (SnapshotPart part : parts) {
      chain = chain.compose(v -> part.addTo(conn, viewer, board));
    }
    return chain.map(v -> board);
  }

  public Future<Long> head(UUID boardId) {
    return pool.preparedQuery(HEAD)
        .execute(Tuple.of(boardId))
        .map(rows -> BoardReads.found(rows).getLong("seq"));
  }

  /** Events after {@code afterSeq} up to {@code upTo}, in order, at most {@code limit} of them. */
  public Future<List<StoredEvent>> events(UUID boardId, long afterSeq, long upTo, int limit) {
    return pool.preparedQuery(EVENTS_AFTER)
        .execute(Tuple.of(boardId, afterSeq, upTo, limit))
        .map(
            rows -> {
              List<StoredEvent> events = new ArrayList<>(rows.size());
              for (Row row : rows) {
                UUID actorId = row.getUUID("actor_id");
                events.add(
                    new StoredEvent(
                        row.getLong("seq"),
                        row.getString("type"),
                        (JsonObject) row.getValue("data"),
                        actorId == null ? null : actorId.toString(),
                        row.getString("actor_role"),
                        row.getOffsetDateTime("at")));
              }
              return events;
            });
  }

  /** The board's stage, focus and settings as {@code LOCK_AND_CLAIM} reads them. */
  static BoardState state(String stage, String focus, JsonObject settings) {
    return new BoardState(Stage.fromWire(stage).orElseThrow(), focus, SettingsJson.read(settings));
  }

  /** The rows a snapshot is made of, read in one repeatable-read transaction. */
  private static final class Snapshot {
    final Row board;
    RowSet<Row> lanes;
    RowSet<Row> notes;
    RowSet<Row> clusters;
    RowSet<Row> participants;

    Snapshot(Row board) {
      this.board = board;
    }
  }

  private JsonObject boardJson(Snapshot s, Actor viewer) {
    Row board = s.board;
    Settings settings = SettingsJson.read((JsonObject) board.getValue("settings"));
    JsonArray laneList = new JsonArray();
    for (Row lane : s.lanes) {
      laneList.add(
          new JsonObject()
              .put("id", lane.getString("id"))
              .put("phase", lane.getString("phase"))
              .put("dimension", lane.getString("dimension")));
    }
    JsonArray noteList = new JsonArray();
    Notes.all(s.notes)
        .forEach(
            note -> {
              Note stored = Notes.stored(note, settings);
              if (Visibility.listed(stored, viewer)) {
                noteList.add(EventCodec.note(Visibility.note(stored, viewer)));
              }
            });
    JsonArray clusterList = new JsonArray();
    s.clusters.forEach(row -> clusterList.add(EventCodec.cluster(Notes.cluster(row))));
    JsonObject json =
        new JsonObject()
            .put("id", board.getUUID("id").toString())
            .put("name", board.getString("name"))
            .put(
                "workshop",
                new JsonObject()
                    .put("id", board.getUUID("workshop_id").toString())
                    .put("title", board.getString("title"))
                    .put("language", board.getString("language")))
            .put("joinCode", board.getString("join_code"))
            .put("stage", board.getString("stage"))
            .put("settings", SettingsJson.write(settings))
            .put("focus", board.getString("focus"))
            .put("timer", TimerJson.view((JsonObject) board.getValue("timer"), Instant.now()))
            .put("seq", board.getLong("seq"))
            .put("template", templates.json(board.getString("template_id")))
            .put("lanes", laneList)
            .put("notes", noteList)
            .put("clusters", clusterList)
            .put("rounds", new JsonArray());
    if (s.participants != null) {
      JsonArray people = new JsonArray();
      s.participants.forEach(
          p ->
              people.add(
                  new JsonObject()
                      .put("id", p.getUUID("id").toString())
                      .put("name", p.getString("name"))
                      .put("profession", p.getString("profession"))
                      .put("removed", p.getBoolean("removed"))));
      json.put("participants", people);
    }
    return json;
  }
}
