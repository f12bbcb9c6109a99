package org.peerboard.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor (issue 28): a do-nothing broadcast server that speaks just enough of PeerBoard's
 * protocol for the harness's client to run unchanged: {@code POST /api/workshops} and {@code POST
 * /api/join} hand out ids, {@code hello} is answered with a {@code welcome}, and each {@code
 * note.add} is acked at once and its {@code note.added} event (the same fields as PeerBoard's) is
 * encoded once and written to every socket of the board. Nothing is stored, nothing is checked, no
 * database: whatever the client measures against it is the client's and the machine's own share of
 * a note's way to the last socket. {@code GET /api/boards/{id}} answers the notes it broadcast, so
 * the harness's end-of-run check holds.
 *
 * <p>Run by the harness in a child JVM ({@code -Dbench.server=floor}): {@code FloorServer <port>
 * <loops>} prints {@code READY} once it listens and stops when its stdin closes. One event loop by
 * default ({@code -Dbench.floorLoops}); with more, each socket stays on the loop that accepted it
 * and a board's notes are written from the sender's loop under the board's lock (so every socket
 * sees the seqs in order).
 */
public final class FloorServer {
  private FloorServer() {}

  /** One board: its sockets, its seq and the notes it was told, for the end-of-run check. */
  private static final class Board {
    final List<ServerWebSocket> sockets = new ArrayList<>();
    final JsonArray notes = new JsonArray();
    long seq;
  }

  private static final Map<String, Board> BOARDS = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int loops = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(1, loops)));
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false);
    for (int i = 0; i < loops; i++) {
      vertx
          .createHttpServer(options)
          .webSocketHandler(FloorServer::socket)
          .requestHandler(FloorServer::request)
          .listen()
          .await();
    }
    System.out.println("READY");
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // runs until the harness closes stdin
    }
    vertx.close().await();
    System.exit(0);
  }

  private static void request(HttpServerRequest request) {
    String path = request.path();
    if (path.equals("/health")) {
      request.response().end("{\"ok\":true}");
    } else if (path.equals("/api/workshops")) {
      request
          .body()
          .onSuccess(
              body -> {
                JsonArray groups = new JsonObject(body).getJsonArray("groups");
                JsonArray boards = new JsonArray();
                for (int i = 0; i < groups.size(); i++) {
                  String id = UUID.randomUUID().toString();
                  BOARDS.put(id, new Board());
                  boards.add(
                      new JsonObject().put("id", id).put("joinCode", id).put("moderatorKey", "k"));
                }
                request
                    .response()
                    .setStatusCode(201)
                    .end(new JsonObject().put("boards", boards).encode());
              });
    } else if (path.equals("/api/join")) {
      request
          .body()
          .onSuccess(
              body -> {
                String boardId = new JsonObject(body).getString("code");
                String participant = UUID.randomUUID().toString();
                request
                    .response()
                    .end(
                        new JsonObject()
                            .put("boardId", boardId)
                            .put("participantId", participant)
                            .put("participantToken", participant)
                            .encode());
              });
    } else if (path.startsWith("/api/boards/")) {
      Board board = BOARDS.get(path.substring("/api/boards/".length()));
      if (board == null) {
        request.response().setStatusCode(404).end();
        return;
      }
      synchronized (board) {
        request
            .response()
            .end(new JsonObject().put("seq", board.seq).put("notes", board.notes.copy()).encode());
      }
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  private static void socket(ServerWebSocket ws) {
    String[] boardId = new String[1];
    ws.textMessageHandler(
        text -> {
          JsonObject frame = new JsonObject(text);
          String type = frame.getString("type");
          if ("hello".equals(type)) {
            Board board = BOARDS.get(frame.getString("boardId"));
            if (board == null) {
              ws.close((short) 1008, "no such board");
              return;
            }
            boardId[0] = frame.getString("boardId");
            long seq;
            synchronized (board) {
              board.sockets.add(ws);
              seq = board.seq;
            }
            ws.writeTextMessage(
                new JsonObject()
                    .put("type", "welcome")
                    .put("role", "participant")
                    .put("participantId", frame.getString("token"))
                    .put("seq", seq)
                    .encode());
          } else if ("op".equals(type) && boardId[0] != null) {
            note(ws, BOARDS.get(boardId[0]), frame);
          }
        });
    ws.closeHandler(
        v -> {
          Board board = boardId[0] == null ? null : BOARDS.get(boardId[0]);
          if (board != null) {
            synchronized (board) {
              board.sockets.remove(ws);
            }
          }
        });
  }

  /** Acks the op, then writes the event, encoded once, to every socket of the board. */
  private static void note(ServerWebSocket sender, Board board, JsonObject op) {
    JsonObject data = op.getJsonObject("data");
    String noteId = data.getString("noteId", UUID.randomUUID().toString());
    JsonObject note =
        new JsonObject()
            .put("id", noteId)
            .put("lane", data.getString("lane"))
            .put("tags", data.getJsonArray("tags", new JsonArray()))
            .put("version", 1)
            .put("clusterId", null)
            .put("duplicateOf", null)
            .put("mine", false)
            .put("byModerator", false)
            .put("hidden", false)
            .put("text", data.getString("text"));
    synchronized (board) {
      long seq = ++board.seq;
      board.notes.add(new JsonObject().put("id", noteId).put("text", data.getString("text")));
      sender.writeTextMessage(
          new JsonObject()
              .put("type", "ack")
              .put("opId", op.getString("opId"))
              .put("seq", seq)
              .put("result", new JsonObject().put("noteId", noteId).put("version", 1))
              .encode());
      String event =
          new JsonObject()
              .put("type", "event")
              .put("seq", seq)
              .put("event", "note.added")
              .put("data", new JsonObject().put("note", note))
              .put("at", Instant.now().toString())
              .encode();
      for (ServerWebSocket ws : board.sockets) {
        if (!ws.isClosed()) {
          ws.writeTextMessage(event);
        }
      }
    }
  }
}
