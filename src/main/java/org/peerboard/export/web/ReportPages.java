package org.peerboard.export.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.peerboard.action.db.PlanReads;
import org.peerboard.action.model.PlanView;
import org.peerboard.agenda.web.TimingTables;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.export.db.ExportAccess;
import org.peerboard.export.db.OutcomeReader;
import org.peerboard.export.db.VoteSource;
import org.peerboard.export.format.XlsxExport;
import org.peerboard.export.model.AgreementReport;
import org.peerboard.export.model.CompareView;
import org.peerboard.export.model.ExportScope;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.Outcome;
import org.peerboard.export.model.ReportView;
import org.peerboard.export.model.ReportVotes;
import org.peerboard.export.model.Votes;
import org.peerboard.http.Bearer;
import org.peerboard.http.Languages;
import org.peerboard.i18n.Messages;
import org.peerboard.pages.Pages;

/**
 * The organiser's pages over the outcome: the printable report of a workshop ({@code
 * /w/{id}/report}) or of one board ({@code /m/{id}/report}), and the comparison of a workshop's
 * groups ({@code /w/{id}/compare}) or of a study's workshops ({@code /s/{id}}). A key arrives as
 * {@code ?k=} once (then a cookie for that path), as the cookie the organiser or moderator page
 * already set, or as a Bearer header.
 */
public final class ReportPages {
  private final Pages pages;
  private final ExportAccess access;
  private final OutcomeReader outcomes;
  private final VoteSource votes;
  private final Vertx vertx;
  private final Pages rendering;
  private final ExportGate gate;
  private Pool plans;

  /**
   * A bad report link gets the pages' own HTML error page, so it reads like any other. The report
   * and the comparison are made on a worker, with {@code rendering} (used there only), at most as
   * many at once as {@code gate} allows together with the downloads.
   */
  public ReportPages(
      Vertx vertx,
      Pages pages,
      Pages rendering,
      ExportAccess access,
      OutcomeReader outcomes,
      VoteSource votes,
      ExportGate gate) {
    this.vertx = vertx;
    this.pages = pages;
    this.rendering = rendering;
    this.access = access;
    this.outcomes = outcomes;
    this.votes = votes;
    this.gate = gate;
  }

  /** The action plans (issue 25) the report shows, read with this pool; none without it. */
  public ReportPages withPlans(Pool pool) {
    this.plans = pool;
    return this;
  }

  public void mount(Router router) {
    router
        .get("/w/:id/report")
        .handler(ctx -> report(ctx, key -> access.workshop(id(ctx), key)))
        .failureHandler(pages::errorPage);
    router
        .get("/m/:id/report")
        .handler(ctx -> report(ctx, key -> access.board(id(ctx), key)))
        .failureHandler(pages::errorPage);
    router
        .get("/w/:id/compare")
        .handler(ctx -> compare(ctx, key -> access.workshop(id(ctx), key)))
        .failureHandler(pages::errorPage);
    router
        .get("/s/:id")
        .handler(ctx -> compare(ctx, key -> access.study(id(ctx), key)))
        .failureHandler(pages::errorPage);
  }

  /** What the page's key may read, and its outcome; not found when that holds no workshop. */
  private record Read(ExportScope scope, Outcome outcome) {}

  private Future<Read> read(String key, Function<String, Future<ExportScope>> authorise) {
    return authorise
        .apply(key)
        .compose(
            scope ->
                outcomes
                    .read(scope)
                    .map(
                        outcome -> {
                          if (outcome.workshops().isEmpty()) {
                            throw new Rejection(ErrorCode.NOT_FOUND, "error.workshopNotFound");
                          }
                          return new Read(scope, outcome);
                        }));
  }

  private void report(RoutingContext ctx, Function<String, Future<ExportScope>> authorise) {
    if (Pages.keyInQuery(ctx, authorise::apply)) {
      return;
    }
    String explicitLang = Languages.explicit(ctx).orElse(null);
    String key = key(ctx);
    gate.run(
            ctx,
            () ->
                read(key, authorise)
                    .compose(
                        read ->
                            votes
                                .revealed(read.scope())
                                .compose(outcomes::details)
                                .compose(
                                    figures ->
                                        planOf(
                                                read.scope(),
                                                figures,
                                                reportLanguage(read, explicitLang))
                                            .compose(
                                                plan ->
                                                    timingOf(
                                                            read,
                                                            reportLanguage(read, explicitLang))
                                                        .map(
                                                            timing ->
                                                                new Extras(figures, plan, timing))))
                                .compose(
                                    both ->
                                        offLoop(
                                            () -> {
                                              Votes figures = both.figures();
                                              ExportScope scope = read.scope();
                                              Outcome.WorkshopView workshop =
                                                  read.outcome().workshops().get(0);
                                              String lang = reportLanguage(read, explicitLang);
                                              ResourceBundle words =
                                                  Messages.bundle("i18n/messages", lang);
                                              Map<String, Object> state =
                                                  new HashMap<>(
                                                      ReportView.of(
                                                          workshop,
                                                          new Labels(workshop.template(), lang),
                                                          words.getString(
                                                              "export.report.unclustered")));
                                              state.put(
                                                  "votes",
                                                  ReportVotes.of(
                                                      workshop,
                                                      figures,
                                                      lang,
                                                      XlsxExport.ZONE,
                                                      words.getString(
                                                          "export.report.proposalGone")));
                                              state.put(
                                                  "agreement",
                                                  AgreementReport.of(
                                                      workshop,
                                                      new Labels(workshop.template(), lang),
                                                      words.getString("report.reactions.count")));
                                              state.put(
                                                  "board",
                                                  scope.kind() == ExportScope.Kind.BOARD
                                                      ? workshop.groups().get(0).group().name()
                                                      : null);
                                              state.put("downloads", downloads(scope, key));
                                              state.put("actions", both.plan());
                                              state.put("timing", both.timing());
                                              return rendering.documentBody("report", lang, state);
                                            })))
                    .compose(body -> Pages.sendPage(ctx, body)))
        .onFailure(ctx::fail);
  }

  /**
   * What the report shows beside the board: vote figures, the action plan, the run-sheet's timing.
   */
  private record Extras(
      Votes figures, List<Map<String, Object>> plan, List<Map<String, Object>> timing) {}

  /** The report's timing tables (planned against actual per step); none without a pool. */
  private Future<List<Map<String, Object>>> timingOf(Read read, String lang) {
    if (plans == null) {
      return Future.succeededFuture(List.of());
    }
    Outcome.WorkshopView workshop = read.outcome().workshops().get(0);
    return TimingTables.of(plans, workshop, new Labels(workshop.template(), lang), XlsxExport.ZONE);
  }

  /** The report's language: the one asked for, else the workshop's. */
  private static String reportLanguage(Read read, String explicitLang) {
    return explicitLang != null
        ? explicitLang
        : read.outcome().workshops().get(0).facts().language();
  }

  /** The report's action-plan section: each group's actions with their proposals' results. */
  private Future<List<Map<String, Object>>> planOf(ExportScope scope, Votes figures, String lang) {
    if (plans == null) {
      return Future.succeededFuture(List.of());
    }
    ResourceBundle words = Messages.bundle("i18n/messages", lang);
    return PlanReads.read(plans, scope.workshopIds(), scope.boardId())
        .map(
            rows ->
                PlanView.groups(
                    PlanReads.withResults(rows, figures),
                    lang,
                    k -> words.containsKey(k) ? words.getString(k) : k,
                    true));
  }

  private void compare(RoutingContext ctx, Function<String, Future<ExportScope>> authorise) {
    if (Pages.keyInQuery(ctx, authorise::apply)) {
      return;
    }
    String explicitLang = Languages.explicit(ctx).orElse(null);
    String key = key(ctx);
    gate.run(
            ctx,
            () ->
                read(key, authorise)
                    .compose(
                        read ->
                            votes.revealed(read.scope()).map(figures -> Map.entry(read, figures)))
                    .compose(
                        both ->
                            offLoop(
                                () -> {
                                  Read read = both.getKey();
                                  ExportScope scope = read.scope();
                                  Outcome.WorkshopView first = read.outcome().workshops().get(0);
                                  String lang =
                                      explicitLang != null ? explicitLang : scope.language();
                                  boolean study = scope.kind() == ExportScope.Kind.STUDY;
                                  Map<String, Object> state =
                                      new HashMap<>(
                                          CompareView.of(
                                              read.outcome().workshops(),
                                              new Labels(first.template(), lang),
                                              study,
                                              both.getValue(),
                                              Messages.bundle("i18n/messages", lang)
                                                  .getString("export.report.proposalGone")));
                                  state.put(
                                      "title", study ? scope.studyName() : first.facts().title());
                                  state.put("study", study);
                                  state.put("downloads", downloads(scope, key));
                                  return rendering.documentBody("compare", lang, state);
                                }))
                    .compose(body -> Pages.sendPage(ctx, body)))
        .onFailure(ctx::fail);
  }

  /**
   * Builds and renders a page on a worker, in order (one {@link #rendering} is never used by two
   * threads at once): a report of thousands of notes never holds the event loop.
   */
  private Future<Buffer> offLoop(Callable<Future<Buffer>> page) {
    return vertx.executeBlocking(page, true).compose(body -> body);
  }

  /**
   * Links to the downloads of the same scope. The cookie is scoped to the page's path, so the links
   * carry the key as {@code ?k=}, as the organiser page already shows the organiser link itself.
   */
  private static Map<String, Object> downloads(ExportScope scope, String key) {
    String base =
        switch (scope.kind()) {
          case BOARD -> "/api/boards/" + scope.boardId();
          case WORKSHOP -> "/api/workshops/" + scope.workshopIds().get(0);
          case STUDY -> "/api/studies/" + scope.studyId();
        };
    Map<String, Object> links = new HashMap<>();
    String k = "?k=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    for (String name : List.of("csv", "xlsx", "json", "qdpx")) {
      links.put(name, base + "/export." + name + k);
    }
    links.put("history", base + "/history.csv" + k);
    links.put("matrix", base + "/matrix.csv" + k);
    for (String table : List.of("votes", "participants", "ballots", "comments", "codebook")) {
      links.put(table, base + "/" + table + ".csv" + k);
    }
    links.put("timing", base + "/timing.csv" + k);
    links.put("zip", base + "/export.zip" + k);
    links.put("excelZip", base + "/export.zip" + k + "&dialect=excel-it");
    links.put("qdpxAllowed", true);
    return links;
  }

  private static String key(RoutingContext ctx) {
    String bearer = Bearer.of(ctx);
    if (bearer != null) {
      return bearer;
    }
    return Pages.keyCookie(ctx);
  }

  private static UUID id(RoutingContext ctx) {
    return ExportRoutes.parse(ctx.pathParam("id"));
  }
}
