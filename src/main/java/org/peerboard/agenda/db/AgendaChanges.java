package org.peerboard.agenda.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.peerboard.agenda.model.AgendaOp;
import org.peerboard.agenda.model.AgendaRules;
import org.peerboard.agenda.model.Step;
import org.peerboard.board.db.Change;
import org.peerboard.board.db.OpHandlers;
import org.peerboard.board.db.Tx;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Timer;

/**
 * The run-sheet's ops inside the board's transaction: setting the agenda, and starting a step,
 * which sets the stage, the focus and the timer and records the start in the same commit.
 */
public final class AgendaChanges {
  private AgendaChanges() {}

  /** The run-sheet's ops, one handler each. */
  public static void register(OpHandlers ops) {
    ops.on(AgendaOp.SetAgenda.class, AgendaChanges::set)
        .on(AgendaOp.StartStep.class, AgendaChanges::start);
  }

  private static Future<Change> set(Tx tx, AgendaOp.SetAgenda op) {
    Rejection.check(AgendaRules.wellFormed(op.steps()));
    Rejection.check(AgendaRules.maySet(tx.actor(), tx.board(), tx.template(), op.steps()));
    List<Object> steps = op.steps().stream().map(s -> (Object) s.asMap()).toList();
    return tx.conn()
        .preparedQuery(AgendaSql.SET_STEPS)
        .execute(Tuple.of(tx.boardId(), new JsonArray(steps)))
        .map(v -> new Change(new BoardEvent.AgendaSet(steps), null, new JsonObject()));
  }

  /**
   * Stage, focus and timer events are logged ahead of {@code board.stepped}, so clients that know
   * only them keep up; one commit holds all four, so no snapshot shows half a step.
   */
  private static Future<Change> start(Tx tx, AgendaOp.StartStep op) {
    return AgendaPlan.read(tx.conn(), tx.boardId(), tx.template())
        .compose(
            plan -> {
              Rejection.check(
                  AgendaRules.mayStart(tx.actor(), tx.board(), plan.steps().size(), op.index()));
              Step step = plan.steps().get(op.index());
              Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
              int seconds = step.minutes() * 60;
              Timer timer = new Timer(now.plusSeconds(seconds), seconds, true);
              JsonObject storedTimer =
                  new JsonObject()
                      .put("endsAt", timer.endsAt().toString())
                      .put("remaining", seconds)
                      .put("running", true);
              return tx.conn()
                  .preparedQuery(AgendaSql.START_STEP)
                  .execute(
                      Tuple.from(
                          new Object[] {
                            tx.boardId(),
                            step.stage().wire(),
                            step.phase(),
                            storedTimer,
                            now.atOffset(ZoneOffset.UTC),
                            op.index(),
                            step.title(),
                            step.minutes(),
                            plan.json()
                          }))
                  .map(
                      v ->
                          new Change(
                              new BoardEvent.Stepped(op.index(), now),
                              null,
                              new JsonObject()
                                  .put("index", op.index())
                                  .put("startedAt", now.toString()),
                              null,
                              List.of(
                                  new BoardEvent.BoardStaged(step.stage(), null),
                                  new BoardEvent.BoardFocused(step.phase()),
                                  new BoardEvent.BoardTimed(timer, now))));
            });
  }
}
