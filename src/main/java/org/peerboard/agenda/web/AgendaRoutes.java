package org.peerboard.agenda.web;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.peerboard.agenda.db.AgendaStore;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.OpResult;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.http.Bearer;
import org.peerboard.workshop.db.WorkshopStore;

/**
 * Several groups in lockstep: the organiser sets one agenda on every board of the workshop, or
 * starts one step on every board at once. Each board gets the op on its own event stream; a closed
 * board is skipped and named in the answer.
 */
public final class AgendaRoutes {
  private final WorkshopStore workshops;
  private final BoardStore boards;
  private final AgendaStore agendas;

  public AgendaRoutes(WorkshopStore workshops, BoardStore boards, AgendaStore agendas) {
    this.workshops = workshops;
    this.boards = boards;
    this.agendas = agendas;
  }

  public void mount(Router router) {
    router.post("/api/workshops/:id/agenda").handler(this::setAgenda);
    router.post("/api/workshops/:id/step").handler(this::startStep);
    router.get("/api/workshops/:id/agenda").handler(this::agendas);
  }

  private void setAgenda(RoutingContext ctx) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    JsonObject body = body(ctx);
    inLockstep(ctx, workshopId, body, AgendaJson.agenda(body));
  }

  private void startStep(RoutingContext ctx) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    JsonObject body = body(ctx);
    inLockstep(ctx, workshopId, body, AgendaJson.step(body));
  }

  /**
   * The op on every board that is not closed, one board after the other (each its own transaction).
   * With an {@code opId} in the body, each board's op id is derived from it, so a retried request
   * changes nothing more.
   */
  private void inLockstep(RoutingContext ctx, UUID workshopId, JsonObject body, Op op) {
    UUID opId = opId(body);
    String key = Bearer.of(ctx);
    workshops
        .checkOrganiser(workshopId, key)
        .compose(ok -> workshops.boards(workshopId))
        .compose(
            list -> {
              JsonArray applied = new JsonArray();
              JsonArray skipped = new JsonArray();
              Future<Void> chain = Future.succeededFuture();
              for (WorkshopStore.BoardInfo board : list) {
                chain =
                    chain.compose(
                        v -> {
                          if ("closed".equals(board.stage())) {
                            skipped.add(skip(board));
                            return Future.succeededFuture();
                          }
                          Actor organiser = new Actor(board.id(), Role.ORGANISER, null);
                          return boards
                              .apply(organiser, null, boardOpId(opId, board.id()), op)
                              .map(
                                  done -> {
                                    applied.add(done(board, done));
                                    return (Void) null;
                                  })
                              .recover(
                                  failure -> {
                                    if (!closedMeanwhile(failure)) {
                                      return Future.failedFuture(failure);
                                    }
                                    skipped.add(skip(board));
                                    return Future.<Void>succeededFuture();
                                  });
                        });
              }
              return chain.map(
                  v -> new JsonObject().put("boards", applied).put("skipped", skipped));
            })
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  /**
   * Every board's agenda for the organiser's run-sheet panel: {@code {boards: [{id, name, stage,
   * agenda}]}}.
   */
  private void agendas(RoutingContext ctx) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    workshops
        .checkOrganiser(workshopId, Bearer.of(ctx))
        .compose(ok -> workshops.workshop(workshopId))
        .compose(
            info -> {
              String templateId =
                  info.orElseThrow(
                          () -> new Rejection(ErrorCode.NOT_FOUND, "error.workshopNotFound"))
                      .templateId();
              return workshops
                  .boards(workshopId)
                  .compose(
                      list -> {
                        JsonArray out = new JsonArray();
                        Future<Void> chain = Future.succeededFuture();
                        for (WorkshopStore.BoardInfo board : list) {
                          chain =
                              chain.compose(
                                  v ->
                                      agendas
                                          .agenda(board.id(), templateId)
                                          .map(
                                              agenda -> {
                                                out.add(
                                                    new JsonObject()
                                                        .put("id", board.id().toString())
                                                        .put("name", board.name())
                                                        .put("stage", board.stage())
                                                        .put("joinCode", board.joinCode())
                                                        .put("agenda", agenda));
                                                return (Void) null;
                                              }));
                        }
                        return chain
                            .compose(v -> agendas.phases(templateId))
                            .map(
                                phases ->
                                    new JsonObject()
                                        .put("template", new JsonObject().put("phases", phases))
                                        .put("boards", out));
                      });
            })
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  private static JsonObject done(WorkshopStore.BoardInfo board, OpResult done) {
    JsonObject json =
        new JsonObject()
            .put("id", board.id().toString())
            .put("name", board.name())
            .put("seq", done.seq());
    if (done.result() != null) {
      done.result().forEach(entry -> json.put(entry.getKey(), entry.getValue()));
    }
    return json;
  }

  private static JsonObject skip(WorkshopStore.BoardInfo board) {
    return new JsonObject()
        .put("id", board.id().toString())
        .put("name", board.name())
        .put("reason", "closed");
  }

  private static boolean closedMeanwhile(Throwable failure) {
    return failure instanceof Rejection r
        && r.code() == ErrorCode.CONFLICT
        && "error.boardClosed".equals(r.messageKey());
  }

  private static UUID opId(JsonObject body) {
    Object raw = body.getValue("opId");
    if (raw == null) {
      return null;
    }
    try {
      return UUID.fromString(String.valueOf(raw));
    } catch (IllegalArgumentException e) {
      throw new Rejection(ErrorCode.INVALID, "error.invalidShape");
    }
  }

  private static UUID boardOpId(UUID opId, UUID boardId) {
    return opId == null
        ? UUID.randomUUID()
        : UUID.nameUUIDFromBytes((opId + ":" + boardId).getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      Object json = ctx.body().asJsonObject();
      if (json == null) {
        throw new Rejection(ErrorCode.INVALID, "error.invalidShape");
      }
      return (JsonObject) json;
    } catch (DecodeException | ClassCastException e) {
      throw new Rejection(ErrorCode.INVALID, "error.invalidShape");
    }
  }

  private static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.notFound");
    }
  }
}
