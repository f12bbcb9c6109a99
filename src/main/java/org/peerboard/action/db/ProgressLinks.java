package org.peerboard.action.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.peerboard.security.Keys;

/**
 * The public progress link of a workshop: one at a time (a new one replaces the old), a random key
 * of which only the hash is kept, withdrawn by deleting its row.
 */
public final class ProgressLinks {
  /** The workshop of a link, as the progress page heads itself. */
  public record Workshop(UUID id, String title, String place, LocalDate date, String language) {}

  static final String UPSERT =
      """
      insert into progress_link (workshop_id, key_hash) values ($1, $2)
      on conflict (workshop_id) do update set key_hash = excluded.key_hash, created_at = now()""";

  static final String DELETE = "delete from progress_link where workshop_id = $1";

  static final String WORKSHOP_OF =
      """
      select w.id, w.title, w.place, w.held_on, w.language
        from progress_link l join workshop w on w.id = l.workshop_id
       where l.key_hash = $1""";

  private final Pool pool;

  public ProgressLinks(Pool pool) {
    this.pool = pool;
  }

  /** A new key for the workshop's page; the page's earlier key, if any, stops working. */
  public Future<String> create(UUID workshopId) {
    String key = Keys.newKey();
    return pool.preparedQuery(UPSERT)
        .execute(Tuple.of(workshopId, Keys.hash(key)))
        .map(done -> key);
  }

  /** Withdraws the workshop's link; true when there was one. */
  public Future<Boolean> revoke(UUID workshopId) {
    return pool.preparedQuery(DELETE).execute(Tuple.of(workshopId)).map(r -> r.rowCount() > 0);
  }

  /** The workshop a key opens, if it is a live link. */
  public Future<Optional<Workshop>> workshop(String key) {
    if (!Keys.plausible(key)) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.preparedQuery(WORKSHOP_OF)
        .execute(Tuple.of(Keys.hash(key)))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row r = rows.iterator().next();
              return Optional.of(
                  new Workshop(
                      r.getUUID("id"),
                      r.getString("title"),
                      r.getString("place"),
                      r.getLocalDate("held_on"),
                      r.getString("language")));
            });
  }
}
