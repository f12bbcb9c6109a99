package org.peerboard.export.web;

import io.vertx.core.Future;
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
import java.util.function.Function;
import org.peerboard.agenda.web.TimingTables;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.export.db.ExportAccess;
import org.peerboard.export.db.OutcomeReader;
import org.peerboard.export.db.VoteSource;
import org.peerboard.export.format.XlsxExport;
import org.peerboard.export.model.CompareView;
import org.peerboard.export.model.ExportScope;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.Outcome;
import org.peerboard.export.model.ReportView;
import org.peerboard.export.model.ReportVotes;
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
  private final Pool pool;
  private final VoteSource votes;

  /** A bad report link gets the pages' own HTML error page, so it reads like any other. */
  public ReportPages(
      Pages pages, ExportAccess access, OutcomeReader outcomes, VoteSource votes, Pool pool) {
    this.pool = pool;
    this.pages = pages;
    this.access = access;
    this.outcomes = outcomes;
    this.votes = votes;
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

  private Future<Read> read(RoutingContext ctx, Function<String, Future<ExportScope>> authorise) {
    return authorise
        .apply(key(ctx))
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
    if (Pages.keyInQuery(ctx)) {
      return;
    }
    read(ctx, authorise)
        .compose(
            read ->
                votes
                    .revealed(read.scope())
                    .compose(
                        figures -> {
                          ExportScope scope = read.scope();
                          Outcome.WorkshopView workshop = read.outcome().workshops().get(0);
                          String lang = Languages.explicit(ctx).orElse(workshop.facts().language());
                          ResourceBundle words = Messages.bundle("i18n/messages", lang);
                          Map<String, Object> state =
                              new HashMap<>(
                                  ReportView.of(
                                      workshop,
                                      new Labels(workshop.template(), lang),
                                      words.getString("export.report.unclustered")));
                          state.put(
                              "votes",
                              ReportVotes.of(
                                  workshop,
                                  figures,
                                  lang,
                                  XlsxExport.ZONE,
                                  words.getString("export.report.proposalGone")));
                          state.put(
                              "board",
                              scope.kind() == ExportScope.Kind.BOARD
                                  ? workshop.groups().get(0).group().name()
                                  : null);
                          state.put("downloads", downloads(scope, key(ctx)));
                          return TimingTables.of(
                                  pool,
                                  workshop,
                                  new Labels(workshop.template(), lang),
                                  XlsxExport.ZONE)
                              .compose(
                                  timing -> {
                                    state.put("timing", timing);
                                    return pages.document(ctx, "report", lang, state);
                                  });
                        }))
        .onFailure(ctx::fail);
  }

  private void compare(RoutingContext ctx, Function<String, Future<ExportScope>> authorise) {
    if (Pages.keyInQuery(ctx)) {
      return;
    }
    read(ctx, authorise)
        .compose(
            read -> {
              ExportScope scope = read.scope();
              Outcome.WorkshopView first = read.outcome().workshops().get(0);
              String lang = Languages.explicit(ctx).orElse(scope.language());
              boolean study = scope.kind() == ExportScope.Kind.STUDY;
              Map<String, Object> state =
                  new HashMap<>(
                      CompareView.of(
                          read.outcome().workshops(), new Labels(first.template(), lang), study));
              state.put("title", study ? scope.studyName() : first.facts().title());
              state.put("study", study);
              state.put("downloads", downloads(scope, key(ctx)));
              return pages.document(ctx, "compare", lang, state);
            })
        .onFailure(ctx::fail);
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
    links.put("votes", base + "/votes.csv" + k);
    links.put("timing", base + "/timing.csv" + k);
    links.put("qdpxAllowed", scope.kind() != ExportScope.Kind.STUDY);
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
