package org.peerboard.board.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.security.KeyRing;
import org.peerboard.security.Principal;

/** Who holds a key or token on a board: the {@link KeyRing}'s answer, read against the board. */
public final class Access {
  private static final String BOARD_WORKSHOP = "select workshop_id from board where id = $1";

  private final Pool pool;
  private final KeyRing keys;
  private final BoardStore boards;

  /**
   * {@code boards} learns of each participant resolved on their board, so that their first note can
   * already go in one statement ({@link BoardStore#sawParticipant}).
   */
  public Access(Pool pool, BoardStore boards) {
    this.pool = pool;
    this.keys = new KeyRing(pool);
    this.boards = boards;
  }

  /** The actor behind this key on this board; fails {@code not_found} or {@code unauthorized}. */
  public Future<Actor> resolve(UUID boardId, String key) {
    Future<UUID> workshop =
        pool.preparedQuery(BOARD_WORKSHOP)
            .execute(Tuple.of(boardId))
            .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("workshop_id"));
    return Future.all(workshop, keys.resolve(key))
        .map(
            both -> {
              UUID workshopId = both.resultAt(0);
              if (workshopId == null) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound");
              }
              Principal holder = both.resultAt(1);
              Role role =
                  holder
                      .roleOn(boardId, workshopId)
                      .orElseThrow(() -> new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
              if (holder instanceof Principal.Participant participant) {
                boards.sawParticipant(
                    participant.participantId(), participant.boardId(), participant.name());
                return new Actor(boardId, role, participant.participantId());
              }
              return new Actor(boardId, role, null);
            });
  }
}
