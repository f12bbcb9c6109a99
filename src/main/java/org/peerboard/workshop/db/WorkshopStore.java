package org.peerboard.workshop.db;

import static org.peerboard.workshop.db.WorkshopSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.peerboard.Config;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.db.Erasure;
import org.peerboard.security.BoardKeys;
import org.peerboard.security.KeyRing;
import org.peerboard.security.Keys;
import org.peerboard.security.Principal;
import org.peerboard.workshop.model.CreatedBoard;
import org.peerboard.workshop.model.JoinCodes;
import org.peerboard.workshop.model.NewWorkshop;
import org.peerboard.workshop.model.Notice;
import org.peerboard.workshop.model.Template;

/** Creates workshops and boards, and lets participants join a board by its code. */
public final class WorkshopStore {
  private static final int CODE_ATTEMPTS = 20;

  private final Pool pool;
  private final KeyRing keys;
  private final Templates templates;

  private final int maxParticipants;

  /** Days a closed board's join code (and a finished workshop's) keeps working. */
  private final int codeExpiryDays;

  public WorkshopStore(Pool pool, Templates templates, int maxParticipants) {
    this(pool, templates, maxParticipants, Config.Defences.DEFAULTS.codeExpiryDays());
  }

  public WorkshopStore(Pool pool, Templates templates, int maxParticipants, int codeExpiryDays) {
    this.pool = pool;
    this.keys = new KeyRing(pool);
    this.templates = templates;
    this.maxParticipants = maxParticipants;
    this.codeExpiryDays = codeExpiryDays;
  }

  /**
   * Days a closed board's join code keeps working (its results page); lookups of closed boards must
   * honour it.
   */
  public int codeExpiryDays() {
    return codeExpiryDays;
  }

  /** A new workshop: its id, its organiser key (shown once) and its boards. */
  public record Created(
      UUID id,
      String organiserKey,
      String joinCode,
      List<CreatedBoard> boards,
      LocalDate retainUntil) {}

  /** A participant who just joined, with the token that is their identity from now on. */
  public record Joined(UUID boardId, UUID participantId, String token) {}

  /** Workshop facts the pages and links need. */
  public record WorkshopInfo(
      UUID id,
      String title,
      String place,
      String date,
      String language,
      String templateId,
      String privacyNotice,
      String joinCode) {}

  /** A board as listed for its workshop. */
  public record BoardInfo(
      UUID id,
      String name,
      String joinCode,
      String stage,
      int moderatorGeneration,
      int projectorGeneration) {}

  /** A board found by its join code or id, with its workshop and its stage. */
  public record JoinTarget(
      UUID boardId,
      String boardName,
      String joinCode,
      WorkshopInfo workshop,
      int moderatorGeneration,
      int projectorGeneration,
      String stage) {
    public boolean closed() {
      return "closed".equals(stage);
    }
  }

  public Future<Created> create(NewWorkshop request) {
    UUID id = UUID.randomUUID();
    String organiserKey = Keys.newKey();
    return templates
        .get(request.templateId())
        .compose(
            template ->
                pool.withTransaction(
                    conn ->
                        insertWorkshop(conn, id, organiserKey, request, 0)
                            .compose(
                                joinCode ->
                                    addBoards(conn, id, organiserKey, template, request.groups(), 0)
                                        .map(
                                            boards ->
                                                new Created(
                                                    id,
                                                    organiserKey,
                                                    joinCode,
                                                    boards,
                                                    request.retainUntil())))));
  }

  /**
   * Takes back a workshop this request made but could not finish setting up (its carried notes): it
   * and everything in it go, in one transaction, so the request makes nothing. Nobody has its keys
   * yet (the answer was not sent), so there is nothing to wipe from disk that was not already
   * elsewhere; any process holding one of its boards is told, as for a deletion.
   */
  public Future<Void> unmake(UUID workshopId) {
    return pool.withTransaction(conn -> Erasure.deleteWorkshop(conn, workshopId));
  }

  private Future<String> insertWorkshop(
      SqlConnection conn, UUID id, String organiserKey, NewWorkshop request, int attempt) {
    if (attempt >= CODE_ATTEMPTS) {
      return Future.failedFuture(
          new IllegalStateException("no free workshop code after " + CODE_ATTEMPTS + " tries"));
    }
    String code = JoinCodes.next();
    return conn.preparedQuery(INSERT_WORKSHOP)
        .execute(
            Tuple.from(
                new Object[] {
                  id,
                  request.title(),
                  request.place(),
                  request.date(),
                  request.language(),
                  request.templateId(),
                  Keys.hash(organiserKey),
                  request.privacyNotice(),
                  code,
                  request.privacyNotices().isEmpty()
                      ? null
                      : new JsonObject(new HashMap<>(request.privacyNotices())),
                  request.organisation(),
                  request.contact(),
                  request.purpose(),
                  request.retainUntil()
                }))
        .compose(
            inserted ->
                inserted.rowCount() == 0
                    ? insertWorkshop(conn, id, organiserKey, request, attempt + 1)
                    : Future.succeededFuture(code));
  }

  /** The workshop behind a workshop-wide join code, for participants who pick their group. */
  public Future<Optional<WorkshopInfo>> workshopByCode(String typedCode) {
    Optional<String> code = JoinCodes.normalise(typedCode);
    if (code.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.preparedQuery(WORKSHOP_BY_JOIN_CODE)
        .execute(Tuple.of(code.get(), codeExpiryDays))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(workshopInfo(rows.iterator().next(), "id")));
  }

  /** Adds one board to a workshop; the organiser key must be the workshop's. */
  public Future<CreatedBoard> addBoard(UUID workshopId, String organiserKey, String name) {
    return pool.withTransaction(
        conn ->
            organiserWorkshop(conn, workshopId, organiserKey)
                .compose(
                    workshop ->
                        templates
                            .get(workshop.getString("template_id"))
                            .compose(
                                template ->
                                    conn.preparedQuery(NEXT_POSITION)
                                        .execute(Tuple.of(workshopId))
                                        .compose(
                                            rows ->
                                                addBoards(
                                                    conn,
                                                    workshopId,
                                                    organiserKey,
                                                    template,
                                                    List.of(name),
                                                    rows.iterator().next().getInteger("next"))))
                            .map(boards -> boards.get(0))));
  }

  /**
   * Whether this key is the organiser key of this workshop; fails not_found or forbidden otherwise.
   */
  public Future<Void> checkOrganiser(UUID workshopId, String organiserKey) {
    return pool.withConnection(conn -> organiserWorkshop(conn, workshopId, organiserKey))
        .mapEmpty();
  }

  /**
   * A new participant on the open board with this code, who agreed to the workshop's notice in
   * {@code language}: its version is recorded with the time, and its text kept for the downloads.
   */
  public Future<Joined> join(String code, String name, String profession, String language) {
    Optional<String> normalised = JoinCodes.normalise(code);
    if (normalised.isEmpty()) {
      return Future.failedFuture(new Rejection(ErrorCode.NOT_FOUND, "error.joinCodeNotFound"));
    }
    UUID participantId = UUID.randomUUID();
    String token = Keys.newKey();
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(OPEN_BOARD_BY_CODE)
                .execute(Tuple.of(normalised.get()))
                .compose(
                    rows -> {
                      if (rows.size() == 0) {
                        return conn.preparedQuery(CLOSED_BOARD_HAS_CODE)
                            .execute(Tuple.of(normalised.get(), codeExpiryDays))
                            .map(
                                closed -> {
                                  throw closed.size() > 0
                                      ? new Rejection(ErrorCode.CONFLICT, "error.boardClosedJoin")
                                      : new Rejection(
                                          ErrorCode.NOT_FOUND, "error.joinCodeNotFound");
                                });
                      }
                      Row board = rows.iterator().next();
                      UUID boardId = board.getUUID("id");
                      if (board.getLong("participants") >= maxParticipants) {
                        throw new Rejection(ErrorCode.CONFLICT, "error.boardFull");
                      }
                      Notice notice =
                          Notices.of(
                              board, language == null ? board.getString("language") : language);
                      return conn.preparedQuery(INSERT_PARTICIPANT)
                          .execute(
                              Tuple.of(
                                  participantId,
                                  boardId,
                                  Keys.hash(token),
                                  name,
                                  profession,
                                  notice.version()))
                          .compose(
                              inserted ->
                                  conn.preparedQuery(Notices.RECORD)
                                      .execute(
                                          Tuple.of(
                                              board.getUUID("workshop_id"),
                                              notice.version(),
                                              notice.language(),
                                              notice.text())))
                          .map(inserted -> new Joined(boardId, participantId, token));
                    }));
  }

  public Future<Optional<WorkshopInfo>> workshop(UUID id) {
    return pool.preparedQuery(WORKSHOP)
        .execute(Tuple.of(id))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(workshopInfo(rows.iterator().next(), "id")));
  }

  public Future<List<BoardInfo>> boards(UUID workshopId) {
    return pool.preparedQuery(BOARDS)
        .execute(Tuple.of(workshopId))
        .map(
            rows -> {
              List<BoardInfo> boards = new ArrayList<>();
              for (Row row : rows) {
                boards.add(
                    new BoardInfo(
                        row.getUUID("id"),
                        row.getString("name"),
                        row.getString("join_code"),
                        row.getString("stage"),
                        row.getInteger("moderator_generation"),
                        row.getInteger("projector_generation")));
              }
              return boards;
            });
  }

  /**
   * The boards a join link may mean: the open board with this code first, then closed boards that
   * held it, newest first (a closed board keeps greeting its people until its code is given to
   * another board).
   */
  public Future<List<JoinTarget>> boardsByCode(String typedCode) {
    Optional<String> code = JoinCodes.normalise(typedCode);
    if (code.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return pool.preparedQuery(BOARDS_BY_CODE)
        .execute(Tuple.of(code.get(), codeExpiryDays))
        .map(
            rows -> {
              List<JoinTarget> found = new ArrayList<>();
              rows.forEach(row -> found.add(joinTarget(row)));
              return found;
            });
  }

  /** A board with its workshop, whatever its stage; fails not_found. */
  public Future<JoinTarget> boardWithWorkshop(UUID boardId) {
    return pool.preparedQuery(BOARD_BY_ID)
        .execute(Tuple.of(boardId))
        .map(
            rows ->
                joinTarget(rows)
                    .orElseThrow(() -> new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound")));
  }

  private static Optional<JoinTarget> joinTarget(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(joinTarget(rows.iterator().next()));
  }

  private static JoinTarget joinTarget(Row row) {
    return new JoinTarget(
        row.getUUID("id"),
        row.getString("name"),
        row.getString("join_code"),
        new WorkshopInfo(
            row.getUUID("workshop_id"),
            row.getString("title"),
            null,
            null,
            row.getString("language"),
            row.getString("template_id"),
            row.getString("privacy_notice"),
            null),
        row.getInteger("moderator_generation"),
        row.getInteger("projector_generation"),
        row.getString("stage"));
  }

  private static WorkshopInfo workshopInfo(Row row, String idColumn) {
    return new WorkshopInfo(
        row.getUUID(idColumn),
        row.getString("title"),
        row.getString("place"),
        row.getLocalDate("held_on") == null ? null : row.getLocalDate("held_on").toString(),
        row.getString("language"),
        row.getString("template_id"),
        row.getString("privacy_notice"),
        row.getString("join_code"));
  }

  /**
   * The workshop row, when the key is its organiser key ({@link KeyRing}); a board key of it is
   * refused 403.
   */
  private Future<Row> organiserWorkshop(SqlConnection conn, UUID workshopId, String organiserKey) {
    return keys.resolve(organiserKey)
        .compose(
            holder ->
                conn.preparedQuery(WORKSHOP_BY_ID)
                    .execute(Tuple.of(workshopId))
                    .map(
                        rows -> {
                          if (rows.size() == 0) {
                            throw new Rejection(ErrorCode.NOT_FOUND, "error.workshopNotFound");
                          }
                          if (new Principal.Organiser(workshopId).equals(holder)) {
                            return rows.iterator().next();
                          }
                          boolean boardKey =
                              holder instanceof Principal.Moderator m
                                      && m.workshopId().equals(workshopId)
                                  || holder instanceof Principal.Projector p
                                      && p.workshopId().equals(workshopId);
                          throw new Rejection(
                              boardKey ? ErrorCode.FORBIDDEN : ErrorCode.UNAUTHORIZED,
                              "error.organiserOnly");
                        }));
  }

  private Future<List<CreatedBoard>> addBoards(
      SqlConnection conn,
      UUID workshopId,
      String organiserKey,
      Template template,
      List<String> names,
      int firstPosition) {
    Future<List<CreatedBoard>> chain = Future.succeededFuture(new ArrayList<>());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      int position = firstPosition + i;
      chain =
          chain.compose(
              made ->
                  addBoard(conn, workshopId, organiserKey, template, name, position, 0)
                      .map(
                          board -> {
                            made.add(board);
                            return made;
                          }));
    }
    return chain;
  }

  private Future<CreatedBoard> addBoard(
      SqlConnection conn,
      UUID workshopId,
      String organiserKey,
      Template template,
      String name,
      int position,
      int attempt) {
    if (attempt >= CODE_ATTEMPTS) {
      return Future.failedFuture(
          new IllegalStateException("no free join code after " + CODE_ATTEMPTS + " tries"));
    }
    UUID boardId = UUID.randomUUID();
    String code = JoinCodes.next();
    String moderatorKey = BoardKeys.moderator(organiserKey, boardId, 0);
    String projectorKey = BoardKeys.projector(moderatorKey, 0);
    return conn.preparedQuery(INSERT_BOARD)
        .execute(
            Tuple.from(
                new Object[] {
                  boardId,
                  workshopId,
                  name,
                  position,
                  code,
                  Keys.hash(moderatorKey),
                  Keys.hash(projectorKey)
                }))
        .compose(
            inserted -> {
              if (inserted.rowCount() == 0) {
                return addBoard(
                    conn, workshopId, organiserKey, template, name, position, attempt + 1);
              }
              List<Tuple> lanes =
                  template.lanes().stream()
                      .map(l -> Tuple.of(boardId, l.id(), l.phase(), l.dimension(), l.position()))
                      .toList();
              return conn.preparedQuery(INSERT_LANE)
                  .executeBatch(lanes)
                  .map(done -> new CreatedBoard(boardId, name, code, moderatorKey, projectorKey));
            });
  }
}
