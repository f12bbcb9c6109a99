package org.peerboard.vote.db;

import static org.peerboard.vote.db.VoteSql.*;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import org.peerboard.board.db.Change;
import org.peerboard.board.db.OpHandlers;
import org.peerboard.board.db.Tx;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.BoardRules;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Stage;
import org.peerboard.i18n.Messages;
import org.peerboard.vote.model.Round;
import org.peerboard.vote.model.RoundKind;
import org.peerboard.vote.model.RoundStatus;
import org.peerboard.vote.model.VoteOp;
import org.peerboard.vote.model.VoteRules;

/**
 * The vote ops, inside the board's transaction. The board row is locked for every op, so two
 * sockets of one participant firing votes at once are applied one after the other and the budget
 * check always sees the truth.
 */
public final class VoteChanges {
  private VoteChanges() {}

  /** The vote ops, one handler each. */
  public static void register(OpHandlers ops) {
    ops.on(VoteOp.Open.class, VoteChanges::open)
        .on(VoteOp.Cast.class, VoteChanges::cast)
        .on(VoteOp.Status.class, VoteChanges::status)
        .on(VoteOp.Link.class, VoteChanges::link);
  }

  private static Future<Change> open(Tx tx, VoteOp.Open op) {
    Rejection.check(VoteRules.mayRunVotes(tx.actor(), tx.board().stage()));
    RoundKind kind = op.kind();
    if (!tx.template().hasLane(op.lane())) {
      throw new Rejection(ErrorCode.INVALID, "error.unknownLane");
    }
    int budget = op.budget() == null ? Round.DEFAULT_BUDGET : op.budget();
    int cap = op.cap() == null ? Math.min(Round.DEFAULT_CAP, budget) : op.cap();
    if (kind == RoundKind.DOTS && (budget < 1 || budget > 100 || cap < 1 || cap > budget)) {
      throw new Rejection(ErrorCode.INVALID, "error.invalidShape");
    }
    JsonArray criteria = criteria(kind, op.criteria());
    UUID roundId = UUID.randomUUID();
    return tx.conn()
        .preparedQuery(ITEMS_OF_LANE)
        .execute(Tuple.of(tx.boardId(), op.lane()))
        .compose(
            items -> {
              if (items.size() == 0) {
                throw new Rejection(ErrorCode.CONFLICT, "error.nothingToVoteOn");
              }
              List<Tuple> rows = new ArrayList<>();
              for (Row item : items) {
                rows.add(
                    Tuple.of(roundId, item.getUUID("id"), item.getString("kind"), rows.size()));
              }
              return tx.conn()
                  .preparedQuery(INSERT_ROUND)
                  .execute(
                      Tuple.from(
                          new Object[] {
                            roundId,
                            tx.boardId(),
                            op.lane(),
                            kind.wire(),
                            kind == RoundKind.DOTS ? budget : null,
                            kind == RoundKind.DOTS ? cap : null,
                            criteria,
                            op.anonymous() == null || op.anonymous(),
                            Boolean.TRUE.equals(op.comments())
                          }))
                  .compose(v -> tx.conn().preparedQuery(INSERT_ITEM).executeBatch(rows))
                  .compose(
                      v ->
                          tx.conn()
                              .preparedQuery(ROUND_BY_ID)
                              .execute(Tuple.of(tx.boardId(), roundId)))
                  .map(
                      round ->
                          new Change(
                              new BoardEvent.VoteOpened(
                                  Rounds.json(round.iterator().next()).getMap()),
                              null,
                              new JsonObject().put("roundId", roundId.toString())));
            });
  }

  private static JsonArray criteria(RoundKind kind, List<VoteOp.Criterion> asked) {
    JsonArray criteria = new JsonArray();
    if (kind != RoundKind.RATING) {
      return criteria;
    }
    List<VoteOp.Criterion> list =
        asked != null
            ? asked
            : Round.DEFAULT_CRITERIA.stream().map(key -> new VoteOp.Criterion(key, null)).toList();
    List<String> seen = new ArrayList<>();
    for (VoteOp.Criterion c : list) {
      if (seen.contains(c.key())) {
        throw new Rejection(ErrorCode.INVALID, "error.invalidShape");
      }
      seen.add(c.key());
      Map<String, String> labels = c.labels();
      if (labels == null) {
        String it = label("it", c.key());
        String en = label("en", c.key());
        if (it == null || en == null) {
          throw new Rejection(ErrorCode.INVALID, "error.voteCriterion");
        }
        labels = Map.of("it", it, "en", en);
      }
      criteria.add(
          new JsonObject()
              .put("key", c.key())
              .put(
                  "labels",
                  new JsonObject().put("it", labels.get("it")).put("en", labels.get("en"))));
    }
    return criteria;
  }

  private static String label(String language, String key) {
    ResourceBundle bundle = Messages.bundle("i18n/vote", language);
    return bundle.containsKey("criterion." + key) ? bundle.getString("criterion." + key) : null;
  }

  private static Future<Change> cast(Tx tx, VoteOp.Cast op) {
    if (tx.actor().role() != Role.PARTICIPANT) {
      throw new Rejection(ErrorCode.FORBIDDEN, "error.participantsVote");
    }
    return lock(tx, op.roundId())
        .compose(
            round ->
                tx.conn()
                    .preparedQuery(ITEM_EXISTS)
                    .execute(Tuple.of(round.id(), op.itemId()))
                    .compose(
                        item -> {
                          if (item.size() == 0) {
                            throw new Rejection(ErrorCode.NOT_FOUND, "error.itemNotFound");
                          }
                          UUID participant = tx.actor().participantId();
                          Future<Integer> others =
                              op.dots() == null || participant == null
                                  ? Future.succeededFuture(0)
                                  : tx.conn()
                                      .preparedQuery(OTHERS_DOTS)
                                      .execute(Tuple.of(round.id(), participant, op.itemId()))
                                      .map(rows -> rows.iterator().next().getInteger("dots"));
                          return others.compose(
                              othersDots -> {
                                JsonObject scores = new JsonObject();
                                if (op.dots() != null) {
                                  Rejection.check(
                                      VoteRules.mayCastDots(
                                          tx.actor(),
                                          tx.board().stage(),
                                          round,
                                          op.dots(),
                                          othersDots));
                                } else {
                                  Rejection.check(
                                      VoteRules.mayScore(
                                          tx.actor(), tx.board().stage(), round, op.scores()));
                                  op.scores().forEach(scores::put);
                                }
                                String comment = round.comments() ? op.comment() : null;
                                int dots = op.dots() == null ? 0 : op.dots();
                                JsonObject result =
                                    new JsonObject()
                                        .put("roundId", round.id().toString())
                                        .put("itemId", op.itemId().toString());
                                if (op.dots() != null) {
                                  result
                                      .put("dots", dots)
                                      .put("remaining", round.budget() - othersDots - dots);
                                } else {
                                  result.put("scores", scores);
                                }
                                return tx.conn()
                                    .preparedQuery(UPSERT_BALLOT)
                                    .execute(
                                        Tuple.from(
                                            new Object[] {
                                              round.id(),
                                              participant,
                                              op.itemId(),
                                              dots,
                                              scores,
                                              comment
                                            }))
                                    .compose(
                                        v ->
                                            tx.conn()
                                                .preparedQuery(VOTERS)
                                                .execute(Tuple.of(round.id())))
                                    .map(
                                        voters ->
                                            new Change(
                                                new BoardEvent.VoteProgress(
                                                    round.id(),
                                                    voters.iterator().next().getLong("voters")),
                                                null,
                                                result));
                              });
                        }));
  }

  /** close, reveal (closing it if open) and reopen; a reveal carries the results in its event. */
  private static Future<Change> status(Tx tx, VoteOp.Status op) {
    Rejection.check(BoardRules.mayRun(tx.actor()));
    return lock(tx, op.roundId())
        .compose(
            round -> {
              RoundStatus next = op.action().next();
              if (next == RoundStatus.OPEN && tx.board().stage() == Stage.CLOSED) {
                throw new Rejection(ErrorCode.CONFLICT, "error.boardClosed");
              }
              if (round.status() == next
                  || (next == RoundStatus.CLOSED && round.status() == RoundStatus.REVEALED)) {
                throw new Rejection(ErrorCode.CONFLICT, "error.roundState");
              }
              return tx.conn()
                  .preparedQuery(SET_STATUS)
                  .execute(Tuple.of(round.id(), next.wire()))
                  .compose(
                      v ->
                          switch (next) {
                            case CLOSED ->
                                Future.<BoardEvent>succeededFuture(
                                    new BoardEvent.VoteClosed(round.id()));
                            case REVEALED ->
                                VoteStore.results(tx.conn(), tx.boardId(), round)
                                    .map(
                                        results ->
                                            (BoardEvent)
                                                new BoardEvent.VoteRevealed(
                                                    round.id(), results.getList()));
                            default ->
                                Future.<BoardEvent>succeededFuture(
                                    new BoardEvent.VoteReopened(round.id()));
                          })
                  .map(
                      e ->
                          new Change(
                              e, null, new JsonObject().put("roundId", round.id().toString())));
            });
  }

  private static Future<Change> link(Tx tx, VoteOp.Link op) {
    Rejection.check(VoteRules.mayRunVotes(tx.actor(), tx.board().stage()));
    return lock(tx, op.roundId())
        .compose(
            round -> {
              for (String phase : op.phases()) {
                if (tx.template().phases().stream().noneMatch(p -> p.key().equals(phase))) {
                  throw new Rejection(ErrorCode.INVALID, "error.unknownPhase");
                }
              }
              return tx.conn()
                  .preparedQuery(SET_PHASES)
                  .execute(Tuple.of(round.id(), op.itemId(), op.phases().toArray(String[]::new)))
                  .map(
                      updated -> {
                        if (updated.rowCount() == 0) {
                          throw new Rejection(ErrorCode.NOT_FOUND, "error.itemNotFound");
                        }
                        return new Change(
                            new BoardEvent.VoteLinked(
                                round.id(), op.itemId(), List.copyOf(op.phases())),
                            null,
                            new JsonObject());
                      });
            });
  }

  private static Future<Round> lock(Tx tx, UUID roundId) {
    return tx.conn()
        .preparedQuery(LOCK_ROUND)
        .execute(Tuple.of(roundId, tx.boardId()))
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw new Rejection(ErrorCode.NOT_FOUND, "error.roundNotFound");
              }
              return Rounds.round(rows.iterator().next());
            });
  }
}
