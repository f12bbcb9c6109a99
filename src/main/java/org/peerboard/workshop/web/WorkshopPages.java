package org.peerboard.workshop.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Optional;
import org.peerboard.board.db.Access;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Languages;
import org.peerboard.http.Links;
import org.peerboard.pages.Pages;
import org.peerboard.workshop.db.RightsStore;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.model.JoinCodes;

/**
 * The workshop's pages: new workshop ({@code /new}), the organiser's links and the plenary ({@code
 * /w/{id}}, {@code /w/{id}/plenary}, {@link OrganiserPage}), picking a group ({@code /g/{code}})
 * and joining a board from a phone ({@code /j}, {@code /j/{code}}, {@link JoinPage}).
 */
public final class WorkshopPages {
  private final Pages pages;
  private final WorkshopStore workshops;
  private final JoinGuard guard;
  private final boolean adminTokenRequired;
  private final OrganiserPage organiser;
  private final JoinPage join;

  public WorkshopPages(
      Pages pages,
      WorkshopStore workshops,
      Templates templates,
      Access access,
      BoardStore boards,
      Links links,
      JoinGuard guard,
      boolean adminTokenRequired,
      RightsStore rights,
      Clock clock,
      String dataLocation) {
    this.pages = pages;
    this.workshops = workshops;
    this.guard = guard;
    this.adminTokenRequired = adminTokenRequired;
    this.organiser = new OrganiserPage(pages, workshops, links, rights, clock, dataLocation);
    this.join = new JoinPage(pages, workshops, templates, access, boards, guard, rights);
  }

  public void mount(Router router) {
    router.get("/").handler(ctx -> ctx.redirect("/new"));
    router.get("/new").handler(this::newWorkshop).failureHandler(pages::errorPage);
    router
        .get("/w/:id")
        .handler(ctx -> organiser.show(ctx, "organiser"))
        .failureHandler(pages::errorPage);
    router
        .get("/w/:id/plenary")
        .handler(ctx -> organiser.show(ctx, "plenary"))
        .failureHandler(pages::errorPage);
    router.get("/g/:code").handler(this::pickGroup).failureHandler(pages::errorPage);
    router.get("/j").handler(this::joinByCode).failureHandler(pages::errorPage);
    router.get("/j/:code").handler(join::join).failureHandler(pages::errorPage);
    router.get("/j/:code/notice").handler(join::notice).failureHandler(pages::errorPage);
  }

  private void newWorkshop(RoutingContext ctx) {
    pages.render(
        ctx,
        "new",
        Languages.of(ctx),
        new JsonObject().put("adminTokenRequired", adminTokenRequired));
  }

  /**
   * {@code /j?code=k7pq3x} (the form on the error page) goes to the tidy {@code /j/K7PQ3X}; bare
   * {@code /j} asks for a code.
   */
  private void joinByCode(RoutingContext ctx) {
    Optional<String> code = JoinCodes.normalise(ctx.request().getParam("code"));
    if (code.isPresent()) {
      seeOther(ctx, "/j/" + code.get());
    } else if (ctx.request().getParam("code") != null) {
      ctx.fail(notFound("error.joinCodeNotFound"));
    } else {
      pages.codeForm(ctx);
    }
  }

  /**
   * The workshop-wide QR code lands here: the participant picks their group, then joins that board.
   */
  private void pickGroup(RoutingContext ctx) {
    workshops
        .workshopByCode(ctx.pathParam("code"))
        .compose(
            found -> {
              WorkshopStore.WorkshopInfo workshop =
                  found.orElseThrow(() -> notFound("error.joinCodeNotFound"));
              return workshops
                  .boards(workshop.id())
                  .map(
                      boards -> {
                        JsonArray groups = new JsonArray();
                        boards.stream()
                            .filter(b -> !"closed".equals(b.stage()))
                            .forEach(
                                b ->
                                    groups.add(
                                        new JsonObject()
                                            .put("name", b.name())
                                            .put("joinCode", b.joinCode())
                                            .put("joinUrl", "/j/" + b.joinCode())));
                        return new JsonObject()
                            .put("workshop", workshopJson(workshop))
                            .put("groups", groups);
                      });
            })
        .onSuccess(
            state ->
                pages.render(
                    ctx,
                    "group",
                    Languages.explicit(ctx)
                        .orElse(state.getJsonObject("workshop").getString("language")),
                    state))
        // the group page lists every group's code: guessing it counts as for /j/
        .onFailure(failure -> guard.wrongCodeOrFail(ctx, failure));
  }

  static void seeOther(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  /** The workshop as the pages show it. */
  public static JsonObject workshopJson(WorkshopStore.WorkshopInfo workshop) {
    return new JsonObject()
        .put("id", workshop.id().toString())
        .put("title", workshop.title())
        .put("place", workshop.place())
        .put("date", workshop.date())
        .put("language", workshop.language())
        .put("joinCode", workshop.joinCode());
  }

  static Rejection notFound(String key) {
    return new Rejection(ErrorCode.NOT_FOUND, key);
  }
}
