package org.peerboard.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One participant's real WebSocket: says hello, then checks every event's seq (gaps, duplicates),
 * keeps a digest of the notes it was told about to compare with the database's, and reports timings
 * to the tracker.
 */
final class Peer {
  final int board;
  final String boardId;
  final String token;
  final Tracker tracker;
  WebSocket ws;
  Promise<JsonObject> welcome = Promise.promise();
  long welcomeNanos;
  long helloNanos;
  volatile long lastSeq;
  long startSeq;
  volatile long events;
  volatile int gaps;
  volatile int duplicates;
  volatile int errors;
  volatile boolean closed;
  volatile Short closeCode;

  /**
   * Sum of a hash of (note id, text) over the notes it knows, and their count: compared with the
   * database's.
   */
  long digest;

  int notes;

  /** Called on the socket's event loop for each ack, e.g. to send the next op in a closed loop. */
  volatile Consumer<Peer> onAck;

  Peer(int board, String boardId, String token, Tracker tracker) {
    this.board = board;
    this.boardId = boardId;
    this.token = token;
    this.tracker = tracker;
  }

  /** Forgets a failed attempt before the next one. */
  void reset() {
    if (ws != null) {
      ws.textMessageHandler(null);
      ws.closeHandler(null);
      if (!ws.isClosed()) {
        ws.close();
      }
    }
    welcome = Promise.promise();
    closed = false;
    closeCode = null;
    errors = 0;
  }

  Future<JsonObject> hello(WebSocket socket, Long since) {
    ws = socket;
    socket.textMessageHandler(this::onText);
    socket.closeHandler(
        v -> {
          closed = true;
          closeCode = socket.closeStatusCode();
          welcome.tryFail("closed before welcome");
        });
    socket.exceptionHandler(e -> {});
    JsonObject hello =
        new JsonObject().put("type", "hello").put("boardId", boardId).put("token", token);
    if (since != null) {
      hello.put("since", since);
    }
    helloNanos = System.nanoTime();
    socket.writeTextMessage(hello.encode());
    return welcome.future();
  }

  /**
   * Writes a note.add; its note id is ours so that every socket's event can be matched to the send
   * time.
   */
  void sendNote(String text, int expectedReceivers) {
    String opId = UUID.randomUUID().toString();
    String noteId = UUID.randomUUID().toString();
    String frame =
        new JsonObject()
            .put("type", "op")
            .put("opId", opId)
            .put("op", "note.add")
            .put(
                "data",
                new JsonObject()
                    .put("noteId", noteId)
                    .put("lane", "custody:issues")
                    .put("tags", new JsonArray().add("foster"))
                    .put("text", text))
            .encode();
    tracker.sending(opId, noteId, expectedReceivers, System.nanoTime());
    ws.writeTextMessage(frame);
  }

  private void onText(String text) {
    long now = System.nanoTime();
    if (text.startsWith("{\"type\":\"presence\"")) {
      return;
    }
    JsonObject frame = new JsonObject(text);
    switch (frame.getString("type")) {
      case "event" -> onEvent(frame, now);
      case "ack" -> {
        tracker.acked(frame.getString("opId"), now);
        Consumer<Peer> next = onAck;
        if (next != null) {
          next.accept(this);
        }
      }
      case "welcome" -> {
        welcomeNanos = now;
        JsonObject board = frame.getJsonObject("board");
        if (board != null) {
          lastSeq = board.getLong("seq");
          for (Object n : board.getJsonArray("notes")) {
            add((JsonObject) n);
          }
        }
        startSeq = lastSeq;
        welcome.tryComplete(frame);
      }
      case "error" -> {
        errors++;
        if (errors <= 3) {
          System.out.println("error frame: " + text);
        }
        welcome.tryFail(text);
      }
      default -> {}
    }
  }

  private void onEvent(JsonObject frame, long now) {
    long seq = frame.getLong("seq");
    if (seq <= lastSeq) {
      duplicates++;
      return;
    }
    if (seq != lastSeq + 1) {
      gaps++;
    }
    lastSeq = seq;
    events++;
    if ("note.added".equals(frame.getString("event"))) {
      JsonObject note = frame.getJsonObject("data").getJsonObject("note");
      add(note);
      tracker.delivered(note.getString("id"), now);
    }
  }

  private void add(JsonObject note) {
    digest += hash(note.getString("id"), note.getString("text"));
    notes++;
  }

  static long hash(String id, String text) {
    long h = 1125899906842597L;
    String s = id + '\u0000' + text;
    for (int i = 0; i < s.length(); i++) {
      h = 31 * h + s.charAt(i);
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
