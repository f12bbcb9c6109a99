package org.peerboard.workshop.db;

import static org.peerboard.workshop.db.WorkshopSql.*;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.security.KeyRing;
import org.peerboard.security.Principal;
import org.peerboard.workshop.model.JoinCodes;

/**
 * Reads workshops and their boards, by id or by join code, and checks a workshop's organiser key.
 */
public final class WorkshopStore {
  private final Pool pool;
  private final KeyRing keys;

  /** Days a closed board's join code (and a finished workshop's) keeps working. */
  private final int codeExpiryDays;

  public WorkshopStore(Pool pool, int codeExpiryDays) {
    this.pool = pool;
    this.keys = new KeyRing(pool);
    this.codeExpiryDays = codeExpiryDays;
  }

  /**
   * Days a closed board's join code keeps working (its results page); lookups of closed boards must
   * honour it.
   */
  public int codeExpiryDays() {
    return codeExpiryDays;
  }

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

  /**
   * Whether this key is the organiser key of this workshop; fails not_found or forbidden otherwise.
   */
  public Future<Void> checkOrganiser(UUID workshopId, String organiserKey) {
    return pool.withConnection(conn -> organiserWorkshop(conn, workshopId, organiserKey))
        .mapEmpty();
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
   * refused 403. On the caller's connection, so that {@link WorkshopCreation#addBoard} checks it in
   * its own transaction.
   */
  Future<Row> organiserWorkshop(SqlConnection conn, UUID workshopId, String organiserKey) {
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
}
