package org.peerboard.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server sends on a socket (docs/protocol.md): the only place the outgoing frames' fields
 * are spelled. A frame is encoded to bytes once by {@link #encode()}; the same buffer is then
 * written to every socket it is for.
 */
sealed interface OutFrame {
  /**
   * Encodings of {@code event} frames since start: a hook for the test that a fan-out encodes once
   * per view.
   */
  LongAdder EVENT_ENCODINGS = new LongAdder();

  JsonObject json();

  /** The frame as UTF-8 JSON, ready to be written as one text frame to any number of sockets. */
  default Buffer encode() {
    if (this instanceof Event) {
      EVENT_ENCODINGS.increment();
    }
    return json().toBuffer();
  }

  /**
   * The answer to a good {@code hello}; {@code board} is null when the missed events follow
   * instead.
   */
  record Welcome(String role, String participantId, long seq, JsonObject board)
      implements OutFrame {
    @Override
    public JsonObject json() {
      JsonObject frame =
          new JsonObject()
              .put("type", "welcome")
              .put("role", role)
              .put("participantId", participantId)
              .put("seq", seq);
      return board == null ? frame : frame.put("board", board);
    }
  }

  /** An op was committed (or replayed) as {@code seq}. */
  record Ack(String opId, long seq, JsonObject result) implements OutFrame {
    @Override
    public JsonObject json() {
      return new JsonObject()
          .put("type", "ack")
          .put("opId", opId)
          .put("seq", seq)
          .put("result", result);
    }
  }

  /** An op or frame was refused; {@code opId} is null when the frame was unreadable. */
  record Error(String opId, String code, String message) implements OutFrame {
    @Override
    public JsonObject json() {
      return new JsonObject()
          .put("type", "error")
          .put("opId", opId)
          .put("code", code)
          .put("message", message);
    }
  }

  /** One event of the board's log, as one kind of viewer may see it. */
  record Event(long seq, String event, JsonObject data, String at) implements OutFrame {
    @Override
    public JsonObject json() {
      return new JsonObject()
          .put("type", "event")
          .put("seq", seq)
          .put("event", event)
          .put("data", data)
          .put("at", at);
    }
  }

  /**
   * Who is on the board; {@code phases} (people per phase) only for those who run it, otherwise
   * null.
   */
  record Presence(int online, int participants, Map<String, Integer> phases) implements OutFrame {
    @Override
    public JsonObject json() {
      JsonObject frame =
          new JsonObject()
              .put("type", "presence")
              .put("online", online)
              .put("participants", participants);
      if (phases != null) {
        JsonObject perPhase = new JsonObject();
        phases.forEach(perPhase::put);
        frame.put("phases", perPhase);
      }
      return frame;
    }
  }
}
