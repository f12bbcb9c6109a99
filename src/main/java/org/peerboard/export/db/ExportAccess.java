package org.peerboard.export.db;

import static org.peerboard.export.db.ExportSql.*;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.peerboard.board.db.BoardReads;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.export.model.ExportScope;
import org.peerboard.security.KeyRing;
import org.peerboard.security.Principal;

/**
 * Who may download what: a board's moderator or the workshop's organiser for a board, the organiser
 * for a workshop, the study key for a study. No key or an unknown one is 401; a key of something
 * else (a participant, the projector) of the same workshop is 403; a key of another workshop
 * answers as an unknown one, so a refusal never tells whether a key exists elsewhere.
 */
public final class ExportAccess {
  private final Pool pool;
  private final KeyRing keys;

  public ExportAccess(Pool pool) {
    this.pool = pool;
    this.keys = new KeyRing(pool);
  }

  public Future<ExportScope> board(UUID boardId, String key) {
    return keys.resolve(key)
        .compose(
            holder ->
                pool.preparedQuery(BOARD_SCOPE)
                    .execute(Tuple.of(boardId))
                    .compose(
                        rows -> {
                          Row row = BoardReads.found(rows);
                          if (!(holder instanceof Principal.Moderator
                                  || holder instanceof Principal.Organiser)
                              || holder.roleOn(boardId, row.getUUID("workshop_id")).isEmpty()) {
                            return refuse(holder, List.of(row.getUUID("workshop_id")));
                          }
                          return Future.succeededFuture(
                              new ExportScope(
                                  ExportScope.Kind.BOARD,
                                  List.of(row.getUUID("workshop_id")),
                                  boardId,
                                  null,
                                  null,
                                  row.getString("language"),
                                  parts(
                                      row.getString("title"),
                                      row.getString("place"),
                                      row.getLocalDate("held_on"),
                                      row.getString("name"))));
                        }));
  }

  public Future<ExportScope> workshop(UUID workshopId, String key) {
    return keys.resolve(key)
        .compose(
            holder ->
                pool.preparedQuery(WORKSHOP_SCOPE)
                    .execute(Tuple.of(workshopId))
                    .compose(
                        rows -> {
                          if (rows.size() == 0) {
                            throw new Rejection(ErrorCode.NOT_FOUND, "error.workshopNotFound");
                          }
                          Row row = rows.iterator().next();
                          if (!new Principal.Organiser(workshopId).equals(holder)) {
                            return refuse(holder, List.of(workshopId));
                          }
                          return Future.succeededFuture(
                              new ExportScope(
                                  ExportScope.Kind.WORKSHOP,
                                  List.of(workshopId),
                                  null,
                                  null,
                                  null,
                                  row.getString("language"),
                                  parts(
                                      row.getString("title"),
                                      row.getString("place"),
                                      row.getLocalDate("held_on"),
                                      null)));
                        }));
  }

  public Future<ExportScope> study(UUID studyId, String key) {
    return keys.resolve(key)
        .compose(
            holder ->
                pool.preparedQuery(STUDY_SCOPE)
                    .execute(Tuple.of(studyId))
                    .compose(
                        rows -> {
                          if (rows.size() == 0) {
                            throw new Rejection(ErrorCode.NOT_FOUND, "error.studyNotFound");
                          }
                          Row row = rows.iterator().next();
                          if (!new Principal.Study(studyId).equals(holder)) {
                            UUID[] inStudy = row.getArrayOfUUIDs("workshops");
                            return refuse(
                                holder, inStudy == null ? List.of() : Arrays.asList(inStudy));
                          }
                          List<UUID> workshops = Arrays.asList(row.getArrayOfUUIDs("workshops"));
                          String language = row.getString("language");
                          return Future.succeededFuture(
                              new ExportScope(
                                  ExportScope.Kind.STUDY,
                                  workshops,
                                  null,
                                  studyId,
                                  row.getString("name"),
                                  language == null ? "en" : language,
                                  List.of("study", row.getString("name"))));
                        }));
  }

  /**
   * 403 for a key of these workshops that lacks the right; 401 for no key, an unknown one, or
   * anyone else's.
   */
  private static <T> Future<T> refuse(Principal holder, List<UUID> workshops) {
    return Future.failedFuture(
        workshops.stream().anyMatch(holder::belongsTo)
            ? new Rejection(ErrorCode.FORBIDDEN, "error.exportForbidden")
            : new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
  }

  private static List<String> parts(String title, String place, LocalDate date, String group) {
    return Arrays.asList(title, place, date == null ? null : date.toString(), group);
  }
}
