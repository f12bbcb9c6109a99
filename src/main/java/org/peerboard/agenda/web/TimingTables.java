package org.peerboard.agenda.web;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.peerboard.agenda.db.TimingReader;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.Outcome;
import org.peerboard.export.model.TimingRow;
import org.peerboard.i18n.Messages;

/**
 * The printable report's timing table per group: each step as planned and as it ran, clock times in
 * the workshops' zone, and how far the whole session ran over or under its plan. Groups without a
 * run-sheet are left out.
 */
public final class TimingTables {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private TimingTables() {}

  public static Future<List<Map<String, Object>>> of(
      Pool pool, Outcome.WorkshopView workshop, Labels labels, ZoneId zone) {
    List<Map<String, Object>> tables = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Outcome.GroupView group : workshop.groups()) {
      chain =
          chain.compose(
              v ->
                  pool.withConnection(conn -> TimingReader.rows(conn, group.group().id()))
                      .map(
                          rows -> {
                            if (!rows.isEmpty()) {
                              tables.add(table(group.group().name(), rows, labels, zone));
                            }
                            return null;
                          }));
    }
    return chain.map(v -> tables);
  }

  private static Map<String, Object> table(
      String group, List<TimingRow> rows, Labels labels, ZoneId zone) {
    ResourceBundle words = Messages.bundle("i18n/messages", labels.language());
    List<Map<String, Object>> lines = new ArrayList<>();
    int planned = 0;
    BigDecimal actual = BigDecimal.ZERO;
    int plannedOfEnded = 0;
    for (TimingRow row : rows) {
      Map<String, Object> line = new HashMap<>();
      line.put("step", row.step() + 1);
      line.put("title", title(row, labels, words));
      line.put("planned", row.plannedMinutes());
      line.put("start", clock(row.startedAt(), zone));
      line.put("end", clock(row.endedAt(), zone));
      BigDecimal minutes = row.actualMinutes();
      line.put("actual", minutes == null ? "" : minutes.toPlainString());
      line.put("notes", row.notesAdded() == null ? "" : row.notesAdded());
      line.put("posters", row.posters() == null ? "" : row.posters());
      lines.add(line);
      planned += row.plannedMinutes();
      if (minutes != null) {
        actual = actual.add(minutes);
        plannedOfEnded += row.plannedMinutes();
      }
    }
    BigDecimal difference = actual.subtract(BigDecimal.valueOf(plannedOfEnded));
    Map<String, Object> table = new HashMap<>();
    table.put("group", group);
    table.put("rows", lines);
    table.put("planned", planned);
    table.put("actual", actual.toPlainString());
    table.put("difference", (difference.signum() > 0 ? "+" : "") + difference.toPlainString());
    return table;
  }

  /** The step's own title, else its phase's label, else the name of its stage. */
  static String title(TimingRow row, Labels labels, ResourceBundle words) {
    if (row.title() != null) {
      return row.title();
    }
    if (row.phase() != null) {
      return labels.phase(row.phase());
    }
    String key = "stage." + row.stage();
    return words.containsKey(key) ? words.getString(key) : row.stage();
  }

  private static String clock(OffsetDateTime time, ZoneId zone) {
    return time == null ? "" : time.atZoneSameInstant(zone).format(CLOCK);
  }
}
