package org.peerboard.action.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Function;
import org.peerboard.action.db.PlanReads;
import org.peerboard.action.db.ProgressLinks;
import org.peerboard.action.model.PlanRow;
import org.peerboard.action.model.PlanView;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.export.db.ExportAccess;
import org.peerboard.export.db.VoteSource;
import org.peerboard.export.format.CsvDialect;
import org.peerboard.export.model.ExportScope;
import org.peerboard.http.Bearer;
import org.peerboard.http.Languages;
import org.peerboard.i18n.Messages;
import org.peerboard.pages.Pages;

/**
 * The action plan over HTTP: {@code actions.csv} at board, workshop and study scope (the same keys
 * as every download), the workshop's public progress link ({@code POST|DELETE
 * /api/workshops/{id}/progress-link}, organiser) and the read-only progress page {@code /o/{key}}.
 */
public final class ActionRoutes {
  private final Vertx vertx;
  private final Pool pool;
  private final ExportAccess access;
  private final VoteSource votes;
  private final ProgressLinks links;
  private final Pages pages;

  public ActionRoutes(Vertx vertx, Pool pool, VoteSource votes, Pages pages) {
    this.vertx = vertx;
    this.pool = pool;
    this.access = new ExportAccess(pool);
    this.votes = votes;
    this.links = new ProgressLinks(pool);
    this.pages = pages;
  }

  public void mount(Router router) {
    router.getWithRegex("/api/(boards|workshops|studies)/([^/]+)/actions\\.csv").handler(this::csv);
    router.get("/api/workshops/:id/actions").handler(this::plans);
    router.post("/api/workshops/:id/progress-link").handler(this::createLink);
    router.delete("/api/workshops/:id/progress-link").handler(this::revokeLink);
    router.get("/o/:key").handler(this::progress).failureHandler(pages::errorPage);
  }

  private void csv(RoutingContext ctx) {
    UUID id = uuid(ctx.pathParam("param1"));
    String key = Bearer.of(ctx);
    Future<ExportScope> scope =
        switch (ctx.pathParam("param0")) {
          case "boards" -> access.board(id, key);
          case "workshops" -> access.workshop(id, key);
          default -> access.study(id, key);
        };
    String asked = ctx.request().getParam("lang");
    boolean keyHeaders = "keys".equals(ctx.request().getParam("header"));
    String dialectAsked = ctx.request().getParam("dialect");
    if (dialectAsked != null && !CsvDialect.known(dialectAsked)) {
      ctx.fail(new Rejection(ErrorCode.INVALID, "error.exportDialect"));
      return;
    }
    CsvDialect dialect = CsvDialect.of(dialectAsked);
    scope
        .compose(
            s -> {
              String language = "it".equals(asked) || "en".equals(asked) ? asked : s.language();
              return PlanReads.withResults(pool, votes, s.workshopIds(), s.boardId())
                  .compose(
                      rows ->
                          vertx.executeBlocking(
                              () -> ActionsCsv.of(rows, language, keyHeaders, dialect), false))
                  .compose(
                      body ->
                          ctx.response()
                              .putHeader("Content-Type", "text/csv; charset=utf-8")
                              .putHeader(
                                  "Content-Disposition",
                                  "attachment; filename=\""
                                      + s.filename(
                                          dialect == CsvDialect.EXCEL_IT
                                              ? "actions-excel-it.csv"
                                              : "actions.csv")
                                      + "\"")
                              .putHeader("Cache-Control", "no-store")
                              .end(body));
            })
        .onFailure(ctx::fail);
  }

  /** Every group's actions, for the organiser page (organiser key), as the JSON export has them. */
  private void plans(RoutingContext ctx) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    access
        .workshop(workshopId, Bearer.of(ctx))
        .compose(
            scope ->
                PlanReads.withResults(pool, votes, List.of(workshopId), null)
                    .map(
                        rows -> {
                          JsonArray actions = new JsonArray();
                          rows.forEach(r -> actions.add(json(r, scope.language())));
                          return new JsonObject().put("actions", actions);
                        }))
        .onSuccess(
            json ->
                ctx.response()
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(json.encode()))
        .onFailure(ctx::fail);
  }

  private static JsonObject json(PlanRow r, String language) {
    return new JsonObject()
        .put("id", r.actionId().toString())
        .put("groupId", r.groupId().toString())
        .put("group", r.group())
        .put("title", r.title())
        .put("proposalId", r.proposalId() == null ? null : r.proposalId().toString())
        .put("proposal", r.proposal())
        .put(
            "voteResult",
            r.result() == null
                ? null
                : new JsonObject()
                    .put("rank", r.result().rank())
                    .put("of", r.result().of())
                    .put("text", r.result().text(language)))
        .put("owner", r.owner())
        .put("due", r.due() == null ? null : r.due().toString())
        .put("status", r.status().wire())
        .put("nextStep", r.nextStep())
        .put("updatedAt", r.updatedAt().toInstant().toString());
  }

  private void createLink(RoutingContext ctx) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    access
        .workshop(workshopId, Bearer.of(ctx))
        .compose(scope -> links.create(workshopId))
        .onSuccess(
            key ->
                ctx.response()
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(new JsonObject().put("url", "/o/" + key).encode()))
        .onFailure(ctx::fail);
  }

  private void revokeLink(RoutingContext ctx) {
    UUID workshopId = uuid(ctx.pathParam("id"));
    access
        .workshop(workshopId, Bearer.of(ctx))
        .compose(scope -> links.revoke(workshopId))
        .onSuccess(revoked -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /**
   * The public page: the workshop's title, place and date and its groups' actions, nothing about
   * any participant. Never cached, so a withdrawn link stops showing at once.
   */
  private void progress(RoutingContext ctx) {
    links
        .workshop(ctx.pathParam("key"))
        .compose(
            found -> {
              ProgressLinks.Workshop w =
                  found.orElseThrow(
                      () -> new Rejection(ErrorCode.NOT_FOUND, "error.progressLinkNotFound"));
              String lang = Languages.explicit(ctx).orElse(w.language());
              ResourceBundle bundle = Messages.bundle("i18n/messages", lang);
              Function<String, String> words = k -> bundle.containsKey(k) ? bundle.getString(k) : k;
              return PlanReads.withResults(pool, votes, List.of(w.id()), null)
                  .compose(
                      rows -> {
                        Map<String, Object> state = new HashMap<>();
                        state.put("title", w.title());
                        state.put("place", w.place());
                        state.put("date", w.date() == null ? null : w.date().toString());
                        state.put("groups", PlanView.groups(rows, lang, words, false));
                        state.put("tally", PlanView.tally(rows, words));
                        state.put("empty", rows.isEmpty());
                        ctx.response()
                            .putHeader("Cache-Control", "no-store")
                            .putHeader("X-Robots-Tag", "noindex");
                        return pages.document(ctx, "progress", lang, state);
                      });
            })
        .onFailure(ctx::fail);
  }

  private static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.notFound");
    }
  }
}
