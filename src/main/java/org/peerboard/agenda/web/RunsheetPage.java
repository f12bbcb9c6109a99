package org.peerboard.agenda.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import org.peerboard.agenda.db.AgendaStore;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.http.Languages;
import org.peerboard.http.Links;
import org.peerboard.i18n.Messages;
import org.peerboard.pages.Pages;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.db.WorkshopStore;
import org.peerboard.workshop.model.Template;

/**
 * The printable run-sheet for the facilitator ({@code /w/{id}/runsheet}, A4): the steps with their
 * minutes and clock times from a start time the organiser gives ({@code ?start=09:30}), and the
 * groups' join codes. Groups that follow the same agenda share one table.
 */
public final class RunsheetPage {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final LocalTime DEFAULT_START = LocalTime.of(9, 0);

  private final Pages pages;
  private final WorkshopStore workshops;
  private final AgendaStore agendas;
  private final Templates templates;
  private final Links links;

  public RunsheetPage(
      Pages pages, WorkshopStore workshops, AgendaStore agendas, Templates templates, Links links) {
    this.pages = pages;
    this.workshops = workshops;
    this.agendas = agendas;
    this.templates = templates;
    this.links = links;
  }

  public void mount(Router router) {
    router.get("/w/:id/runsheet").handler(this::page).failureHandler(pages::errorPage);
  }

  private void page(RoutingContext ctx) {
    UUID workshopId;
    try {
      workshopId = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.notFound");
    }
    if (Pages.keyInQuery(ctx, key -> workshops.checkOrganiser(workshopId, key))) {
      return;
    }
    LocalTime start = start(ctx.request().getParam("start"));
    workshops
        .checkOrganiser(workshopId, Pages.keyCookie(ctx))
        .compose(ok -> workshops.workshop(workshopId))
        .compose(
            found -> {
              WorkshopStore.WorkshopInfo workshop =
                  found.orElseThrow(
                      () -> new Rejection(ErrorCode.NOT_FOUND, "error.workshopNotFound"));
              String lang = Languages.explicit(ctx).orElse(workshop.language());
              return templates
                  .get(workshop.templateId())
                  .compose(
                      template ->
                          workshops
                              .boards(workshopId)
                              .compose(boards -> state(workshop, template, boards, start, lang)))
                  .compose(state -> pages.document(ctx, "runsheet", lang, state));
            })
        .onFailure(ctx::fail);
  }

  private Future<Map<String, Object>> state(
      WorkshopStore.WorkshopInfo workshop,
      Template template,
      List<WorkshopStore.BoardInfo> boards,
      LocalTime start,
      String lang) {
    Map<JsonArray, List<String>> groupsByAgenda = new LinkedHashMap<>();
    List<Map<String, Object>> codes = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (WorkshopStore.BoardInfo board : boards) {
      codes.add(
          Map.of(
              "name", board.name(),
              "joinCode", board.joinCode(),
              "joinUrl", links.join(board.joinCode()),
              "closed", "closed".equals(board.stage())));
      chain =
          chain.compose(
              v ->
                  agendas
                      .agenda(board.id(), workshop.templateId())
                      .map(
                          agenda -> {
                            groupsByAgenda
                                .computeIfAbsent(
                                    agenda.getJsonArray("steps"), k -> new ArrayList<>())
                                .add(board.name());
                            return null;
                          }));
    }
    return chain.map(
        v -> {
          ResourceBundle words = Messages.bundle("i18n/messages", lang);
          List<Map<String, Object>> sheets = new ArrayList<>();
          groupsByAgenda.forEach(
              (steps, groups) ->
                  sheets.add(
                      sheet(steps, groups, template, start, lang, words, groupsByAgenda.size())));
          Map<String, Object> state = new HashMap<>();
          state.put("title", workshop.title());
          state.put("place", workshop.place());
          state.put("date", workshop.date());
          state.put("workshopId", workshop.id().toString());
          state.put("start", start.format(CLOCK));
          state.put("sheets", sheets);
          state.put("codes", codes);
          state.put("workshopCode", workshop.joinCode());
          state.put("workshopUrl", links.group(workshop.joinCode()));
          return state;
        });
  }

  private static Map<String, Object> sheet(
      JsonArray steps,
      List<String> groups,
      Template template,
      LocalTime start,
      String lang,
      ResourceBundle words,
      int sheets) {
    List<Map<String, Object>> rows = new ArrayList<>();
    LocalTime clock = start;
    int total = 0;
    for (int i = 0; i < steps.size(); i++) {
      JsonObject step = steps.getJsonObject(i);
      int minutes = step.getInteger("minutes");
      String phase = step.getString("phase");
      String phaseLabel =
          phase == null
              ? words.getString("agenda.noPhase")
              : template.phases().stream()
                  .filter(p -> p.key().equals(phase))
                  .findFirst()
                  .map(p -> p.label(lang))
                  .orElse(phase);
      String stage = words.getString("stage." + step.getString("stage"));
      String title = step.getString("title");
      Map<String, Object> row = new HashMap<>();
      row.put("n", i + 1);
      row.put("title", title != null ? title : phase != null ? phaseLabel : stage);
      row.put("phase", phaseLabel);
      row.put("stage", stage);
      row.put("minutes", minutes);
      row.put("from", clock.format(CLOCK));
      clock = clock.plusMinutes(minutes);
      row.put("to", clock.format(CLOCK));
      rows.add(row);
      total += minutes;
    }
    Map<String, Object> sheet = new HashMap<>();
    sheet.put("rows", rows);
    sheet.put("total", total);
    sheet.put("end", clock.format(CLOCK));
    sheet.put("groups", sheets > 1 ? String.join(", ", groups) : null);
    return sheet;
  }

  /** {@code HH:mm} from the query; anything else is the default start, 09:00. */
  static LocalTime start(String raw) {
    if (raw == null || raw.length() > 8) {
      return DEFAULT_START;
    }
    try {
      return LocalTime.parse(raw.strip()).withSecond(0).withNano(0);
    } catch (DateTimeParseException e) {
      return DEFAULT_START;
    }
  }
}
