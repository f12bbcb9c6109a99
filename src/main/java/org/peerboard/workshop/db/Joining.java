package org.peerboard.workshop.db;

import static org.peerboard.workshop.db.WorkshopSql.*;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.UUID;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.security.Keys;
import org.peerboard.workshop.model.JoinCodes;
import org.peerboard.workshop.model.Notice;

/** Lets participants join an open board by its code, agreeing to the workshop's notice. */
public final class Joining {
  private final Pool pool;
  private final int maxParticipants;

  /** Days a closed board's join code keeps working: within them, its code answers "closed". */
  private final int codeExpiryDays;

  public Joining(Pool pool, int maxParticipants, int codeExpiryDays) {
    this.pool = pool;
    this.maxParticipants = maxParticipants;
    this.codeExpiryDays = codeExpiryDays;
  }

  /** A participant who just joined, with the token that is their identity from now on. */
  public record Joined(UUID boardId, UUID participantId, String token) {}

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
}
