package org.peerboard.workshop.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.peerboard.Config;
import org.peerboard.action.web.CarryForward;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Cookies;
import org.peerboard.http.Links;
import org.peerboard.workshop.db.Joining;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopCreation;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.model.JoinCodes;
import org.peerboard.workshop.model.NewWorkshop;
import org.peerboard.workshop.model.Professions;

/**
 * The workshop's HTTP routes, mounted together: the organiser's ({@link OrganiserApi}), joining by
 * code, and the QR code of each join link.
 */
public final class WorkshopRoutes {
  private final WorkshopStore store;
  private final Joining joining;
  private final Links links;

  private final JoinGuard guard;
  private final JoinBudget joins;
  private final CreationGate gate;
  private final OrganiserApi organiser;

  /** {@code clock}: today's date for retention dates (tests move it). */
  public WorkshopRoutes(
      WorkshopStore store,
      WorkshopCreation creation,
      Joining joining,
      Templates templates,
      Access access,
      BoardStore boards,
      Links links,
      Optional<String> adminToken,
      JoinGuard guard,
      Config.Defences defences,
      Config.Budgets budgets,
      Clock clock) {
    this.guard = guard;
    this.joins = new JoinBudget(budgets);
    this.gate = new CreationGate(adminToken, defences);
    this.store = store;
    this.joining = joining;
    this.links = links;
    this.organiser =
        new OrganiserApi(store, creation, templates, access, boards, links, gate, clock);
  }

  /** Carrying actions or improvements forward from earlier workshops (issue 25); off until set. */
  public WorkshopRoutes carrying(CarryForward carry) {
    organiser.carrying(carry);
    return this;
  }

  public void mount(Router router) {
    router.post("/api/workshops").handler(organiser::createWorkshop);
    router.post("/api/templates").handler(organiser::createTemplate);
    router.post("/api/workshops/:id/boards").handler(organiser::addBoard);
    router.post("/api/join").handler(this::join);
    router.get("/j/:code/qr.svg").handler(this::qr);
    router.get("/g/:code/qr.svg").handler(this::workshopQr);
    router.post("/api/boards/:id/rotate").handler(organiser::rotate);
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
    gate.sweep();
    joins.sweep();
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
    joining
        .join(code, name, profession, (String) language)
        .onSuccess(joined -> Cookies.add(ctx, participantCookie(joined.boardId(), joined.token())))
        .onSuccess(
            joined ->
                ctx.json(
                    new JsonObject()
                        .put("boardId", joined.boardId().toString())
                        .put("participantId", joined.participantId().toString())
                        .put("participantToken", joined.token())))
        .onFailure(failure -> guard.wrongCodeOrFail(ctx, failure));
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

  private void qr(RoutingContext ctx) {
    // a closed board's code still leads to its results, so its QR code stays too
    store
        .boardsByCode(ctx.pathParam("code"))
        .onSuccess(
            boards -> qrCode(ctx, boards.stream().findFirst().map(b -> links.join(b.joinCode()))))
        .onFailure(ctx::fail);
  }

  static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.notFound");
    }
  }
}
