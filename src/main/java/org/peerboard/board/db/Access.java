package org.peerboard.board.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Locale;
import java.util.UUID;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.security.Keys;

/**
 * Who holds a key or token on a board. Keys are looked up by their SHA-256 hash, so the database never sees a
 * key and the comparison leaks nothing about it.
 */
public final class Access {
  private static final String RESOLVE = """
      select b.id as board_id,
             case when b.moderator_key_hash = $2 then 'moderator'
                  when b.projector_key_hash = $2 then 'viewer'
                  when w.organiser_key_hash = $2 then 'organiser' end as role,
             (select p.id from participant p
               where p.board_id = b.id and p.token_hash = $2 and p.removed_at is null) as participant_id
        from board b join workshop w on w.id = b.workshop_id
       where b.id = $1""";

  private final Pool pool;

  public Access(Pool pool) {
    this.pool = pool;
  }

  /** The actor behind this key on this board; fails {@code not_found} or {@code unauthorized}. */
  public Future<Actor> resolve(UUID boardId, String key) {
    if (!Keys.plausible(key)) {
      return pool.preparedQuery("select 1 from board where id = $1").execute(Tuple.of(boardId)).map(rows -> {
        throw new Rejection(rows.size() == 0 ? ErrorCode.NOT_FOUND : ErrorCode.UNAUTHORIZED,
            rows.size() == 0 ? "error.boardNotFound" : "error.unknownKey");
      });
    }
    return pool.preparedQuery(RESOLVE).execute(Tuple.of(boardId, Keys.hash(key))).map(rows -> {
      if (rows.size() == 0) {
        throw new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound");
      }
      Row row = rows.iterator().next();
      UUID participant = row.getUUID("participant_id");
      if (participant != null) {
        return new Actor(boardId, Role.PARTICIPANT, participant);
      }
      String role = row.getString("role");
      if (role == null) {
        throw new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey");
      }
      return new Actor(boardId, Role.valueOf(role.toUpperCase(Locale.ROOT)), null);
    });
  }
}
