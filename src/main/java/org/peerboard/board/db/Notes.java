package org.peerboard.board.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.Role;

/** Notes between rows, stored events and what a client is shown. */
public final class Notes {
  private Notes() {}

  static Note fromRow(Row row) {
    String[] tags = row.getArrayOfStrings("tags");
    return new Note(
        row.getUUID("id"),
        row.getString("lane"),
        tags == null ? List.of() : Arrays.asList(tags),
        row.getString("text"),
        row.getUUID("author_id"),
        Role.valueOf(row.getString("author_role").toUpperCase(Locale.ROOT)),
        row.getBoolean("hidden"),
        row.getUUID("cluster_id"),
        row.getUUID("duplicate_of"),
        row.getInteger("version"));
  }

  /** The full note as it is kept in the event log, author included (never sent as it is). */
  static JsonObject stored(Note note) {
    return new JsonObject()
        .put("id", note.id().toString())
        .put("lane", note.lane())
        .put("tags", new JsonArray(note.tags()))
        .put("text", note.text())
        .put("version", note.version())
        .put("hidden", note.hidden())
        .put("clusterId", note.clusterId() == null ? null : note.clusterId().toString())
        .put("duplicateOf", note.duplicateOf() == null ? null : note.duplicateOf().toString())
        .put("authorId", note.authorId() == null ? null : note.authorId().toString())
        .put("authorRole", note.authorRole().wire());
  }
}
