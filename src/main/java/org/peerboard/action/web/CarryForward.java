package org.peerboard.action.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peerboard.action.db.Carried;
import org.peerboard.action.model.CarriedItem;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Settings;
import org.peerboard.workshop.model.CreatedBoard;

/**
 * {@code carry} on {@code POST /api/workshops}: {@code {"workshopIds": [...], "what":
 * "actions"|"improvements", "keys": [organiser keys]}}. Checked before anything is made (a workshop
 * whose organiser key is not among {@code keys} is {@code 403}); once the new workshop exists, each
 * of its boards gets the carried items as notes in its improvements lane, added as the organiser
 * (so they are in the history), and marked with their origin.
 */
public final class CarryForward {
  static final int MAX_WORKSHOPS = 20;
  static final int MAX_KEYS = 40;

  /** Notes one board starts with at most: the first ones in plan order. */
  public static final int MAX_ITEMS = 60;

  private final Carried carried;
  private final BoardStore boards;

  public CarryForward(Carried carried, BoardStore boards) {
    this.carried = carried;
    this.boards = boards;
  }

  /** What a checked request will plant once the workshop is made. */
  public record Plan(List<CarriedItem> items) {
    public static final Plan NONE = new Plan(List.of());
  }

  /**
   * Reads and checks the body's {@code carry}; {@link Plan#NONE} without one. Bad shape: {@code
   * invalid}; a workshop without its key: {@code forbidden}.
   */
  public Future<Plan> check(JsonObject body) {
    Object raw = body.getValue("carry");
    if (raw == null) {
      return Future.succeededFuture(Plan.NONE);
    }
    if (!(raw instanceof JsonObject carry)) {
      throw invalid();
    }
    List<UUID> workshopIds = ids(carry.getValue("workshopIds"));
    Object what = carry.getValue("what");
    if (!"actions".equals(what) && !"improvements".equals(what)) {
      throw invalid();
    }
    Object keys = carry.containsKey("keys") ? carry.getValue("keys") : body.getValue("keys");
    List<String> given = keys(keys);
    String language = "it".equals(body.getValue("language")) ? "it" : "en";
    return carried
        .authorised(workshopIds, given)
        .compose(
            ok -> {
              if (!ok) {
                throw new Rejection(ErrorCode.FORBIDDEN, "error.carryForbidden");
              }
              return "actions".equals(what)
                  ? carried.openActions(workshopIds, language)
                  : carried.topImprovements(workshopIds, language);
            })
        .map(items -> new Plan(items.size() > MAX_ITEMS ? items.subList(0, MAX_ITEMS) : items));
  }

  /** Adds the plan's notes to every new board and marks them carried. */
  public Future<Void> plant(Plan plan, List<CreatedBoard> created) {
    Future<Void> chain = Future.succeededFuture();
    if (plan.items().isEmpty()) {
      return chain;
    }
    for (CreatedBoard board : created) {
      chain = chain.compose(v -> plant(plan.items(), board.id()));
    }
    return chain;
  }

  private Future<Void> plant(List<CarriedItem> items, UUID boardId) {
    return carried
        .lane(boardId)
        .compose(
            lane -> {
              if (lane == null) {
                return Future.succeededFuture();
              }
              Actor organiser = new Actor(boardId, Role.ORGANISER, null);
              List<UUID> noteIds = new ArrayList<>();
              Future<Void> chain = Future.succeededFuture();
              for (CarriedItem item : items) {
                UUID noteId = UUID.randomUUID();
                noteIds.add(noteId);
                chain =
                    chain.compose(
                        v ->
                            boards
                                .apply(
                                    organiser,
                                    null,
                                    UUID.randomUUID(),
                                    new Op.NoteAdd(noteId, lane, List.of(), item.text()))
                                .mapEmpty());
              }
              // the new session's projector opens on "Where we are"; the moderator moves on from it
              return chain
                  .compose(v -> carried.mark(boardId, noteIds, items))
                  .compose(
                      v ->
                          boards
                              .apply(
                                  organiser,
                                  null,
                                  UUID.randomUUID(),
                                  new Op.BoardSettings(
                                      new Settings.Patch(
                                          null, null, null, null, "where", null, null, false, null,
                                          null)))
                              .mapEmpty());
            });
  }

  private static List<UUID> ids(Object raw) {
    if (!(raw instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_WORKSHOPS) {
      throw invalid();
    }
    List<UUID> ids = new ArrayList<>();
    for (Object o : array) {
      if (!(o instanceof String s) || s.length() != 36) {
        throw invalid();
      }
      try {
        UUID id = UUID.fromString(s);
        if (!ids.contains(id)) {
          ids.add(id);
        }
      } catch (IllegalArgumentException e) {
        throw invalid();
      }
    }
    return ids;
  }

  /** Keys as a list, or as an object from workshop id to key; none given is no key. */
  private static List<String> keys(Object raw) {
    List<Object> values =
        raw == null
            ? List.of()
            : raw instanceof JsonArray array
                ? array.getList()
                : raw instanceof JsonObject map ? new ArrayList<>(map.getMap().values()) : null;
    if (values == null || values.size() > MAX_KEYS) {
      throw invalid();
    }
    List<String> keys = new ArrayList<>();
    for (Object v : values) {
      if (!(v instanceof String s)) {
        throw invalid();
      }
      keys.add(s);
    }
    return keys;
  }

  private static Rejection invalid() {
    return new Rejection(ErrorCode.INVALID, "error.carryInvalid");
  }
}
