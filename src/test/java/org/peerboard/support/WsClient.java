package org.peerboard.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client speaking the contract, with blocking helpers for tests. */
public final class WsClient implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(10);
  private static final Vertx VERTX = Vertx.vertx();

  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();

  /** Frames read while looking for an answer, handed out again first and in their order. */
  private final Deque<JsonObject> stash = new ArrayDeque<>();

  private volatile Short closeStatus;

  private WsClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket.closeHandler(
        v -> closeStatus = socket.closeStatusCode() == null ? -1 : socket.closeStatusCode());
  }

  public static WsClient connect(int port) {
    WebSocketClient client = VERTX.createWebSocketClient();
    try {
      WebSocket socket =
          client
              .connect(
                  new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws"))
              .await(10, TimeUnit.SECONDS);
      return new WsClient(client, socket);
    } catch (Exception e) {
      throw new IllegalStateException("could not open a WebSocket", e);
    }
  }

  /** Connects and says hello; returns the client with the welcome frame already read. */
  public static WsClient hello(int port, String boardId, String token, Long since) {
    WsClient ws = connect(port);
    JsonObject hello =
        new JsonObject().put("type", "hello").put("boardId", boardId).put("token", token);
    if (since != null) {
      hello.put("since", since);
    }
    ws.sendText(hello.encode());
    ws.welcome = ws.next();
    if (!"welcome".equals(ws.welcome.getString("type"))) {
      throw new IllegalStateException("expected a welcome, got " + ws.welcome);
    }
    return ws;
  }

  private JsonObject welcome;

  public JsonObject welcome() {
    return welcome;
  }

  public void sendText(String text) {
    socket.writeTextMessage(text).await();
  }

  public void sendBinary(byte[] bytes) {
    socket.writeBinaryMessage(Buffer.buffer(bytes)).await();
  }

  /** Sends an op and returns its opId. */
  public String op(String name, JsonObject data) {
    String opId = UUID.randomUUID().toString();
    op(opId, name, data);
    return opId;
  }

  public void op(String opId, String name, JsonObject data) {
    sendText(
        new JsonObject()
            .put("type", "op")
            .put("opId", opId)
            .put("op", name)
            .put("data", data)
            .encode());
  }

  /** The ack or error answering this opId; other frames stay to be read later, in order. */
  public JsonObject answer(String opId) {
    for (Iterator<JsonObject> it = stash.iterator(); it.hasNext(); ) {
      JsonObject frame = it.next();
      if (isAnswerTo(frame, opId)) {
        it.remove();
        return frame;
      }
    }
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<JsonObject> skipped = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      JsonObject frame = take(Duration.ofNanos(deadline - System.nanoTime()));
      if (frame == null) {
        break;
      }
      if (isAnswerTo(frame, opId)) {
        stash.addAll(skipped);
        return frame;
      }
      skipped.add(frame);
    }
    stash.addAll(skipped);
    throw new AssertionError("no answer to op " + opId + "; got " + skipped);
  }

  private static boolean isAnswerTo(JsonObject frame, String opId) {
    String type = frame.getString("type");
    return ("ack".equals(type) || "error".equals(type)) && opId.equals(frame.getString("opId"));
  }

  /** The next frame of this type, dropping others (presence, other events). */
  public JsonObject nextOfType(String type) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject frame = poll(Duration.ofNanos(deadline - System.nanoTime()));
      if (frame != null && type.equals(frame.getString("type"))) {
        return frame;
      }
    }
    throw new AssertionError("no " + type + " frame within " + WAIT);
  }

  /** The next event with this name, skipping other frames. */
  public JsonObject nextEvent(String name) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject frame = poll(Duration.ofNanos(deadline - System.nanoTime()));
      if (frame != null
          && "event".equals(frame.getString("type"))
          && name.equals(frame.getString("event"))) {
        return frame;
      }
    }
    throw new AssertionError("no " + name + " event within " + WAIT);
  }

  /** The next event frame, skipping presence frames. */
  public JsonObject nextEvent() {
    return nextOfType("event");
  }

  /** Every event frame that arrives within the given quiet time. */
  public List<JsonObject> eventsWithin(Duration quiet) {
    List<JsonObject> events = new ArrayList<>();
    JsonObject frame;
    while ((frame = poll(quiet)) != null) {
      if ("event".equals(frame.getString("type"))) {
        events.add(frame);
      }
    }
    return events;
  }

  public JsonObject next() {
    JsonObject frame = poll(WAIT);
    if (frame == null) {
      throw new AssertionError("no frame within " + WAIT);
    }
    return frame;
  }

  public JsonObject poll(Duration wait) {
    JsonObject stashed = stash.pollFirst();
    return stashed != null ? stashed : take(wait);
  }

  private JsonObject take(Duration wait) {
    try {
      return frames.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * The close code once the server closed the socket, waiting up to {@link #WAIT}; null if still
   * open.
   */
  public Short awaitClose() {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (closeStatus == null && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return closeStatus;
  }

  public boolean isClosed() {
    return closeStatus != null;
  }

  @Override
  public void close() {
    try {
      socket.close().await(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // already closed by the server
    }
    client.close();
  }
}
