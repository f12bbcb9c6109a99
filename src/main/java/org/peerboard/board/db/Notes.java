package org.peerboard.board.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Settings;

/** Notes and clusters between rows, stored events and what a client is shown. */
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
        row.getInteger("version"),
        row.getBoolean("secret"),
        row.getBoolean("held"),
        row.getString("author_name"));
  }

  static List<Note> all(RowSet<Row> rows) {
    List<Note> notes = new ArrayList<>(rows.size());
    rows.forEach(row -> notes.add(fromRow(row)));
    return notes;
  }

  /**
   * The full note as it is kept in the event log, author included (never sent as it is). The author's display
   * name is kept only when the board is not anonymous.
   */
  static JsonObject stored(Note note, Settings settings) {
    return new JsonObject()
        .put("id", note.id().toString())
        .put("lane", note.lane())
        .put("tags", new JsonArray(note.tags()))
        .put("text", note.text())
        .put("version", note.version())
        .put("hidden", note.hidden())
        .put("held", note.held())
        .put("secret", note.secret())
        .put("clusterId", string(note.clusterId()))
        .put("duplicateOf", string(note.duplicateOf()))
        .put("authorId", string(note.authorId()))
        .put("authorRole", note.authorRole().wire())
        .put("authorName", settings.anonymous() ? null : note.authorName());
  }

  static JsonObject cluster(Row row) {
    JsonArray noteIds = new JsonArray();
    for (UUID id : row.getArrayOfUUIDs("note_ids")) {
      noteIds.add(id.toString());
    }
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("lane", row.getString("lane"))
        .put("name", row.getString("name"))
        .put("noteIds", noteIds)
        .put("version", row.getInteger("version"));
  }

  static String string(UUID id) {
    return id == null ? null : id.toString();
  }
}
