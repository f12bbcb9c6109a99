package org.peerboard.board.db;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.peerboard.board.model.ClusterState;
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
   * The note as the event log keeps it: the author's display name only when the board is not
   * anonymous.
   */
  static Note stored(Note note, Settings settings) {
    return !settings.anonymous() || note.authorName() == null
        ? note
        : new Note(
            note.id(),
            note.lane(),
            note.tags(),
            note.text(),
            note.authorId(),
            note.authorRole(),
            note.hidden(),
            note.clusterId(),
            note.duplicateOf(),
            note.version(),
            note.secret(),
            note.held(),
            null);
  }

  static ClusterState cluster(Row row) {
    return new ClusterState(
        row.getUUID("id"),
        row.getString("lane"),
        row.getString("name"),
        List.of(row.getArrayOfUUIDs("note_ids")),
        row.getInteger("version"));
  }

  static String string(UUID id) {
    return id == null ? null : id.toString();
  }
}
