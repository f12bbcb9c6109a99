package org.peerboard.board.db;

import static org.peerboard.board.db.BoardSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.BoardRules;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Settings;
import org.peerboard.board.model.Stage;
import org.peerboard.board.model.Timer;
import org.peerboard.security.BoardKeys;
import org.peerboard.security.Keys;
import org.peerboard.workshop.model.JoinCodes;

/** Running the session: stage, focus, timer, settings, the reveal, and removing a participant. */
final class BoardChanges {
  private BoardChanges() {}

  /**
   * Reopening a closed board whose join code was given to another open board meanwhile gives it a
   * new code (named in the event), since codes are unique among open boards.
   */
  static Future<Change> stage(Tx tx, Op.BoardStage op) {
    Rejection.check(BoardRules.mayRun(tx.actor()));
    boolean reopening = tx.board().stage() == Stage.CLOSED && op.stage() != Stage.CLOSED;
    Future<String> code =
        !reopening
            ? Future.succeededFuture(null)
            : tx.conn()
                .preparedQuery(CODE_TAKEN)
                .execute(Tuple.of(tx.boardId()))
                .compose(
                    taken -> taken.size() == 0 ? Future.succeededFuture(null) : newJoinCode(tx, 0));
    return code.compose(
        newCode ->
            tx.conn()
                .preparedQuery(SET_STAGE)
                .execute(Tuple.of(tx.boardId(), op.stage().wire()))
                .map(
                    v ->
                        new Change(
                            new BoardEvent.BoardStaged(op.stage(), newCode),
                            null,
                            new JsonObject())));
  }

  static Future<Change> focus(Tx tx, Op.BoardFocus op) {
    Rejection.check(BoardRules.mayFocus(tx.actor(), tx.board(), tx.template(), op.phase()));
    return tx.conn()
        .preparedQuery(SET_FOCUS)
        .execute(Tuple.of(tx.boardId(), op.phase()))
        .map(v -> new Change(new BoardEvent.BoardFocused(op.phase()), null, new JsonObject()));
  }

  static Future<Change> timer(Tx tx, Op.BoardTimer op) {
    Rejection.check(BoardRules.mayRunOpenBoard(tx.actor(), tx.board()));
    Instant now = Instant.now();
    Timer next = Timer.apply(TimerJson.read(tx.timer()), op.action(), op.seconds(), now);
    JsonObject stored = TimerJson.write(next);
    return tx.conn()
        .preparedQuery(SET_TIMER)
        .execute(Tuple.of(tx.boardId(), stored))
        .map(
            v ->
                new Change(
                    new BoardEvent.BoardTimed(TimerJson.read(TimerJson.view(stored, now)), now),
                    null,
                    new JsonObject()));
  }

  static Future<Change> settings(Tx tx, Op.BoardSettings op) {
    Rejection.check(BoardRules.maySetSettings(tx.actor(), tx.board(), tx.template(), op.patch()));
    Settings next = tx.board().settings().apply(op.patch());
    JsonObject json = SettingsJson.write(next);
    return tx.conn()
        .preparedQuery(SET_SETTINGS)
        .execute(Tuple.of(tx.boardId(), json))
        .map(v -> new Change(new BoardEvent.BoardSettingsChanged(next), null, new JsonObject()));
  }

  /**
   * Others' notes written while hidden become readable; clients fetch the board again on this
   * event.
   */
  static Future<Change> reveal(Tx tx, Op.BoardReveal op) {
    Rejection.check(BoardRules.mayRun(tx.actor()));
    Settings revealed = tx.board().settings().revealedNow();
    JsonObject json = SettingsJson.write(revealed);
    return tx.conn()
        .preparedQuery(SET_SETTINGS)
        .execute(Tuple.of(tx.boardId(), json))
        .compose(v -> tx.conn().preparedQuery(REVEAL_NOTES).execute(Tuple.of(tx.boardId())))
        .map(
            notes ->
                new Change(
                    new BoardEvent.BoardRevealed(revealed, notes.rowCount()),
                    null,
                    new JsonObject()));
  }

  /**
   * New moderator or projector keys (the moderator key's projector key changes with it) or a new
   * join code; the old ones stop working at once, and sockets holding a rotated key are closed when
   * they get this event.
   */
  static Future<Change> rotate(Tx tx, Op.BoardRotate op) {
    if (tx.actor().role() != Role.ORGANISER) {
      throw new Rejection(ErrorCode.FORBIDDEN, "error.organiserOnly");
    }
    return tx.conn()
        .preparedQuery(KEY_GENERATIONS)
        .execute(Tuple.of(tx.boardId()))
        .compose(
            rows -> {
              Row row = rows.iterator().next();
              int moderatorGen = row.getInteger("moderator_generation") + (op.moderator() ? 1 : 0);
              int projectorGen = row.getInteger("projector_generation") + (op.projector() ? 1 : 0);
              String moderatorKey =
                  BoardKeys.moderator(op.organiserKey(), tx.boardId(), moderatorGen);
              String projectorKey = BoardKeys.projector(moderatorKey, projectorGen);
              List<Role> roles = new ArrayList<>();
              if (op.moderator()) {
                roles.add(Role.MODERATOR);
              }
              if (op.moderator() || op.projector()) {
                roles.add(Role.VIEWER);
              }
              return tx.conn()
                  .preparedQuery(ROTATE_KEYS)
                  .execute(
                      Tuple.of(
                          tx.boardId(),
                          moderatorGen,
                          projectorGen,
                          Keys.hash(moderatorKey),
                          Keys.hash(projectorKey)))
                  .compose(
                      v ->
                          op.joinCode()
                              ? newJoinCode(tx, 0)
                              : Future.succeededFuture(row.getString("join_code")))
                  .map(
                      code ->
                          new Change(
                              new BoardEvent.KeysRotated(List.copyOf(roles), code),
                              null,
                              new JsonObject()
                                  .put("moderatorGeneration", moderatorGen)
                                  .put("projectorGeneration", projectorGen)
                                  .put("joinCode", code)));
            });
  }

  private static Future<String> newJoinCode(Tx tx, int attempt) {
    if (attempt > 20) {
      return Future.failedFuture(new IllegalStateException("no free join code"));
    }
    String code = JoinCodes.next();
    return tx.conn()
        .preparedQuery(NEW_JOIN_CODE)
        .execute(Tuple.of(tx.boardId(), code))
        .compose(
            updated ->
                updated.rowCount() == 1
                    ? Future.succeededFuture(code)
                    : newJoinCode(tx, attempt + 1));
  }

  /** The participant's token stops working at once; their notes stay. */
  static Future<Change> removeParticipant(Tx tx, Op.ParticipantRemove op) {
    Rejection.check(BoardRules.mayRun(tx.actor()));
    return tx.conn()
        .preparedQuery(PARTICIPANT_EXISTS)
        .execute(Tuple.of(tx.boardId(), op.participantId()))
        .compose(
            found -> {
              if (found.size() == 0) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.participantNotFound");
              }
              return tx.conn()
                  .preparedQuery(REMOVE_PARTICIPANT)
                  .execute(Tuple.of(tx.boardId(), op.participantId()));
            })
        .map(
            v ->
                new Change(
                    new BoardEvent.ParticipantRemoved(op.participantId()), null, new JsonObject()));
  }
}
