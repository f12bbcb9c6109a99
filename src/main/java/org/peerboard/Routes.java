package org.peerboard;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.peerboard.action.web.ActionRoutes;
import org.peerboard.agenda.web.AgendaRoutes;
import org.peerboard.agenda.web.RunsheetPage;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.web.BoardPages;
import org.peerboard.board.web.BoardRoutes;
import org.peerboard.export.web.ExportFeature;
import org.peerboard.http.HealthRoutes;
import org.peerboard.http.HttpErrors;
import org.peerboard.http.Links;
import org.peerboard.http.Origins;
import org.peerboard.http.SecurityHeaders;
import org.peerboard.live.WsHandler;
import org.peerboard.pages.Pages;
import org.peerboard.pages.StatementPage;
import org.peerboard.suggest.web.SuggestRoutes;
import org.peerboard.vote.db.VoteFigures;
import org.peerboard.vote.web.VoteRoutes;
import org.peerboard.workshop.web.WorkshopPages;

/**
 * The router of one server loop: the guards every request passes, each feature's routes, static
 * files, and the one failure handler.
 */
final class Routes {
  private Routes() {}

  /** A router on {@code vertx}, which must be the calling loop's: its pages and exports use it. */
  static Router router(Vertx vertx, Config config, Links links, Shared shared) {
    Router router = Router.router(vertx);
    router.route().handler(shared.connections::idleAfterAnswer);
    router.route().handler(shared.deadline::arm);
    router.route().handler(SecurityHeaders::apply);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.route("/ws").handler(webSockets(links, shared));
    new HealthRoutes(shared.healthPool).mount(router);
    shared.guard.mount(router);
    shared.workshopRoutes.mount(router);
    shared.rightsRoutes.mount(router);
    new BoardRoutes(shared.access, shared.boards).mount(router);
    new VoteRoutes(shared.access, shared.votes).mount(router);
    new AgendaRoutes(shared.workshops, shared.boards, shared.agendas).mount(router);
    SuggestRoutes.mount(router, shared.access, shared.suggestions);
    Pages pages = new Pages(vertx);
    new WorkshopPages(
            pages,
            shared.workshops,
            shared.templates,
            shared.access,
            shared.boards,
            links,
            shared.guard,
            config.adminToken().isPresent(),
            shared.rights,
            shared.clock,
            config.databaseUrl().isPresent()
                ? "DATABASE_URL"
                : config.dataDir().resolve("postgres").toString())
        .mount(router);
    new BoardPages(pages, shared.access, shared.workshops, shared.templates, links).mount(router);
    new RunsheetPage(pages, shared.workshops, shared.agendas, shared.templates, links)
        .mount(router);
    ExportFeature.mount(
        vertx,
        router,
        shared.pool,
        shared.templates,
        links,
        new VoteFigures(shared.pool),
        pages,
        shared.exports);
    new ActionRoutes(vertx, shared.pool, new VoteFigures(shared.pool), pages).mount(router);
    new StatementPage(pages, config.accessibilityContact()).mount(router);
    // browsers ask for /favicon.ico whatever the page links; answer with the same SVG instead of a
    // 404
    router.get("/favicon.ico").handler(ctx -> ctx.reroute("/static/favicon.svg"));
    router
        .route("/static/*")
        .handler(StaticHandler.create("web/static").setCachingEnabled(!config.devMode()));
    router.route().last().handler(ctx -> ctx.fail(404));
    router.route().failureHandler(HttpErrors::handle);
    return router;
  }

  /** Upgrades a request from an allowed origin to a WebSocket, counted as such by the guard. */
  private static Handler<RoutingContext> webSockets(Links links, Shared shared) {
    Origins origins = new Origins(links);
    WsHandler ws = shared.ws;
    return ctx -> {
      if (!origins.allowed(ctx.request())) {
        ctx.fail(new Rejection(ErrorCode.FORBIDDEN, "error.forbidden"));
        return;
      }
      HttpConnection connection = ctx.request().connection();
      ctx.request()
          .toWebSocket()
          .onSuccess(socket -> ws.accept(socket, shared.connections.upgraded(connection)))
          .onFailure(e -> ctx.fail(400, e));
    };
  }
}
