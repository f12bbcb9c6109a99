package org.peerboard.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

/**
 * Every database connection of the process busy for longer than the pool used to wait (15 s): the
 * requests queued behind them are answered once a connection is free, never with a 500 (the pool's
 * own acquisition timeout answered a bare "Timeout", a 500, and could lose a connection when it
 * fired as one was handed over: eclipse-vertx/vert.x#6169).
 */
@DisplayName("Requests that wait long for a database connection")
class DatabaseWaitTest {
  private static final int JOINS = 24;

  @Test
  @DisplayName("are answered once the database frees up, none with a 500, each join stored once")
  void queuedRequestsAreAnswered() throws Exception {
    try (PeerBoard app = PeerBoard.start(TestApp.onSharedDatabase("db-wait"))) {
      Api api = new Api("http://127.0.0.1:" + app.port());
      Api.Workshop workshop = api.workshop("Attesa", "A");
      String boardId = workshop.board(0).getString("id");
      String code = workshop.board(0).getString("joinCode");
      DbSettings db = app.database();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      List<CompletableFuture<HttpResponse<String>>> joins = new ArrayList<>();
      try (Connection locker =
          DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
        locker.setAutoCommit(false);
        // each join locks its board's row first: with the row held here, the first 16 joins hold
        // all 16 of the pool's connections, the rest wait for one
        try (PreparedStatement lock =
            locker.prepareStatement("select id from board where id = ? for update")) {
          lock.setObject(1, UUID.fromString(boardId));
          lock.executeQuery().close();
        }
        for (int i = 0; i < JOINS; i++) {
          joins.add(
              http.sendAsync(
                  HttpRequest.newBuilder(URI.create(api.base() + "/api/join"))
                      .timeout(Duration.ofSeconds(60))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              new JsonObject()
                                  .put("consent", true)
                                  .put("code", code)
                                  .put("name", "Persona " + i)
                                  .encode()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString()));
        }
        // longer than the pool's old acquisition timeout, shorter than a request's deadline (30 s)
        Thread.sleep(18_000);
        locker.commit();
      }
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (CompletableFuture<HttpResponse<String>> join : joins) {
        HttpResponse<String> answer = join.get();
        statuses.merge(answer.statusCode(), 1, Integer::sum);
      }
      assertEquals(Map.of(200, JOINS), statuses, "every queued join answered 200");
      long participants =
          api.get("/api/boards/" + boardId, workshop.board(0).getString("moderatorKey"))
              .json()
              .getJsonArray("participants")
              .size();
      assertEquals(JOINS, participants, "each join stored once");
    }
  }
}
