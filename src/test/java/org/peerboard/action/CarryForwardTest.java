package org.peerboard.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerboard.action.PlanBoard.ack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.SharedDb;

@DisplayName("Carrying a workshop's actions or improvements into the next one")
class CarryForwardTest {

  private static JsonObject request(String title, JsonObject carry) {
    return new JsonObject()
        .put("title", title)
        .put("language", "en")
        .put("groups", new JsonArray().add("One").add("Two"))
        .put("carry", carry);
  }

  private static JsonObject carry(PlanBoard from, String what, JsonArray keys) {
    JsonObject carry =
        new JsonObject()
            .put("workshopIds", new JsonArray().add(from.workshop.id()))
            .put("what", what);
    return keys == null ? carry : carry.put("keys", keys);
  }

  private static List<String> improvements(Api api, JsonObject board) {
    List<String> texts = new ArrayList<>();
    api.get("/api/boards/" + board.getString("id"), board.getString("moderatorKey"))
        .json()
        .getJsonArray("notes")
        .forEach(
            n -> {
              JsonObject note = (JsonObject) n;
              if ("improvements".equals(note.getString("lane"))) {
                texts.add(note.getString("text"));
              }
            });
    return texts;
  }

  @Test
  @DisplayName(
      "the new boards start with the open actions as notes in the improvements lane, marked with"
          + " workshop, group, result and status")
  void openActions() {
    try (PlanBoard from = new PlanBoard("Spring session", "Foster")) {
      from.action(
          new JsonObject().put("fromNoteId", from.housingNote).put("status", "in_progress"));
      from.action(new JsonObject().put("title", "Train the educators").put("status", "agreed"));
      from.action(new JsonObject().put("title", "Already done").put("status", "done"));
      from.action(new JsonObject().put("title", "Given up").put("status", "dropped"));
      Api.Response made =
          from.api.post(
              "/api/workshops",
              request(
                  "Autumn session",
                  carry(from, "actions", new JsonArray().add(from.organiserKey()))));
      assertEquals(201, made.status(), made.body());
      Api.Workshop next = new Api.Workshop(made.json());
      for (int i = 0; i < 2; i++) {
        assertEquals(
            List.of(
                "A housing fund for every young person leaving care at 18", "Train the educators"),
            improvements(from.api, next.board(i)));
      }
      JsonObject snapshot =
          from.api
              .get(
                  "/api/boards/" + next.board(0).getString("id"),
                  next.board(0).getString("projectorKey"))
              .json();
      JsonArray carried = snapshot.getJsonArray("carried");
      assertEquals(2, carried.size());
      JsonObject first = carried.getJsonObject(0);
      assertEquals("action", first.getString("kind"));
      assertEquals("Spring session", first.getString("workshop"));
      assertEquals("Foster", first.getString("group"));
      assertEquals("in_progress", first.getString("status"));
      assertEquals("rank 1 of 3 · 3 dots · 1 voter", first.getString("result"));
      assertEquals(
          snapshot.getJsonArray("notes").getJsonObject(0).getString("id"),
          first.getString("noteId"));
      assertEquals("agreed", carried.getJsonObject(1).getString("status"));
      assertEquals(3, snapshot.getLong("seq"), "each carried note is in the history");
      assertEquals(
          "where",
          snapshot.getJsonObject("settings").getString("view"),
          "the projector opens on Where we are");
    }
  }

  @Test
  @DisplayName("improvements: the revealed top proposals of each group, with their results")
  void topImprovements() {
    try (PlanBoard from = new PlanBoard("Consultation 1")) {
      Api.Response made =
          from.api.post(
              "/api/workshops",
              request(
                  "Consultation 2",
                  carry(from, "improvements", new JsonArray().add(from.organiserKey()))));
      assertEquals(201, made.status(), made.body());
      Api.Workshop next = new Api.Workshop(made.json());
      assertEquals(
          List.of(
              "A housing fund for every young person leaving care at 18",
              "Mentoring",
              "One contact person across services"),
          improvements(from.api, next.board(1)));
      JsonArray carried =
          from.api
              .get(
                  "/api/boards/" + next.board(1).getString("id"),
                  next.board(1).getString("moderatorKey"))
              .json()
              .getJsonArray("carried");
      assertEquals("improvement", carried.getJsonObject(1).getString("kind"));
      assertEquals("rank 2 of 3 · 2 dots · 1 voter", carried.getJsonObject(1).getString("result"));
    }
  }

  @Test
  @DisplayName(
      "without the organiser key of every workshop it is 403, a bad carry 400, and nothing is made")
  void keysAndShape() {
    try (PlanBoard from = new PlanBoard("Guarded session");
        PlanBoard other = new PlanBoard("Someone else's")) {
      from.action(new JsonObject().put("title", "Secret plan"));
      Api api = from.api;
      for (JsonArray keys :
          new JsonArray[] {
            null,
            new JsonArray(),
            new JsonArray().add(from.moderatorKey),
            new JsonArray().add(other.organiserKey()),
            new JsonArray().add(from.person.token())
          }) {
        Api.Response refused =
            api.post("/api/workshops", request("Thief", carry(from, "actions", keys)));
        assertEquals(403, refused.status(), String.valueOf(keys));
        assertEquals("forbidden", refused.errorCode());
      }
      JsonObject two =
          new JsonObject()
              .put("workshopIds", new JsonArray().add(from.workshop.id()).add(other.workshop.id()))
              .put("what", "actions")
              .put("keys", new JsonArray().add(from.organiserKey()));
      assertEquals(403, api.post("/api/workshops", request("Half keys", two)).status());
      two.put("keys", new JsonArray().add(other.organiserKey()).add(from.organiserKey()));
      assertEquals(201, api.post("/api/workshops", request("Both keys", two)).status());
      for (JsonObject bad :
          List.of(
              new JsonObject().put("what", "actions"),
              new JsonObject().put("workshopIds", new JsonArray()).put("what", "actions"),
              new JsonObject()
                  .put("workshopIds", new JsonArray().add("nope"))
                  .put("what", "actions"),
              carry(from, "everything", new JsonArray().add(from.organiserKey())),
              carry(from, "actions", null).put("keys", "one key"))) {
        Api.Response refused = api.post("/api/workshops", request("Bad", bad));
        assertEquals(400, refused.status(), bad.encode());
        assertEquals("invalid", refused.errorCode());
      }
      assertEquals(
          400,
          api.post("/api/workshops", new JsonObject().put("title", "x").put("carry", "all"))
              .status());
      ack(
          from.moderator,
          "action.update",
          new JsonObject()
              .put("actionId", from.actions(from.moderatorKey).getJsonObject(0).getString("id"))
              .put("status", "done"));
      Api.Response none =
          api.post(
              "/api/workshops",
              request(
                  "Nothing open",
                  carry(from, "actions", new JsonArray().add(from.organiserKey()))));
      assertEquals(201, none.status());
      assertTrue(improvements(api, new Api.Workshop(none.json()).board(0)).isEmpty());
    }
  }

  @Test
  @DisplayName(
      "when a carried note cannot be stored, the request fails and no workshop is made; sent again,"
          + " it makes the workshop whole")
  void aFailedPlantingMakesNothing() throws SQLException {
    try (PlanBoard from = new PlanBoard("Winter session")) {
      from.action(new JsonObject().put("title", "Train the educators").put("status", "agreed"));
      from.action(new JsonObject().put("title", REFUSED).put("status", "proposed"));
      String title = "Spring follow-up " + UUID.randomUUID();
      JsonObject body =
          request(title, carry(from, "actions", new JsonArray().add(from.organiserKey())));
      // the database refuses the second carried note, after the first board's first one went in
      SharedDb.execute(
          """
          create function pb_test_refuse_carried() returns trigger language plpgsql as $$
          begin
            if new.text = '%s' then
              raise exception 'refused by CarryForwardTest';
            end if;
            return new;
          end $$;
          create trigger pb_test_refuse_carried before insert on note
            for each row execute function pb_test_refuse_carried();"""
              .formatted(REFUSED));
      Api.Response failed;
      try {
        failed = from.api.post("/api/workshops", body);
      } finally {
        SharedDb.execute(
            "drop trigger pb_test_refuse_carried on note; drop function pb_test_refuse_carried();");
      }
      assertTrue(failed.status() >= 500, failed.status() + " " + failed.body());
      assertEquals(0, workshopsTitled(title), "the half-made workshop is taken back");

      Api.Response made = from.api.post("/api/workshops", body);
      assertEquals(201, made.status(), made.body());
      assertEquals(1, workshopsTitled(title));
      Api.Workshop next = new Api.Workshop(made.json());
      for (int i = 0; i < 2; i++) {
        assertEquals(
            List.of("Train the educators", REFUSED), improvements(from.api, next.board(i)));
      }
    }
  }

  private static final String REFUSED = "Refused once by the database";

  private static int workshopsTitled(String title) throws SQLException {
    try (Connection db = SharedDb.connect();
        PreparedStatement st =
            db.prepareStatement("select count(*) from workshop where title = ?")) {
      st.setString(1, title);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
