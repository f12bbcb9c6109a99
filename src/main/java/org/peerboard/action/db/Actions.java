package org.peerboard.action.db;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.peerboard.action.model.Action;
import org.peerboard.action.model.ActionStatus;

/**
 * Actions from their rows and to the JSON of events and snapshots (the one place it is spelled).
 */
public final class Actions {
  private Actions() {}

  public static Action of(Row r) {
    return new Action(
        r.getUUID("id"),
        r.getUUID("board_id"),
        r.getString("title"),
        r.getUUID("from_note_id"),
        r.getUUID("from_cluster_id"),
        r.getString("owner"),
        r.getLocalDate("due"),
        ActionStatus.fromWire(r.getString("status")).orElseThrow(),
        r.getString("next_step"),
        r.getInteger("version"),
        r.getOffsetDateTime("created_at").toInstant(),
        r.getOffsetDateTime("updated_at").toInstant());
  }

  /** The whole action, as events and the snapshot's {@code actions} carry it. */
  public static JsonObject json(Action a) {
    return new JsonObject()
        .put("id", a.id().toString())
        .put("title", a.title())
        .put("fromNoteId", a.fromNoteId() == null ? null : a.fromNoteId().toString())
        .put("fromClusterId", a.fromClusterId() == null ? null : a.fromClusterId().toString())
        .put("owner", a.owner())
        .put("due", a.due() == null ? null : a.due().toString())
        .put("status", a.status().wire())
        .put("nextStep", a.nextStep())
        .put("version", a.version())
        .put("createdAt", a.createdAt().toString())
        .put("updatedAt", a.updatedAt().toString());
  }
}
