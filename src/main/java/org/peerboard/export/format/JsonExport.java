package org.peerboard.export.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peerboard.action.model.PlanRow;
import org.peerboard.export.model.Cells;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Codebook;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportMeta;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.ExportScope;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.HistoryRow;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.TimingRow;
import org.peerboard.export.model.VoteRound;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.Words;
import org.peerboard.export.model.WorkshopFacts;
import org.peerboard.workshop.model.Notice;

/**
 * The whole workshop (or board, or study) as one JSON document, schema version 3
 * (docs/export-format.md): version 2 replaced the flat {@code votes} list by {@code voteRounds},
 * one object per revealed round with its proposals; version 3 added {@code meta}, {@code ballots},
 * {@code comments}, {@code participants} and {@code codebook}. Times are UTC.
 */
public final class JsonExport implements ExportSink {
  public static final int SCHEMA_VERSION = ExportMeta.SCHEMA_VERSION;
  private static final JsonFactory FACTORY = new JsonFactory();

  private final JsonGenerator json;
  private final ExportScope scope;
  private boolean inWorkshop;
  private boolean inNotes;
  private boolean inHistory;
  private Votes votes = Votes.NONE;
  private ExportStart begun;
  private WorkshopFacts workshop;
  private final List<Object[]> participants = new ArrayList<>();
  private final List<Object[]> ballots = new ArrayList<>();
  private final List<Object[]> comments = new ArrayList<>();
  private List<Notice> notices = List.of();
  private List<PlanRow> actions = List.of();
  private List<TimingRow> timing = List.of();

  public JsonExport(OutputStream out, ExportScope scope) {
    this.scope = scope;
    try {
      json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void start(ExportStart start) {
    write(
        () -> {
          ExportMeta meta = start.meta();
          begun = start;
          json.writeStartObject();
          json.writeNumberField("schemaVersion", SCHEMA_VERSION);
          json.writeStringField("exportedAt", meta.exportedAt().toString());
          json.writeStringField("scope", meta.scopeKey());
          json.writeStringField("language", scope.language());
          if (scope.studyName() != null) {
            json.writeStringField("study", scope.studyName());
          }
          json.writeObjectFieldStart("meta");
          json.writeStringField("exportedAt", meta.exportedAt().toString());
          json.writeStringField("version", meta.version());
          json.writeNumberField("schemaVersion", meta.schemaVersion());
          json.writeStringField("scope", meta.scopeKey());
          json.writeStringField("scopeName", meta.scopeName());
          json.writeStringField("language", meta.language());
          json.writeStringField("timeZone", "UTC");
          json.writeEndObject();
          this.votes = start.votes();
          json.writeArrayFieldStart("voteRounds");
          for (VoteRound round : votes.rounds()) {
            JsonParts.round(json, round, votes, scope.language());
          }
          json.writeEndArray();
          json.writeArrayFieldStart("workshops");
        });
  }

  @Override
  public void workshop(WorkshopFacts w, Labels labels) {
    this.workshop = w;
    write(
        () -> {
          json.writeStartObject();
          json.writeStringField("id", w.id().toString());
          json.writeStringField("title", w.title());
          json.writeStringField("place", w.place());
          json.writeStringField("date", w.date());
          json.writeStringField("language", w.language());
          json.writeStringField("createdAt", Rows.time(w.createdAt()));
          JsonParts.template(json, labels.template());
          json.writeArrayFieldStart("groups");
          inWorkshop = true;
        });
  }

  /** Kept until the workshop's object closes, after its groups. */
  @Override
  public void notices(List<Notice> given) {
    notices = given;
  }

  @Override
  public void group(Group g, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    write(
        () -> {
          json.writeStartObject();
          json.writeStringField("id", g.id().toString());
          json.writeStringField("name", g.name());
          json.writeNumberField("position", g.position());
          json.writeStringField("stage", g.stage());
          json.writeBooleanField("anonymous", g.anonymous());
          for (ParticipantRow p : participants) {
            this.participants.add(Rows.participant(workshop, g, p, scope.language()));
          }
          ballots.addAll(Rows.ballots(workshop, g, votes, scope.language()));
          comments.addAll(Rows.comments(workshop, g, votes));
          json.writeArrayFieldStart("participants");
          for (ParticipantRow p : participants) {
            json.writeStartObject();
            json.writeStringField("pseudonym", p.pseudonym());
            json.writeStringField("profession", p.profession());
            json.writeStringField(
                "professionLabel", Words.profession(p.profession(), scope.language()));
            json.writeBooleanField("removed", p.removed());
            json.writeStringField("joinedAt", Rows.time(p.joinedAt()));
            json.writeStringField("consentedAt", Rows.time(p.consentedAt()));
            json.writeStringField("noticeVersion", p.noticeVersion());
            json.writeStringField("withdrawnAt", Rows.time(p.withdrawnAt()));
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayFieldStart("clusters");
          for (ClusterRow c : clusters) {
            json.writeStartObject();
            json.writeStringField("id", c.id().toString());
            json.writeStringField("lane", c.lane());
            json.writeStringField("name", Cells.clean(c.name()));
            json.writeNumberField("notes", c.notes());
            json.writeStringField("createdAt", Rows.time(c.createdAt()));
            json.writeStringField("updatedAt", Rows.time(c.updatedAt()));
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeArrayFieldStart("notes");
          inNotes = true;
        });
  }

  @Override
  public void notes(List<ExportNote> page) {
    write(
        () -> {
          for (ExportNote n : page) {
            json.writeStartObject();
            json.writeStringField("id", n.id().toString());
            json.writeStringField("lane", n.lane());
            json.writeStringField("phase", n.phase());
            json.writeStringField("dimension", n.dimension());
            json.writeArrayFieldStart("tags");
            for (String tag : n.tags()) {
              json.writeString(tag);
            }
            json.writeEndArray();
            json.writeStringField("clusterId", Rows.id(n.clusterId()));
            json.writeStringField("duplicateOf", Rows.id(n.duplicateOf()));
            json.writeBooleanField("hidden", n.hidden());
            json.writeBooleanField("held", n.held());
            json.writeBooleanField("edited", n.edited());
            json.writeBooleanField("redacted", n.redacted());
            json.writeStringField("text", Cells.clean(n.text()));
            json.writeStringField("author", n.author().isEmpty() ? null : n.author());
            json.writeStringField("authorKey", ParticipantRow.key(n.boardId(), n.author()));
            json.writeStringField("authorProfession", n.authorProfession());
            json.writeStringField(
                "authorProfessionLabel", Words.profession(n.authorProfession(), scope.language()));
            json.writeStringField("authorRole", n.authorRole());
            json.writeStringField("createdAt", Rows.time(n.createdAt()));
            json.writeStringField("updatedAt", Rows.time(n.updatedAt()));
            json.writeStringField("proposalId", id(votes.proposalOf(n.id(), n.clusterId())));
            json.writeNumberField("reactions", n.reactions());
            // the column's name, as in CSV and XLSX (issue 23)
            if (n.reactionShare() == null) {
              json.writeNullField("reaction_share");
            } else {
              json.writeNumberField("reaction_share", n.reactionShare());
            }
            json.writeEndObject();
          }
        });
  }

  @Override
  public void history(List<HistoryRow> page) {
    write(
        () -> {
          openHistory();
          for (HistoryRow h : page) {
            json.writeStartObject();
            json.writeNumberField("seq", h.seq());
            json.writeStringField("at", Rows.time(h.at()));
            json.writeStringField("event", h.event());
            json.writeStringField("actorRole", h.actorRole());
            json.writeStringField("actor", h.actor().isEmpty() ? null : h.actor());
            json.writeStringField("noteId", Rows.id(h.noteId()));
            json.writeBooleanField("undone", h.undone());
            if (h.reactions() != null) {
              json.writeNumberField("reactions", h.reactions());
            }
            json.writeEndObject();
          }
        });
  }

  @Override
  public void timing(List<TimingRow> rows) {
    timing = rows;
  }

  @Override
  public boolean wantsTiming() {
    return true;
  }

  @Override
  public void endGroup() {
    write(
        () -> {
          openHistory();
          json.writeEndArray();
          inHistory = false;
          JsonParts.timing(json, timing);
          timing = List.of();
          json.writeEndObject();
        });
  }

  @Override
  public void endWorkshop() {
    write(
        () -> {
          json.writeEndArray();
          json.writeArrayFieldStart("notices");
          for (Notice n : notices) {
            json.writeStartObject();
            json.writeStringField("version", n.version());
            json.writeStringField("language", n.language());
            json.writeStringField("text", n.text());
            json.writeEndObject();
          }
          json.writeEndArray();
          notices = List.of();
          json.writeEndObject();
          inWorkshop = false;
        });
  }

  /**
   * After the workshops: the flat tables (participants, anonymised ballots, one comment per
   * element) with the codebook's column keys, and the codebook itself.
   */
  @Override
  public void actions(List<PlanRow> rows) {
    this.actions = rows;
  }

  @Override
  public void finish() {
    write(
        () -> {
          json.writeEndArray();
          JsonParts.table(json, "participants", Columns.PARTICIPANTS, participants);
          JsonParts.table(json, "ballots", Columns.BALLOTS, ballots);
          JsonParts.table(json, "comments", Columns.COMMENTS, comments);
          PlanJson.write(json, actions, scope.language());
          json.writeArrayFieldStart("codebook");
          Codebook book =
              new Codebook(begun.labels().template(), scope.language(), begun.meta().zone());
          for (Object[] row : book.rows(begun.meta())) {
            json.writeStartObject();
            for (int i = 0; i < Columns.CODEBOOK.size(); i++) {
              if (row[i] != null) {
                json.writeStringField(Columns.CODEBOOK.get(i), String.valueOf(row[i]));
              }
            }
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
          json.close();
        });
  }

  @Override
  public boolean wantsHistory() {
    return true;
  }

  private void openHistory() throws IOException {
    if (inNotes) {
      json.writeEndArray();
      inNotes = false;
      json.writeArrayFieldStart("history");
      inHistory = true;
    }
  }

  private static String id(UUID id) {
    return id == null ? null : id.toString();
  }

  private interface Step {
    void run() throws IOException;
  }

  private void write(Step step) {
    try {
      step.run();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
