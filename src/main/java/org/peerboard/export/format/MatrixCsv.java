package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.Matrix;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.WorkshopFacts;

/**
 * The phase x dimension counts per group and per tag, one row per group and lane (the comparison
 * download).
 */
public final class MatrixCsv implements ExportSink {
  private final OutputStream out;
  private final String language;
  private final boolean keyHeaders;
  private final Matrix matrix = new Matrix();
  private final Map<UUID, WorkshopFacts> workshops = new HashMap<>();
  private final Map<UUID, Group> groups = new HashMap<>();
  private final Map<UUID, Labels> labels = new HashMap<>();
  private WorkshopFacts workshop;
  private Labels current;

  public MatrixCsv(OutputStream out, String language, boolean keyHeaders) {
    this.out = out;
    this.language = language;
    this.keyHeaders = keyHeaders;
  }

  @Override
  public void workshop(WorkshopFacts workshop, Labels labels) {
    this.workshop = workshop;
    this.current = labels;
    workshops.put(workshop.id(), workshop);
    this.labels.put(workshop.id(), labels);
  }

  @Override
  public void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    groups.put(group.id(), group);
    matrix.group(workshop.id(), group.id(), current.template());
  }

  @Override
  public void notes(List<ExportNote> page) {
    page.forEach(matrix::add);
  }

  @Override
  public void finish() {
    List<String> tagKeys = new ArrayList<>();
    labels
        .values()
        .forEach(
            l ->
                l.template()
                    .tags()
                    .forEach(
                        t -> {
                          if (!tagKeys.contains(t.key())) {
                            tagKeys.add(t.key());
                          }
                        }));
    Labels first = labels.values().iterator().next();
    List<String> headers = new ArrayList<>(Columns.headers(Columns.MATRIX, language, keyHeaders));
    tagKeys.forEach(t -> headers.add(keyHeaders ? "tag_" + t : first.tag(t)));
    headers.add(keyHeaders ? "untagged" : Columns.label("export.col.untagged", language));
    headers.add(keyHeaders ? "not_shown" : Columns.label("export.col.not_shown", language));
    CsvSink csv =
        new CsvSink(out, headers) {
          @Override
          public void workshop(WorkshopFacts w, Labels l) {}
        };
    for (Matrix.Cell cell : matrix.cells()) {
      csv.row(
          MatrixRows.cells(
                  cell,
                  workshops.get(cell.workshopId()),
                  groups.get(cell.boardId()),
                  labels.get(cell.workshopId()),
                  tagKeys)
              .toArray());
    }
    csv.finish();
  }
}
