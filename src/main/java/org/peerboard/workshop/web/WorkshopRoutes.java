package org.peerboard.workshop.web;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.peerboard.Config;
import org.peerboard.action.web.CarryForward;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Bearer;
import org.peerboard.http.Cookies;
import org.peerboard.http.Links;
import org.peerboard.security.BoardKeys;
import org.peerboard.security.FailureGuard;
import org.peerboard.security.Keys;
import org.peerboard.security.Limiter;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.model.CreatedBoard;
import org.peerboard.workshop.model.JoinCodes;
import org.peerboard.workshop.model.NewWorkshop;
import org.peerboard.workshop.model.Professions;

/** Creating workshops and boards, joining by code, and the QR code of each join link. */
public final class WorkshopRoutes {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(WorkshopRoutes.class);
  private final WorkshopStore store;
  private final Links links;
  private final Optional<String> adminToken;

  private final Access access;
  private final BoardStore boards;
  private final Templates templates;

  private final JoinGuard guard;
  private final JoinBudget joins;
  private final Clock clock;

  /**
   * Wrong admin tokens per address: past the limit every attempt from it is refused for a while,
   * and logged.
   */
  private final FailureGuard wrongAdminTokens;

  /** Workshops (and templates) created per address: each one costs database space. */
  private final Limiter<String> creations;

  public WorkshopRoutes(
      WorkshopStore store,
      Templates templates,
      Access access,
      BoardStore boards,
      Links links,
      Optional<String> adminToken,
      JoinGuard guard) {
    this(store, templates, access, boards, links, adminToken, guard, Config.Defences.DEFAULTS);
  }

  public WorkshopRoutes(
      WorkshopStore store,
      Templates templates,
      Access access,
      BoardStore boards,
      Links links,
      Optional<String> adminToken,
      JoinGuard guard,
      Config.Defences defences) {
    this(
        store,
        templates,
        access,
        boards,
        links,
        adminToken,
        guard,
        defences,
        Config.Budgets.DEFAULTS,
        Clock.systemUTC());
  }

  /** {@code clock}: today's date for retention dates (tests move it). */
  public WorkshopRoutes(
      WorkshopStore store,
      Templates templates,
      Access access,
      BoardStore boards,
      Links links,
      Optional<String> adminToken,
      JoinGuard guard,
      Config.Defences defences,
      Config.Budgets budgets,
      Clock clock) {
    this.clock = clock;
    this.guard = guard;
    this.joins = new JoinBudget(budgets);
    this.wrongAdminTokens =
        new FailureGuard("wrong admin tokens", defences.adminFailuresPerMinute());
    this.creations =
        new Limiter<>(defences.workshopsPerHour(), defences.workshopsPerHour() / 3600.0);
    this.store = store;
    this.templates = templates;
    this.access = access;
    this.boards = boards;
    this.links = links;
    this.adminToken = adminToken;
  }

  /** Carrying actions or improvements forward from earlier workshops (issue 25); off until set. */
  private CarryForward carry;

  public WorkshopRoutes carrying(CarryForward carry) {
    this.carry = carry;
    return this;
  }

  public void mount(Router router) {
    router.post("/api/workshops").handler(this::createWorkshop);
    router.post("/api/templates").handler(this::createTemplate);
    router.post("/api/workshops/:id/boards").handler(this::addBoard);
    router.post("/api/join").handler(this::join);
    router.get("/j/:code/qr.svg").handler(this::qr);
    router.get("/g/:code/qr.svg").handler(this::workshopQr);
    router.post("/api/boards/:id/rotate").handler(this::rotate);
  }

  /**
   * The organiser replaces leaked links: any of the moderator key, the projector key and the join
   * code. An {@code opId} in the body makes a retried request harmless.
   */
  private void rotate(RoutingContext ctx) {
    UUID boardId = uuid(ctx.pathParam("id"));
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
                store
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

  private void workshopQr(RoutingContext ctx) {
    store
        .workshopByCode(ctx.pathParam("code"))
        .onSuccess(workshop -> qrCode(ctx, workshop.map(w -> links.group(w.joinCode()))))
        .onFailure(ctx::fail);
  }

  /**
   * The QR code of a join link, or, for a code that leads nowhere, the wrong-code answer (which
   * counts towards the address's guessing limit).
   */
  private void qrCode(RoutingContext ctx, Optional<String> link) {
    if (link.isEmpty()) {
      guard.wrongCode(ctx, new Rejection(ErrorCode.NOT_FOUND, "error.joinCodeNotFound"));
      return;
    }
    ctx.response()
        .putHeader("Content-Type", "image/svg+xml")
        .putHeader("Cache-Control", "public, max-age=3600")
        .end(QrSvg.of(link.get()));
  }

  /** Forgets addresses within their limits again; called once a minute. */
  public void sweep() {
    wrongAdminTokens.sweep();
    creations.sweep();
    joins.sweep();
  }

  /**
   * When an administrator token is configured, creating workshops and templates needs it; wrong
   * tokens are counted per address (and an address that keeps guessing is refused for a while).
   * Every address has a creation quota.
   */
  private boolean adminAllowed(RoutingContext ctx) {
    String address = JoinGuard.address(ctx);
    if (adminToken.isPresent()) {
      if (wrongAdminTokens.refuses(address)) {
        ctx.fail(new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited"));
        return false;
      }
      String given = Bearer.of(ctx);
      if (given == null || !Keys.sameHash(Keys.hash(given), Keys.hash(adminToken.get()))) {
        boolean limited = given != null && wrongAdminTokens.failed(address);
        if (given != null && !limited) {
          LOG.warn("A wrong admin token from {} on {}", address, ctx.request().path());
        }
        ctx.fail(
            limited
                ? new Rejection(ErrorCode.RATE_LIMITED, "error.rateLimited")
                : new Rejection(ErrorCode.UNAUTHORIZED, "error.adminTokenRequired"));
        return false;
      }
    }
    if (!creations.tryTake(address)) {
      ctx.fail(new Rejection(ErrorCode.RATE_LIMITED, "error.tooManyWorkshops"));
      return false;
    }
    return true;
  }

  private void createTemplate(RoutingContext ctx) {
    if (!adminAllowed(ctx)) {
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

  private void createWorkshop(RoutingContext ctx) {
    if (!adminAllowed(ctx)) {
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
                            store.create(WorkshopRequests.newWorkshop(body, templateId, today)))
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
  private Future<WorkshopStore.Created> unmake(WorkshopStore.Created created, Throwable failure) {
    LOG.warn(
        "Workshop {} could not be given its carried notes, so it is taken back: {}",
        created.id(),
        failure.toString());
    return store
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

  private void addBoard(RoutingContext ctx) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    String name = WorkshopRequests.name(WorkshopRequests.body(ctx).getValue("name"));
    store
        .addBoard(workshopId, Bearer.of(ctx), name)
        .onSuccess(
            board ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(boardJson(board).encode()))
        .onFailure(ctx::fail);
  }

  private void join(RoutingContext ctx) {
    JsonObject body = WorkshopRequests.body(ctx);
    if (!(body.getValue("code") instanceof String code)) {
      throw WorkshopRequests.invalid();
    }
    String name = WorkshopRequests.text(body, "name", NewWorkshop.MAX_NAME, false);
    String given = WorkshopRequests.text(body, "profession", NewWorkshop.MAX_NAME, false);
    String profession =
        given == null
            ? null
            : Professions.code(given)
                .orElseThrow(() -> new Rejection(ErrorCode.INVALID, "error.professionInvalid"));
    // the notice's language: the one the phone showed it in (else the workshop's)
    Object language = body.getValue("language");
    if (language != null && !"it".equals(language) && !"en".equals(language)) {
      throw WorkshopRequests.invalid();
    }
    // consent is the JSON true and nothing else: not "true", 1 or "yes"
    if (!Boolean.TRUE.equals(body.getValue("consent"))) {
      throw new Rejection(ErrorCode.CONSENT_REQUIRED, "error.consentRequired");
    }
    if (!joins.take(ctx, JoinCodes.normalise(code).orElse(code))) {
      return;
    }
    store
        .join(code, name, profession, (String) language)
        .onSuccess(joined -> Cookies.add(ctx, participantCookie(joined.boardId(), joined.token())))
        .onSuccess(
            joined ->
                ctx.json(
                    new JsonObject()
                        .put("boardId", joined.boardId().toString())
                        .put("participantId", joined.participantId().toString())
                        .put("participantToken", joined.token())))
        .onFailure(failure -> failedJoin(ctx, failure));
  }

  /**
   * The participant's token, kept by the browser out of reach of scripts, so a cleared storage can
   * recover it.
   */
  public static Cookie participantCookie(UUID boardId, String token) {
    return Cookie.cookie(participantCookieName(boardId), token)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(CookieSameSite.LAX)
        .setMaxAge(60L * 60 * 24 * 365);
  }

  public static String participantCookieName(UUID boardId) {
    return "pb_pt_" + boardId.toString().replace("-", "");
  }

  private void failedJoin(RoutingContext ctx, Throwable failure) {
    if (failure instanceof Rejection r && r.code() == ErrorCode.NOT_FOUND) {
      guard.wrongCode(ctx, r);
    } else {
      ctx.fail(failure);
    }
  }

  private void qr(RoutingContext ctx) {
    // a closed board's code still leads to its results, so its QR code stays too
    store
        .boardsByCode(ctx.pathParam("code"))
        .onSuccess(
            boards -> qrCode(ctx, boards.stream().findFirst().map(b -> links.join(b.joinCode()))))
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

  static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.notFound");
    }
  }
}
