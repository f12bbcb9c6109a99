package org.peerboard.workshop.db;

import static org.peerboard.workshop.db.WorkshopSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.peerboard.db.Erasure;
import org.peerboard.security.BoardKeys;
import org.peerboard.security.Keys;
import org.peerboard.workshop.model.CreatedBoard;
import org.peerboard.workshop.model.JoinCodes;
import org.peerboard.workshop.model.NewWorkshop;
import org.peerboard.workshop.model.Template;

/**
 * Creates workshops and their boards, each with a free join code, its keys and its template's
 * lanes; and takes back a workshop whose setting up could not be finished.
 */
public final class WorkshopCreation {
  private static final int CODE_ATTEMPTS = 20;

  private final Pool pool;
  private final Templates templates;
  private final WorkshopStore workshops;

  public WorkshopCreation(Pool pool, Templates templates, WorkshopStore workshops) {
    this.pool = pool;
    this.templates = templates;
    this.workshops = workshops;
  }

  /** A new workshop: its id, its organiser key (shown once) and its boards. */
  public record Created(
      UUID id,
      String organiserKey,
      String joinCode,
      List<CreatedBoard> boards,
      LocalDate retainUntil) {}

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

  /** Adds one board to a workshop; the organiser key must be the workshop's. */
  public Future<CreatedBoard> addBoard(UUID workshopId, String organiserKey, String name) {
    return pool.withTransaction(
        conn ->
            workshops
                .organiserWorkshop(conn, workshopId, organiserKey)
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
