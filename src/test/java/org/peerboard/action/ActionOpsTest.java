package org.peerboard.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.peerboard.action.PlanBoard.ack;
import static org.peerboard.action.PlanBoard.refused;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.WsClient;

@DisplayName("The action plan over the socket")
class ActionOpsTest {

  @Test
  @DisplayName(
      "an action made from a proposal keeps the link, takes its text as title, starts proposed and"
          + " reaches every socket whole")
  void fromProposal() {
    try (PlanBoard board = new PlanBoard("Plan from a proposal");
        WsClient phone = board.phone()) {
      String actionId = board.action(new JsonObject().put("fromNoteId", board.housingNote));
      JsonObject event = phone.nextEvent("action.created");
      JsonObject action = event.getJsonObject("data").getJsonObject("action");
      assertEquals(actionId, action.getString("id"));
      assertEquals(
          "A housing fund for every young person leaving care at 18", action.getString("title"));
      assertEquals(board.housingNote, action.getString("fromNoteId"));
      assertNull(action.getString("fromClusterId"));
      assertEquals("proposed", action.getString("status"));
      assertNotNull(action.getString("createdAt"));
      JsonObject stored = board.actionNamed(board.moderatorKey, actionId);
      assertEquals(action.getString("title"), stored.getString("title"));
      // the participant's snapshot holds the plan too
      assertTrue(phone.welcome().getJsonObject("board").getJsonArray("actions").isEmpty());
    }
  }

  @Test
  @DisplayName(
      "an action from a revealed result line (a cluster) takes the cluster's name; the fields given"
          + " are kept")
  void fromResultLine() {
    try (PlanBoard board = new PlanBoard("Plan from a result")) {
      String actionId =
          board.action(
              new JsonObject()
                  .put("fromClusterId", board.clusterId)
                  .put("owner", "Social services of Prato")
                  .put("due", "2026-03-31")
                  .put("status", "agreed")
                  .put("nextStep", "Ask the region for a budget line"));
      JsonObject action = board.actionNamed(board.moderatorKey, actionId);
      assertEquals("Mentoring", action.getString("title"));
      assertEquals(board.clusterId, action.getString("fromClusterId"));
      assertEquals("Social services of Prato", action.getString("owner"));
      assertEquals("2026-03-31", action.getString("due"));
      assertEquals("agreed", action.getString("status"));
      assertEquals("Ask the region for a budget line", action.getString("nextStep"));
      // a given title wins over the proposal's text
      String own =
          board.action(
              new JsonObject().put("fromClusterId", board.clusterId).put("title", "Mentors at 16"));
      assertEquals("Mentors at 16", board.actionNamed(board.moderatorKey, own).getString("title"));
    }
  }

  @Test
  @DisplayName(
      "updates change only the fields given, clear with null, and travel as action.updated; delete"
          + " sends the whole action")
  void updatesAndDelete() {
    try (PlanBoard board = new PlanBoard("Plan updates")) {
      String actionId =
          board.action(
              new JsonObject()
                  .put("title", "Write to the region")
                  .put("owner", "Coordinators")
                  .put("due", "2026-01-15"));
      JsonObject ack =
          ack(
              board.moderator,
              "action.update",
              new JsonObject()
                  .put("actionId", actionId)
                  .put("status", "in_progress")
                  .putNull("owner")
                  .put("nextStep", "Draft the letter"));
      assertEquals(actionId, ack.getJsonObject("result").getString("actionId"));
      JsonObject updated =
          board.moderator.nextEvent("action.updated").getJsonObject("data").getJsonObject("action");
      assertEquals("in_progress", updated.getString("status"));
      assertNull(updated.getString("owner"));
      assertEquals("2026-01-15", updated.getString("due"));
      assertEquals("Write to the region", updated.getString("title"));
      assertEquals("Draft the letter", updated.getString("nextStep"));
      assertEquals(2, updated.getInteger("version"));
      // a stale version is a conflict and changes nothing
      assertEquals(
          "conflict",
          refused(
              board.moderator,
              "action.update",
              new JsonObject().put("actionId", actionId).put("status", "done").put("version", 1)));
      assertEquals(
          "in_progress", board.actionNamed(board.moderatorKey, actionId).getString("status"));
      ack(board.moderator, "action.delete", new JsonObject().put("actionId", actionId));
      JsonObject deleted =
          board.moderator.nextEvent("action.deleted").getJsonObject("data").getJsonObject("action");
      assertEquals("Write to the region", deleted.getString("title"));
      assertNull(board.actionNamed(board.moderatorKey, actionId));
      assertEquals(
          "not_found",
          refused(board.moderator, "action.delete", new JsonObject().put("actionId", actionId)));
    }
  }

  @Test
  @DisplayName(
      "bad input is invalid, unknown or other boards' ids not_found, and participants and the"
          + " projector forbidden; nothing changes")
  void badInputAndRoles() {
    try (PlanBoard board = new PlanBoard("Plan attacks");
        PlanBoard other = new PlanBoard("Another workshop");
        WsClient phone = board.phone();
        WsClient projector = WsClient.hello(board.port, board.id, board.projectorKey, null)) {
      WsClient m = board.moderator;
      for (JsonObject bad :
          List.of(
              new JsonObject(),
              new JsonObject().put("title", ""),
              new JsonObject().put("title", "x".repeat(201)),
              new JsonObject().put("title", "\u200B\u200B"),
              new JsonObject().put("title", 42),
              new JsonObject().put("title", "T").put("owner", "o".repeat(121)),
              new JsonObject().put("title", "T").put("nextStep", "n".repeat(501)),
              new JsonObject().put("title", "T").put("due", "tomorrow"),
              new JsonObject().put("title", "T").put("due", "2026-02-30"),
              new JsonObject().put("title", "T").put("due", "2026-2-3"),
              new JsonObject().put("title", "T").put("due", 20260203),
              new JsonObject().put("title", "T").put("status", "finished"),
              new JsonObject().put("title", "T").put("fromNoteId", "not-a-uuid"),
              new JsonObject()
                  .put("fromNoteId", board.housingNote)
                  .put("fromClusterId", board.clusterId))) {
        assertEquals("invalid", refused(m, "action.create", bad), bad.encode());
      }
      assertEquals(
          "not_found",
          refused(m, "action.create", new JsonObject().put("fromNoteId", other.housingNote)));
      assertEquals(
          "not_found",
          refused(m, "action.create", new JsonObject().put("fromClusterId", other.clusterId)));
      String otherAction = other.action(new JsonObject().put("title", "Theirs"));
      assertEquals(
          "not_found",
          refused(
              m,
              "action.update",
              new JsonObject().put("actionId", otherAction).put("status", "done")));
      assertEquals(
          "not_found",
          refused(
              m,
              "action.update",
              new JsonObject().put("actionId", UUID.randomUUID().toString()).put("title", "X")));
      assertEquals(
          "not_found", refused(m, "action.delete", new JsonObject().put("actionId", otherAction)));
      String mine = board.action(new JsonObject().put("title", "Ours"));
      assertEquals(
          "invalid",
          refused(m, "action.update", new JsonObject().put("actionId", mine)),
          "an update that changes nothing");
      assertEquals(
          "invalid",
          refused(m, "action.update", new JsonObject().put("actionId", mine).put("title", "")));
      assertEquals(
          "invalid",
          refused(
              m, "action.update", new JsonObject().put("actionId", mine).put("due", "31/12/2026")));
      for (WsClient outsider : List.of(phone, projector)) {
        assertEquals(
            "forbidden", refused(outsider, "action.create", new JsonObject().put("title", "Mine")));
        assertEquals(
            "forbidden",
            refused(
                outsider,
                "action.update",
                new JsonObject().put("actionId", mine).put("status", "done")));
        assertEquals(
            "forbidden",
            refused(outsider, "action.delete", new JsonObject().put("actionId", mine)));
      }
      JsonObject kept = board.actionNamed(board.moderatorKey, mine);
      assertEquals("proposed", kept.getString("status"));
      assertEquals(1, kept.getInteger("version"));
      assertEquals(List.of("Ours"), PlanBoard.titles(board.actions(board.moderatorKey)));
      assertEquals(List.of("Theirs"), PlanBoard.titles(other.actions(other.moderatorKey)));
    }
  }

  @Test
  @DisplayName("the organiser key may plan on every board of its workshop")
  void organiserPlans() {
    try (PlanBoard board = new PlanBoard("Plan by the organiser");
        WsClient organiser = WsClient.hello(board.port, board.id, board.organiserKey(), null)) {
      String actionId =
          ack(organiser, "action.create", new JsonObject().put("title", "Tell the council"))
              .getJsonObject("result")
              .getString("actionId");
      assertTrue(board.actionNamed(board.moderatorKey, actionId) != null);
      assertFalse(board.actions(board.person.token()).isEmpty(), "participants see the plan");
    }
  }
}
