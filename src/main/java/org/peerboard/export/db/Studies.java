package org.peerboard.export.db;

import static org.peerboard.export.db.ExportSql.*;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.db.Erasure;
import org.peerboard.security.Keys;

/**
 * Studies: several workshops compared and exported together. Creating one needs each workshop's
 * organiser key (proof of the right to its data); the study then has its own key, stored as a hash
 * like every other key.
 */
public final class Studies {
  private final Pool pool;
  private final ExportAccess access;

  public Studies(Pool pool, ExportAccess access) {
    this.pool = pool;
    this.access = access;
  }

  /**
   * A workshop named in a new study, with the organiser key that proves the right to include it.
   */
  public record Member(UUID workshopId, String organiserKey) {}

  /** A study just made: its id and its key (shown once). */
  public record Created(UUID id, String key, List<UUID> workshops) {}

  /** A workshop as a study lists it. */
  public record Workshop(
      UUID id, String title, String place, String date, String language, String templateId) {}

  public Future<Created> create(String name, List<Member> members) {
    Set<UUID> seen = new HashSet<>();
    for (Member member : members) {
      if (!seen.add(member.workshopId())) {
        return Future.failedFuture(new Rejection(ErrorCode.INVALID, "error.studyInvalid"));
      }
    }
    Future<Void> checked =
        ExportReader.each(members, m -> access.workshop(m.workshopId(), m.organiserKey()));
    UUID id = UUID.randomUUID();
    String key = Keys.newKey();
    List<UUID> ids = members.stream().map(Member::workshopId).toList();
    return checked.compose(
        ok ->
            pool.withTransaction(
                conn ->
                    conn.preparedQuery(STUDY_WORKSHOPS_TEMPLATES)
                        .execute(Tuple.of(ids.toArray(UUID[]::new)))
                        .compose(
                            templates -> {
                              if (templates.size() > 1) {
                                throw new Rejection(ErrorCode.INVALID, "error.studyTemplates");
                              }
                              return conn.preparedQuery(INSERT_STUDY)
                                  .execute(Tuple.of(id, name, Keys.hash(key)));
                            })
                        .compose(
                            inserted -> {
                              List<Tuple> rows = new ArrayList<>();
                              for (int i = 0; i < ids.size(); i++) {
                                rows.add(Tuple.of(id, ids.get(i), i));
                              }
                              return conn.preparedQuery(INSERT_STUDY_WORKSHOP).executeBatch(rows);
                            })
                        .map(done -> new Created(id, key, ids))));
  }

  public Future<List<Workshop>> workshops(UUID studyId) {
    return pool.preparedQuery(STUDY_WORKSHOPS)
        .execute(Tuple.of(studyId))
        .map(
            rows -> {
              List<Workshop> list = new ArrayList<>();
              for (Row r : rows) {
                list.add(
                    new Workshop(
                        r.getUUID("id"),
                        r.getString("title"),
                        r.getString("place"),
                        r.getLocalDate("held_on") == null
                            ? null
                            : r.getLocalDate("held_on").toString(),
                        r.getString("language"),
                        r.getString("template_id")));
              }
              return list;
            });
  }

  public Future<Void> delete(UUID studyId, String key) {
    return access
        .study(studyId, key)
        .compose(scope -> pool.preparedQuery(DELETE_STUDY).execute(Tuple.of(studyId)))
        .mapEmpty();
  }

  /**
   * Deletes a workshop and everything in it (boards, lanes, participants, notes, clusters, events,
   * op ids), closes its boards' sockets in every process, and wipes the rows from disk ({@link
   * Erasure}).
   */
  public Future<Void> deleteWorkshop(UUID workshopId, String organiserKey) {
    return access
        .workshop(workshopId, organiserKey)
        .compose(scope -> pool.withTransaction(conn -> Erasure.deleteWorkshop(conn, workshopId)))
        .compose(deleted -> new Erasure(pool).wipe());
  }
}
