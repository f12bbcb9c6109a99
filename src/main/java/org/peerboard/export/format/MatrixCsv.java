package org.peerboard.export.format;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.Matrix;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.WorkshopFacts;

/**
 * The phase x dimension counts per group and per tag, one row per group and lane (the comparison
 * download), written once every note is counted.
 */
public final class MatrixCsv extends CsvSink {
  private final Matrix matrix = new Matrix();
  private final Map<UUID, WorkshopFacts> workshops = new HashMap<>();
  private final Map<UUID, Group> groups = new HashMap<>();
  private final Map<UUID, Labels> labels = new HashMap<>();
  private List<String> tagKeys = List.of();
  private WorkshopFacts workshop;
  private Labels current;

  public MatrixCsv(OutputStream out, boolean keyHeaders, CsvDialect dialect) {
    super(out, keyHeaders, dialect);
  }

  @Override
  List<String> columns(ExportStart start) {
    tagKeys = start.labels().tagKeys();
    return MatrixRows.columns(tagKeys);
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
    for (Matrix.Cell cell : matrix.cells()) {
      row(
          MatrixRows.cells(
                  cell,
                  workshops.get(cell.workshopId()),
                  groups.get(cell.boardId()),
                  labels.get(cell.workshopId()),
                  tagKeys)
              .toArray());
    }
    super.finish();
  }
}
