package org.peerboard.workshop.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.UUID;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Bearer;
import org.peerboard.http.Links;
import org.peerboard.security.Keys;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.model.CreatedBoard;
import org.peerboard.workshop.model.NewWorkshop;

/** Creating workshops and boards, joining by code, and the QR code of each join link. */
public final class WorkshopRoutes {
  private final WorkshopStore store;
  private final Links links;
  private final Optional<String> adminToken;

  public WorkshopRoutes(WorkshopStore store, Links links, Optional<String> adminToken) {
    this.store = store;
    this.links = links;
    this.adminToken = adminToken;
  }

  public void mount(Router router) {
    router.post("/api/workshops").handler(this::createWorkshop);
    router.post("/api/workshops/:id/boards").handler(this::addBoard);
    router.post("/api/join").handler(this::join);
    router.get("/j/:code/qr.svg").handler(this::qr);
  }

  private void createWorkshop(RoutingContext ctx) {
    if (adminToken.isPresent()) {
      String given = Bearer.of(ctx);
      if (given == null || !Keys.sameHash(Keys.hash(given), Keys.hash(adminToken.get()))) {
        ctx.fail(new Rejection(ErrorCode.UNAUTHORIZED, "error.adminTokenRequired"));
        return;
      }
    }
    NewWorkshop request = WorkshopRequests.newWorkshop(WorkshopRequests.body(ctx));
    store.create(request).onSuccess(created -> {
      JsonArray boards = new JsonArray();
      created.boards().forEach(board -> boards.add(boardJson(board)));
      JsonObject body = new JsonObject()
          .put("id", created.id().toString())
          .put("organiserKey", created.organiserKey())
          .put("organiserUrl", links.organiser(created.id(), created.organiserKey()))
          .put("boards", boards);
      ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(body.encode());
    }).onFailure(ctx::fail);
  }

  private void addBoard(RoutingContext ctx) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    String name = WorkshopRequests.name(WorkshopRequests.body(ctx).getValue("name"));
    store.addBoard(workshopId, Bearer.of(ctx), name)
        .onSuccess(board -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
            .end(boardJson(board).encode()))
        .onFailure(ctx::fail);
  }

  private void join(RoutingContext ctx) {
    JsonObject body = WorkshopRequests.body(ctx);
    if (!(body.getValue("code") instanceof String code)) {
      throw WorkshopRequests.invalid();
    }
    String name = WorkshopRequests.text(body, "name", NewWorkshop.MAX_NAME, false);
    String profession = WorkshopRequests.text(body, "profession", NewWorkshop.MAX_NAME, false);
    store.join(code, name, profession).onSuccess(joined -> ctx.json(new JsonObject()
            .put("boardId", joined.boardId().toString())
            .put("participantId", joined.participantId().toString())
            .put("participantToken", joined.token())))
        .onFailure(ctx::fail);
  }

  private void qr(RoutingContext ctx) {
    store.openBoard(ctx.pathParam("code")).onSuccess(board -> {
      if (board.isEmpty()) {
        ctx.fail(new Rejection(ErrorCode.NOT_FOUND, "error.joinCodeNotFound"));
        return;
      }
      ctx.response().putHeader("Content-Type", "image/svg+xml").putHeader("Cache-Control", "public, max-age=3600")
          .end(QrSvg.of(links.join(board.get().joinCode())));
    }).onFailure(ctx::fail);
  }

  private JsonObject boardJson(CreatedBoard board) {
    return new JsonObject()
        .put("id", board.id().toString())
        .put("name", board.name())
        .put("joinCode", board.joinCode())
        .put("joinUrl", links.join(board.joinCode()))
        .put("qrUrl", links.qr(board.joinCode()))
        .put("moderatorKey", board.moderatorKey())
        .put("moderatorUrl", links.moderator(board.id(), board.moderatorKey()))
        .put("projectorKey", board.projectorKey())
        .put("projectorUrl", links.projector(board.id(), board.projectorKey()));
  }

  static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.notFound");
    }
  }
}
