package org.peerboard.workshop.web;

import static org.peerboard.workshop.web.WorkshopPages.notFound;
import static org.peerboard.workshop.web.WorkshopPages.workshopJson;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.peerboard.http.Languages;
import org.peerboard.http.Links;
import org.peerboard.pages.Pages;
import org.peerboard.security.BoardKeys;
import org.peerboard.workshop.db.RightsStore;
import org.peerboard.workshop.db.WorkshopStore;

/**
 * The organiser's page and the plenary ({@code /w/{id}}, {@code /w/{id}/plenary}): the workshop's
 * links, each board's with the keys the organiser key derives, and the data protection facts.
 */
final class OrganiserPage {
  private final Pages pages;
  private final WorkshopStore workshops;
  private final Links links;
  private final RightsStore rights;
  private final Clock clock;

  /** Where the data lives, for the data protection section: a directory or {@code DATABASE_URL}. */
  private final String dataLocation;

  OrganiserPage(
      Pages pages,
      WorkshopStore workshops,
      Links links,
      RightsStore rights,
      Clock clock,
      String dataLocation) {
    this.pages = pages;
    this.workshops = workshops;
    this.links = links;
    this.rights = rights;
    this.clock = clock;
    this.dataLocation = dataLocation;
  }

  /** {@code page}: {@code organiser} or {@code plenary}, the template that shows the same facts. */
  void show(RoutingContext ctx, String page) {
    UUID workshopId = WorkshopRoutes.uuid(ctx.pathParam("id"));
    if (Pages.keyInQuery(ctx, key -> workshops.checkOrganiser(workshopId, key))) {
      return;
    }
    String key = Pages.keyCookie(ctx);
    workshops
        .checkOrganiser(workshopId, key)
        .compose(ok -> workshops.workshop(workshopId))
        .compose(
            info ->
                workshops
                    .boards(workshopId)
                    .map(
                        boards -> {
                          WorkshopStore.WorkshopInfo workshop =
                              info.orElseThrow(() -> notFound("error.workshopNotFound"));
                          JsonArray boardList = new JsonArray();
                          for (WorkshopStore.BoardInfo board : boards) {
                            String moderatorKey =
                                BoardKeys.moderator(key, board.id(), board.moderatorGeneration());
                            boardList.add(
                                new JsonObject()
                                    .put("id", board.id().toString())
                                    .put("name", board.name())
                                    .put("joinCode", board.joinCode())
                                    .put("joinUrl", links.join(board.joinCode()))
                                    .put("qrUrl", "/j/" + board.joinCode() + "/qr.svg")
                                    .put("moderatorUrl", links.moderator(board.id(), moderatorKey))
                                    .put("stage", board.stage())
                                    .put(
                                        "projectorUrl",
                                        links.projector(
                                            board.id(),
                                            BoardKeys.projector(
                                                moderatorKey, board.projectorGeneration()))));
                          }
                          return new JsonObject()
                              .put("workshop", workshopJson(workshop))
                              .put("dataLocation", dataLocation)
                              .put("organiserUrl", links.organiser(workshopId, key))
                              .put("organiserKey", key)
                              .put("joinUrl", links.group(workshop.joinCode()))
                              .put("qrUrl", "/g/" + workshop.joinCode() + "/qr.svg")
                              .put("boards", boardList);
                        }))
        .compose(
            state ->
                rights
                    .dataProtection(workshopId, LocalDate.now(clock))
                    .map(facts -> state.put("dataProtection", facts)))
        .onSuccess(
            state ->
                pages.render(
                    ctx,
                    page,
                    Languages.explicit(ctx)
                        .orElse(state.getJsonObject("workshop").getString("language")),
                    state))
        .onFailure(ctx::fail);
  }
}
