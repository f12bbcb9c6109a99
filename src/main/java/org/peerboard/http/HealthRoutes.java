package org.peerboard.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/** {@code GET /health}: UP when the database answers, 503 and DOWN when it does not. */
public final class HealthRoutes {
  private final Pool pool;

  public HealthRoutes(Pool pool) {
    this.pool = pool;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    pool.query("select 1")
        .execute()
        .timeout(2, TimeUnit.SECONDS)
        .onSuccess(rows -> ctx.json(new JsonObject().put("status", "UP").put("database", "UP")))
        .onFailure(
            e ->
                ctx.response()
                    .setStatusCode(503)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", "DOWN").put("database", "DOWN").encode()));
  }
}
