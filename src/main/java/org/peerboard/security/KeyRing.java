package org.peerboard.security;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The one place that says who holds a key: organiser, moderator and projector keys, participant
 * tokens and study keys are looked up by their SHA-256 hash (unique in each table), so the database
 * never sees a key.
 */
public final class KeyRing {
  /**
   * Every holder of the hash $1, through the unique index of each kind of key; at most one row in
   * practice.
   */
  static final String RESOLVE =
      """
      select 'organiser' as kind, w.id as workshop_id, null::uuid as board_id, null::uuid as holder_id,
             false as removed, null::text as holder_name
        from workshop w where w.organiser_key_hash = $1
      union all
      select 'moderator', b.workshop_id, b.id, null, false, null
        from board b where b.moderator_key_hash = $1
      union all
      select 'projector', b.workshop_id, b.id, null, false, null
        from board b where b.projector_key_hash = $1
      union all
      select 'participant', b.workshop_id, p.board_id, p.id, p.removed_at is not null, p.name
        from participant p join board b on b.id = p.board_id where p.token_hash = $1
      union all
      select 'study', null, null, s.id, false, null from study s where s.key_hash = $1""";

  private final Pool pool;

  public KeyRing(Pool pool) {
    this.pool = pool;
  }

  /**
   * Who holds this key; {@link Principal.Unknown} for a key nobody holds or one that is not
   * plausible.
   */
  public Future<Principal> resolve(String key) {
    if (!Keys.plausible(key)) {
      return Future.succeededFuture(new Principal.Unknown());
    }
    return pool.preparedQuery(RESOLVE)
        .execute(Tuple.of(Keys.hash(key)))
        .map(
            rows -> rows.size() == 0 ? new Principal.Unknown() : principal(rows.iterator().next()));
  }

  private static Principal principal(Row row) {
    return switch (row.getString("kind")) {
      case "organiser" -> new Principal.Organiser(row.getUUID("workshop_id"));
      case "moderator" ->
          new Principal.Moderator(row.getUUID("board_id"), row.getUUID("workshop_id"));
      case "projector" ->
          new Principal.Projector(row.getUUID("board_id"), row.getUUID("workshop_id"));
      case "participant" ->
          new Principal.Participant(
              row.getUUID("board_id"),
              row.getUUID("workshop_id"),
              row.getUUID("holder_id"),
              row.getBoolean("removed"),
              row.getString("holder_name"));
      default -> new Principal.Study(row.getUUID("holder_id"));
    };
  }
}
