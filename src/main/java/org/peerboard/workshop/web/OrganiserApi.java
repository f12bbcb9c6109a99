package org.peerboard.workshop.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.peerboard.action.web.CarryForward;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Bearer;
import org.peerboard.http.Links;
import org.peerboard.security.BoardKeys;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopCreation;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.model.CreatedBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organiser's HTTP API: creating workshops (with items carried forward from earlier ones) and
 * templates, adding a board, and replacing a board's leaked links.
 */
final class OrganiserApi {
  private static final Logger LOG = LoggerFactory.getLogger(OrganiserApi.class);

  private final WorkshopStore workshops;
  private final WorkshopCreation creation;
  private final Templates templates;
  private final Access access;
  private final BoardStore boards;
  private final Links links;
  private final CreationGate gate;

  /** Today's date for retention dates (tests move it). */
  private final Clock clock;

  /** Carrying actions or improvements forward from earlier workshops (issue 25); off until set. */
  private CarryForward carry;

  OrganiserApi(
      WorkshopStore workshops,
      WorkshopCreation creation,
      Templates templates,
      Access access,
      BoardStore boards,
      Links links,
      CreationGate gate,
      Clock clock) {
    this.workshops = workshops;
    this.creation = creation;
    this.templates = templates;
    this.access = access;
    this.boards = boards;
    this.links = links;
    this.gate = gate;
    this.clock = clock;
  }

  void carrying(CarryForward carry) {
    this.carry = carry;
  }

  /**
   * The organiser replaces leaked links: any of the moderator key, the projector key and the join
   * code. An {@code opId} in the body makes a retried request harmless.
   */
  void rotate(RoutingContext ctx) {
    UUID boardId = WorkshopRoutes.uuid(ctx.pathParam("id"));
    JsonObject body = WorkshopRequests.body(ctx);
    Op.BoardRotate op =
        new Op.BoardRotate(
            flag(body, "moderator"),
            flag(body, "projector"),
            flag(body, "joinCode"),
            Bearer.of(ctx));
    if (!op.moderator() && !op.projector() && !op.joinCode()) {
      throw WorkshopRequests.invalid();
    }
    if (op.organiserKey() == null) {
      ctx.fail(new Rejection(ErrorCode.UNAUTHORIZED, "error.unknownKey"));
      return;
    }
    UUID opId;
    try {
      opId =
          body.getValue("opId") == null
              ? UUID.randomUUID()
              : UUID.fromString(String.valueOf(body.getValue("opId")));
    } catch (IllegalArgumentException e) {
      throw WorkshopRequests.invalid();
    }
    access
        .resolve(boardId, op.organiserKey())
        .compose(actor -> boards.apply(actor, null, opId, op))
        .compose(
            done ->
                workshops
                    .boardWithWorkshop(boardId)
                    .map(
                        target -> {
                          String moderatorKey =
                              BoardKeys.moderator(
                                  op.organiserKey(), boardId, target.moderatorGeneration());
                          return boardJson(
                              new CreatedBoard(
                                  boardId,
                                  target.boardName(),
                                  target.joinCode(),
                                  moderatorKey,
                                  BoardKeys.projector(moderatorKey, target.projectorGeneration())));
                        }))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  private static boolean flag(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof Boolean)) {
      throw WorkshopRequests.invalid();
    }
    return Boolean.TRUE.equals(value);
  }

  void createTemplate(RoutingContext ctx) {
    if (!gate.allows(ctx)) {
      return;
    }
    templates
        .create(WorkshopRequests.body(ctx))
        .onSuccess(
            id ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("id", id).encode()))
        .onFailure(ctx::fail);
  }

  void createWorkshop(RoutingContext ctx) {
    if (!gate.allows(ctx)) {
      return;
    }
    JsonObject body = WorkshopRequests.body(ctx);
    LocalDate today = LocalDate.now(clock);
    WorkshopRequests.newWorkshop(
        body, today); // the rest of the request is checked before an uploaded template is stored
    // carried items are checked (keys, shape) before anything is stored, planted once the boards
    // exist
    Future<CarryForward.Plan> carried =
        carry == null ? Future.succeededFuture(CarryForward.Plan.NONE) : carry.check(body);
    carried
        .compose(
            plan ->
                (body.getValue("template") instanceof JsonObject own
                        ? templates.create(own)
                        : Future.<String>succeededFuture(null))
                    .compose(
                        templateId ->
                            creation.create(WorkshopRequests.newWorkshop(body, templateId, today)))
                    .compose(
                        created ->
                            carry == null
                                ? Future.succeededFuture(created)
                                : carry
                                    .plant(plan, created.boards())
                                    .map(created)
                                    .recover(failure -> unmake(created, failure))))
        .onSuccess(
            created -> {
              JsonArray boardList = new JsonArray();
              created.boards().forEach(board -> boardList.add(boardJson(board)));
              JsonObject answer =
                  new JsonObject()
                      .put("id", created.id().toString())
                      .put("organiserKey", created.organiserKey())
                      .put("organiserUrl", links.organiser(created.id(), created.organiserKey()))
                      .put("joinCode", created.joinCode())
                      .put("joinUrl", links.group(created.joinCode()))
                      .put("qrUrl", links.base() + "/g/" + created.joinCode() + "/qr.svg")
                      .put("retainUntil", created.retainUntil().toString())
                      .put("boards", boardList);
              ctx.response()
                  .setStatusCode(201)
                  .putHeader("Content-Type", "application/json")
                  .end(answer.encode());
            })
        .onFailure(ctx::fail);
  }

  /**
   * A workshop whose carried notes could not all be added is taken back, so that the request makes
   * nothing and can be sent again; the request fails as the planting did.
   */
  private Future<WorkshopCreation.Created> unmake(
      WorkshopCreation.Created created, Throwable failure) {
    LOG.warn(
        "Workshop {} could not be given its carried notes, so it is taken back: {}",
        created.id(),
        failure.toString());
    return creation
        .unmake(created.id())
        .onFailure(
            e ->
                LOG.error(
                    "Workshop {} lacks some carried notes and could not be taken back; delete it"
                        + " (DELETE /api/workshops/{}) and make it again",
                    created.id(),
                    created.id(),
                    e))
        .transform(v -> Future.failedFuture(failure));
  }

  void addBoard(RoutingContext ctx) {
    UUID workshopId = WorkshopRoutes.uuid(ctx.pathParam("id"));
    String name = WorkshopRequests.name(WorkshopRequests.body(ctx).getValue("name"));
    creation
        .addBoard(workshopId, Bearer.of(ctx), name)
        .onSuccess(
            board ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(boardJson(board).encode()))
        .onFailure(ctx::fail);
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
}
