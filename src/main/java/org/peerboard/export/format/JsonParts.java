package org.peerboard.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.peerboard.export.model.Cells;
import org.peerboard.export.model.TimingRow;
import org.peerboard.export.model.VoteRound;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.Words;
import org.peerboard.workshop.model.Template;

/**
 * The parts of {@link JsonExport}'s document that are written whole, each from what it is given: a
 * table of rows, the template, a vote round, a run-sheet's timing.
 */
final class JsonParts {
  private JsonParts() {}

  /** The group's run-sheet, planned against actual (docs/export-format.md, timing). */
  static void timing(JsonGenerator json, List<TimingRow> timing) throws IOException {
    json.writeArrayFieldStart("timing");
    for (TimingRow t : timing) {
      json.writeStartObject();
      json.writeNumberField("step", t.step());
      json.writeStringField("title", t.title() == null ? null : Cells.clean(t.title()));
      json.writeStringField("phase", t.phase());
      json.writeStringField("stage", t.stage());
      json.writeNumberField("plannedMinutes", t.plannedMinutes());
      json.writeStringField("startedAt", Rows.time(t.startedAt()));
      json.writeStringField("endedAt", Rows.time(t.endedAt()));
      if (t.actualMinutes() == null) {
        json.writeNullField("actualMinutes");
      } else {
        json.writeNumberField("actualMinutes", t.actualMinutes());
      }
      if (t.notesAdded() == null) {
        json.writeNullField("notesAdded");
        json.writeNullField("posters");
      } else {
        json.writeNumberField("notesAdded", t.notesAdded());
        json.writeNumberField("posters", t.posters());
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** A table as a list of objects keyed by its columns; empty cells are left out. */
  static void table(JsonGenerator json, String name, List<String> columns, List<Object[]> rows)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (Object[] row : rows) {
      json.writeStartObject();
      for (int i = 0; i < columns.size(); i++) {
        Object value = row[i];
        String key = columns.get(i);
        if (value == null) {
          continue;
        }
        if (value instanceof Integer number) {
          json.writeNumberField(key, number);
        } else if (value instanceof Number number) {
          json.writeNumberField(key, number.doubleValue());
        } else if (value instanceof Boolean bool) {
          json.writeBooleanField(key, bool);
        } else if (value instanceof OffsetDateTime time) {
          json.writeStringField(key, Rows.time(time));
        } else {
          json.writeStringField(key, Cells.clean(String.valueOf(value)));
        }
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  static void template(JsonGenerator json, Template t) throws IOException {
    json.writeObjectFieldStart("template");
    json.writeStringField("id", t.id());
    items(json, "phases", t.phases());
    items(json, "dimensions", t.dimensions());
    items(json, "tags", t.tags());
    items(json, "extraLanes", t.extraLanes());
    json.writeEndObject();
  }

  private static void items(JsonGenerator json, String name, List<Template.Item> items)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (Template.Item item : items) {
      json.writeStartObject();
      json.writeStringField("key", item.key());
      json.writeObjectFieldStart("labels");
      for (Map.Entry<String, String> label : new TreeMap<>(item.labels()).entrySet()) {
        json.writeStringField(label.getKey(), label.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /**
   * A round with its proposals by rank; means and medians exact, distributions as {"1": n, …, "5":
   * n}.
   */
  static void round(JsonGenerator json, VoteRound r, Votes votes, String language)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("groupId", id(r.boardId()));
    json.writeStringField("roundId", id(r.id()));
    json.writeNumberField("number", r.number());
    json.writeStringField("kind", r.kind());
    json.writeStringField("lane", r.lane());
    json.writeStringField("openedAt", Rows.time(r.openedAt()));
    json.writeStringField("revealedAt", Rows.time(r.revealedAt()));
    json.writeNumberField("voters", r.voters());
    json.writeBooleanField("anonymous", r.anonymous());
    json.writeBooleanField("comments", r.comments());
    json.writeArrayFieldStart("criteria");
    for (VoteRound.Criterion c : r.criteria()) {
      json.writeStartObject();
      json.writeStringField("key", c.key());
      json.writeStringField("label", Words.criterion(c, language));
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("proposals");
    for (Votes.Ranked ranked : Votes.ranked(r)) {
      VoteRound.Proposal p = ranked.proposal();
      Votes.ProposalText text = votes.text(p.itemId());
      json.writeStartObject();
      json.writeNumberField("rank", ranked.rank());
      json.writeBooleanField("tied", ranked.place().tied());
      json.writeStringField("id", id(p.itemId()));
      json.writeStringField("kind", p.kind());
      json.writeStringField("label", Cells.clean(text.label()));
      json.writeArrayFieldStart("notes");
      for (String note : text.notes()) {
        json.writeString(Cells.clean(note));
      }
      json.writeEndArray();
      json.writeNumberField("voters", p.voters());
      json.writeArrayFieldStart("phases");
      for (String phase : votes.phases(r.id(), p.itemId())) {
        json.writeString(phase);
      }
      json.writeEndArray();
      if (r.dots()) {
        json.writeNumberField("dots", p.dots());
      } else {
        json.writeNumberField("score", ranked.score());
        json.writeObjectFieldStart("criteria");
        for (VoteRound.Criterion c : r.criteria()) {
          int[] d = p.distributions().getOrDefault(c.key(), new int[5]);
          json.writeObjectFieldStart(c.key());
          json.writeNumberField("ballots", Votes.count(d));
          Double mean = Votes.mean(d);
          Double median = Votes.median(d);
          if (mean != null) {
            json.writeNumberField("mean", mean);
            json.writeNumberField("median", median);
            json.writeNumberField("sd", Votes.sd(d));
            json.writeNumberField("agreement", Votes.agreement(d));
          }
          json.writeObjectFieldStart("distribution");
          for (int i = 0; i < d.length; i++) {
            json.writeNumberField(String.valueOf(i + 1), d[i]);
          }
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeArrayFieldStart("comments");
      for (String comment : p.comments()) {
        json.writeString(Cells.clean(comment));
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static String id(UUID id) {
    return id == null ? null : id.toString();
  }
}
