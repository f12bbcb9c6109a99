package org.peerboard.live;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;

/**
 * The welcome frames that carry a whole board. A runner's or viewer's board is the same for every
 * socket of that role, so it is read and encoded once per board version and role, and every hello
 * at that version is sent the same bytes (with a fresh timer); hellos that arrive while it is being
 * made wait for it. A participant's board is their own (their notes, their ballot): those are made
 * a few at a time per board, so a storm of hellos on a large board queues instead of holding
 * hundreds of copies at once, and past the queue is refused {@code rate_limited}.
 */
final class Welcomes {
  /** Boards × roles whose encoded board is kept. */
  static final int KEPT = 64;

  /** Participants' boards being made at once for one board, and waiting. */
  static final int PERSONAL_AT_ONCE = 2;

  static final int PERSONAL_WAITING = 200;

  /** Encodings of shared boards since start: a hook for the test that they are made once. */
  static final LongAdder SHARED_ENCODINGS = new LongAdder();

  /** Shared boards encoded since start (for tests: one per board version and role). */
  static long sharedEncodings() {
    return SHARED_ENCODINGS.sum();
  }

  /** A welcome ready to send, and the seq the socket continues from. */
  record Welcome(long seq, Buffer frame) {}

  /** One board as one role sees it, encoded without its timer (which is made fresh per hello). */
  private record Encoded(long seq, Buffer boardWithoutTimer, JsonObject timer) {}

  private final BoardStore store;
  private final Map<String, Future<Encoded>> shared =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Future<Encoded>> eldest) {
          return size() > KEPT;
        }
      };
  private final Map<UUID, Gate> personal = new HashMap<>();

  Welcomes(BoardStore store) {
    this.store = store;
  }

  /** The welcome with the whole board for this socket's actor. */
  Future<Welcome> welcome(Actor actor, String participantId) {
    String role = actor.role().wire();
    if (actor.participantId() != null) {
      return personal(actor.boardId(), () -> store.snapshot(actor))
          .map(
              board ->
                  new Welcome(
                      board.getLong("seq"),
                      new OutFrame.Welcome(role, participantId, board.getLong("seq"), board)
                          .encode()));
    }
    String key = actor.boardId() + "|" + role;
    return store
        .head(actor.boardId())
        .compose(head -> encoded(key, head, actor))
        .map(encoded -> new Welcome(encoded.seq(), frame(role, encoded)));
  }

  /** The board as this role sees it at {@code head} or later: the one kept, or made once. */
  private Future<Encoded> encoded(String key, long head, Actor actor) {
    Promise<Encoded> making;
    synchronized (shared) {
      Future<Encoded> known = shared.get(key);
      // one being made, or one made at this version or later: every hello shares it
      if (known != null
          && (!known.isComplete() || (known.succeeded() && known.result().seq() >= head))) {
        return known;
      }
      making = Promise.promise();
      shared.put(key, making.future());
    }
    store
        .snapshot(actor)
        .map(Welcomes::encode)
        .onComplete(
            done -> {
              if (done.failed()) {
                synchronized (shared) {
                  shared.remove(key, making.future());
                }
              }
              making.handle(done);
            });
    return making.future();
  }

  private static Encoded encode(JsonObject board) {
    SHARED_ENCODINGS.increment();
    JsonObject timer = board.getJsonObject("timer");
    JsonObject rest = board.copy();
    rest.remove("timer");
    return new Encoded(board.getLong("seq"), rest.toBuffer(), timer);
  }

  /**
   * The welcome frame around the kept board: the same bytes for every socket, with the timer
   * (clients correct their clock by its {@code serverNow}) written first.
   */
  private static Buffer frame(String role, Encoded encoded) {
    JsonObject head =
        new JsonObject()
            .put("type", "welcome")
            .put("role", role)
            .put("participantId", null)
            .put("seq", encoded.seq());
    String start = head.encode();
    Buffer frame = Buffer.buffer(encoded.boardWithoutTimer().length() + start.length() + 256);
    frame.appendString(start);
    frame.setByte(frame.length() - 1, (byte) ',');
    frame.appendString("\"board\":{\"timer\":");
    frame.appendString(String.valueOf(fresh(encoded.timer(), Instant.now())));
    Buffer board = encoded.boardWithoutTimer();
    if (board.length() > 2) {
      frame.appendString(",");
    }
    frame.appendBuffer(board, 1, board.length() - 1);
    frame.appendString("}");
    return frame;
  }

  /** The timer as {@code TimerJson.view} makes it, for now. */
  static JsonObject fresh(JsonObject timer, Instant now) {
    if (timer == null) {
      return null;
    }
    JsonObject view = timer.copy().put("serverNow", now.toString());
    String endsAt = timer.getString("endsAt");
    if (timer.getBoolean("running", false) && endsAt != null) {
      view.put("remaining", Math.max(0, Duration.between(now, Instant.parse(endsAt)).toSeconds()));
    }
    return view;
  }

  /** A participant's board: at most {@link #PERSONAL_AT_ONCE} per board being made. */
  private Future<JsonObject> personal(UUID boardId, Supplier<Future<JsonObject>> make) {
    Gate gate;
    Promise<Void> turn = Promise.promise();
    synchronized (personal) {
      gate = personal.computeIfAbsent(boardId, id -> new Gate());
      if (gate.running < PERSONAL_AT_ONCE) {
        gate.running++;
        turn.complete();
      } else if (gate.waiting.size() < PERSONAL_WAITING) {
        gate.waiting.add(turn);
      } else {
        return Future.failedFuture(new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited"));
      }
    }
    return turn.future()
        .compose(v -> make.get())
        .onComplete(
            done -> {
              Promise<Void> next;
              synchronized (personal) {
                next = gate.waiting.poll();
                if (next == null && --gate.running == 0) {
                  personal.remove(boardId);
                }
              }
              if (next != null) {
                next.complete();
              }
            });
  }

  /** The participants' boards being made for one board, and the hellos waiting for their turn. */
  private static final class Gate {
    int running;
    final ArrayDeque<Promise<Void>> waiting = new ArrayDeque<>();
  }
}
