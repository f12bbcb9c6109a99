package org.peerboard.export.web;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.peerboard.export.db.ExportAccess;
import org.peerboard.export.db.ExportReader;
import org.peerboard.export.db.OutcomeReader;
import org.peerboard.export.db.Studies;
import org.peerboard.export.db.VoteSource;
import org.peerboard.http.Links;
import org.peerboard.pages.Pages;
import org.peerboard.workshop.db.Templates;

/**
 * The export feature's wiring: downloads, studies, deletion, the report and the comparison pages.
 */
public final class ExportFeature {
  private ExportFeature() {}

  /**
   * Mounts every route of the feature; {@code votes} is {@link VoteSource#NONE} until voting
   * exists; {@code pages} renders the report and the comparison.
   */
  public static void mount(
      Vertx vertx,
      Router router,
      Pool pool,
      Templates templates,
      Links links,
      VoteSource votes,
      Pages pages) {
    ExportAccess access = new ExportAccess(pool);
    Studies studies = new Studies(pool, access);
    new ExportRoutes(vertx, access, new ExportReader(vertx, pool, templates, votes), studies, links)
        .mount(router);
    new ReportPages(pages, access, new OutcomeReader(pool, templates), votes, pool).mount(router);
  }
}
