package org.peerboard.export.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.peerboard.action.model.PlanRow;
import org.peerboard.action.model.VoteResult;
import org.peerboard.export.model.Cells;

/** The {@code actions} array of the JSON export: every action of the scope (issue 25). */
final class PlanJson {
  private PlanJson() {}

  static void write(JsonGenerator json, List<PlanRow> rows, String language) throws IOException {
    json.writeArrayFieldStart("actions");
    for (PlanRow r : rows) {
      json.writeStartObject();
      json.writeStringField("id", r.actionId().toString());
      json.writeStringField("workshopId", r.workshopId().toString());
      json.writeStringField("workshop", r.workshop());
      json.writeStringField("place", r.place());
      json.writeStringField("date", r.date() == null ? null : r.date().toString());
      json.writeStringField("groupId", r.groupId().toString());
      json.writeStringField("group", r.group());
      json.writeStringField("title", Cells.clean(r.title()));
      json.writeStringField(
          "proposalId", r.proposalId() == null ? null : r.proposalId().toString());
      json.writeStringField("proposal", Cells.clean(r.proposal()));
      VoteResult result = r.result();
      if (result == null) {
        json.writeNullField("voteResult");
      } else {
        json.writeObjectFieldStart("voteResult");
        json.writeNumberField("rank", result.rank());
        json.writeNumberField("of", result.of());
        json.writeStringField("kind", result.dots() ? "dots" : "rating");
        if (result.dots()) {
          json.writeNumberField("dots", result.points());
        } else if (result.mean() != null) {
          json.writeNumberField("score", result.mean());
        }
        json.writeNumberField("voters", result.voters());
        json.writeStringField("text", result.text(language));
        json.writeEndObject();
      }
      json.writeStringField("owner", Cells.clean(r.owner()));
      json.writeStringField("due", r.due() == null ? null : r.due().toString());
      json.writeStringField("status", r.status().wire());
      json.writeStringField("nextStep", Cells.clean(r.nextStep()));
      json.writeStringField("createdAt", Rows.time(r.createdAt()));
      json.writeStringField("updatedAt", Rows.time(r.updatedAt()));
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
