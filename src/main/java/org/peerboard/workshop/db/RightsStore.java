package org.peerboard.workshop.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.db.Erasure;
import org.peerboard.workshop.model.Notice;
import org.peerboard.workshop.model.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Participants' rights on the workshop's side (issue 22): its information notice, its retention
 * date (changed by the organiser; past it, the workshop deletes itself) and the consent counts the
 * organiser page shows.
 */
public final class RightsStore {
  private static final Logger LOG = LoggerFactory.getLogger(RightsStore.class);

  static final String NOTICE_FACTS =
      "select " + Notices.COLUMNS + " from workshop w where w.id = $1";

  static final String SET_RETAIN_UNTIL = "update workshop set retain_until = $2 where id = $1";

  /** The retention date and how many joined, agreed to a notice and withdrew, over every board. */
  static final String DATA_PROTECTION =
      """
      select w.retain_until,
             count(p.id) as joined, count(p.consented_at) as consented, count(p.withdrawn_at) as withdrawn
        from workshop w left join board b on b.workshop_id = w.id left join participant p on p.board_id = b.id
       where w.id = $1 group by w.retain_until""";

  static final String EXPIRED = "select id, retain_until from workshop where retain_until < $1";

  /** Locks the workshop's row first, so a retention date moved meanwhile is honoured. */
  static final String LOCK_EXPIRED =
      "select id from workshop where id = $1 and retain_until < $2 for update";

  private final Pool pool;
  private final WorkshopStore workshops;

  public RightsStore(Pool pool, WorkshopStore workshops) {
    this.pool = pool;
    this.workshops = workshops;
  }

  /** The workshop's notice in this language; fails not_found. */
  public Future<Notice> notice(UUID workshopId, String language) {
    return pool.preparedQuery(NOTICE_FACTS)
        .execute(Tuple.of(workshopId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.workshopNotFound");
              }
              return Notices.of(rows.iterator().next(), language);
            });
  }

  /** The organiser moves the retention date (already checked: not past, not beyond 10 years). */
  public Future<Void> retainUntil(UUID workshopId, String organiserKey, LocalDate until) {
    return workshops
        .checkOrganiser(workshopId, organiserKey)
        .compose(ok -> pool.preparedQuery(SET_RETAIN_UNTIL).execute(Tuple.of(workshopId, until)))
        .onSuccess(done -> LOG.info("Workshop {} is now kept until {}", workshopId, until))
        .mapEmpty();
  }

  /**
   * What the organiser page's data protection section shows: {@code retainUntil}, {@code warn}
   * (from 30 days before), {@code joined}, {@code consented}, {@code withdrawn}.
   */
  public Future<JsonObject> dataProtection(UUID workshopId, LocalDate today) {
    return pool.preparedQuery(DATA_PROTECTION)
        .execute(Tuple.of(workshopId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.workshopNotFound");
              }
              Row row = rows.iterator().next();
              LocalDate until = row.getLocalDate("retain_until");
              return new JsonObject()
                  .put("retainUntil", until.toString())
                  .put("latest", Retention.latest(today).toString())
                  .put("today", today.toString())
                  .put("warn", Retention.warns(until, today))
                  .put("joined", row.getLong("joined"))
                  .put("consented", row.getLong("consented"))
                  .put("withdrawn", row.getLong("withdrawn"));
            });
  }

  /**
   * Deletes every workshop whose retention date is before {@code today}, as {@code DELETE
   * /api/workshops/{id}} does (each in its own transaction, sockets closed in every process), then
   * wipes the rows from disk once; answers how many went. Run at start and every hour.
   */
  public Future<Integer> sweep(LocalDate today) {
    return pool.preparedQuery(EXPIRED)
        .execute(Tuple.of(today))
        .compose(
            rows -> {
              List<Row> due = new ArrayList<>();
              rows.forEach(due::add);
              Future<Integer> chain = Future.succeededFuture(0);
              for (Row row : due) {
                UUID id = row.getUUID("id");
                LocalDate until = row.getLocalDate("retain_until");
                chain = chain.compose(n -> deleteExpired(id, until, today).map(gone -> n + gone));
              }
              return chain.compose(
                  n -> n == 0 ? Future.succeededFuture(0) : new Erasure(pool).wipe().map(n));
            });
  }

  private Future<Integer> deleteExpired(UUID id, LocalDate until, LocalDate today) {
    return pool.withTransaction(
            conn ->
                conn.preparedQuery(LOCK_EXPIRED)
                    .execute(Tuple.of(id, today))
                    .compose(
                        locked ->
                            locked.size() == 0
                                ? Future.succeededFuture(0)
                                : Erasure.deleteWorkshop(conn, id).map(v -> 1)))
        .onSuccess(
            deleted -> {
              if (deleted > 0) {
                LOG.info("Workshop {} deleted by itself: it was to be kept until {}", id, until);
              }
            });
  }
}
