package org.peerboard.suggest.web;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.suggest.db.SuggestReader;
import org.peerboard.suggest.model.Suggester;
import org.peerboard.workshop.db.Templates;

/**
 * The suggestions of a board, made with bounds: one computation per board at a time (a second
 * request for the same lane and version waits for the first and shares its answer; another lane
 * waits its turn), a few at a time in the whole process, and each answer kept until the board
 * changes (keyed by the board's seq), so repeated clicks cost one read of the board's head. Past
 * the queues a request is answered {@code 503 unavailable} with {@code Retry-After}. Shared by
 * every event loop.
 */
public final class Suggestions {
  /** Answers kept (board × lane), the least recently used dropped first. */
  static final int KEPT = 256;

  /** Computations at once in the process (they are CPU-bound: about one per core). */
  static final int AT_ONCE = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

  /** Computations waiting for a place, in the process; requests waiting per board. */
  static final int WAITING = 32;

  static final int WAITING_PER_BOARD = 4;

  /** Seconds a refused request is told to wait. */
  static final int RETRY_AFTER_SECONDS = 3;

  /** Computations since start: a hook for the test that repeated requests share one. */
  static final LongAdder COMPUTED = new LongAdder();

  /** Suggestions computed since start (for tests: repeated requests share one). */
  public static long computed() {
    return COMPUTED.sum();
  }

  private record Answer(long seq, JsonObject json) {}

  private record Making(long seq, Future<JsonObject> answer) {}

  private final Vertx vertx;
  private final SuggestReader reader;
  private final Templates templates;

  private final Map<String, Answer> kept =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
          return size() > KEPT;
        }
      };

  private final Map<String, Making> making = new HashMap<>();
  private final Map<UUID, Future<Void>> boardTurns = new HashMap<>();
  private final Map<UUID, Integer> boardWaiting = new HashMap<>();
  private final ArrayDeque<Promise<Void>> waiting = new ArrayDeque<>();
  private int running;

  public Suggestions(Vertx vertx, Pool pool, Templates templates) {
    this.vertx = vertx;
    this.reader = new SuggestReader(pool);
    this.templates = templates;
  }

  /** The suggestions of one lane ({@code null}: every lane) as the contract's JSON. */
  public Future<JsonObject> of(UUID boardId, String lane) {
    return reader.version(boardId).compose(seq -> answer(boardId, lane, seq));
  }

  private synchronized Future<JsonObject> answer(UUID boardId, String lane, long seq) {
    String key = boardId + "|" + (lane == null ? "" : lane);
    Answer known = kept.get(key);
    if (known != null && known.seq() >= seq) {
      return Future.succeededFuture(known.json());
    }
    Making current = making.get(key);
    if (current != null && current.seq() >= seq) {
      return current.answer();
    }
    int queued = boardWaiting.getOrDefault(boardId, 0);
    if (queued >= WAITING_PER_BOARD) {
      return busy();
    }
    boardWaiting.put(boardId, queued + 1);
    Future<Void> before = boardTurns.getOrDefault(boardId, Future.succeededFuture());
    Promise<JsonObject> result = Promise.promise();
    Future<Void> done = result.future().transform(r -> Future.succeededFuture());
    boardTurns.put(boardId, done);
    Making mine = new Making(seq, result.future());
    making.put(key, mine);
    before
        .transform(v -> place())
        .compose(
            v ->
                compute(boardId, lane)
                    .onComplete(
                        r -> {
                          synchronized (this) {
                            running--;
                          }
                          next();
                        }))
        .onComplete(
            r -> {
              synchronized (this) {
                making.remove(key, mine);
                if (r.succeeded()) {
                  kept.put(key, new Answer(seq, r.result()));
                }
                int left = boardWaiting.getOrDefault(boardId, 1) - 1;
                if (left <= 0) {
                  boardWaiting.remove(boardId);
                } else {
                  boardWaiting.put(boardId, left);
                }
                if (boardTurns.get(boardId) == done) {
                  boardTurns.remove(boardId);
                }
              }
              result.handle(r);
            });
    return result.future();
  }

  /** A place among the computations running in the process, now or once one ends. */
  private synchronized Future<Void> place() {
    if (running < AT_ONCE) {
      running++;
      return Future.succeededFuture();
    }
    if (waiting.size() >= WAITING) {
      return busy();
    }
    Promise<Void> turn = Promise.promise();
    waiting.add(turn);
    return turn.future();
  }

  private void next() {
    Promise<Void> turn;
    synchronized (this) {
      if (running >= AT_ONCE || (turn = waiting.poll()) == null) {
        return;
      }
      running++;
    }
    turn.complete();
  }

  /** Too many suggestions being made: 503 with Retry-After. */
  static final String BUSY = "error.suggestBusy";

  private static <T> Future<T> busy() {
    return Future.failedFuture(new Rejection(ErrorCode.UNAVAILABLE, BUSY));
  }

  private Future<JsonObject> compute(UUID boardId, String lane) {
    return reader
        .read(boardId, lane)
        .compose(
            material ->
                templates
                    .get(material.templateId())
                    .compose(
                        template ->
                            vertx.executeBlocking(
                                () -> {
                                  COMPUTED.increment();
                                  return Suggester.suggest(
                                      material.notes(),
                                      material.clusters(),
                                      material.language(),
                                      template.glossary().groups(material.language()),
                                      Suggester.Tuning.DEFAULT);
                                },
                                false)))
        .map(Suggestions::json);
  }

  private static JsonObject json(Suggester.Suggestions suggestions) {
    JsonArray groups = new JsonArray();
    for (Suggester.Group group : suggestions.groups()) {
      JsonObject entry =
          new JsonObject()
              .put("name", group.name())
              .put("lane", group.lane())
              .put("noteIds", new JsonArray(group.noteIds()));
      if (group.clusterId() != null) {
        entry.put("clusterId", group.clusterId());
      }
      groups.add(entry);
    }
    JsonArray duplicates = new JsonArray();
    suggestions
        .duplicates()
        .forEach(
            d ->
                duplicates.add(
                    new JsonObject()
                        .put("noteId", d.noteId())
                        .put("of", d.of())
                        .put("score", d.score())));
    return new JsonObject().put("groups", groups).put("duplicates", duplicates);
  }
}
