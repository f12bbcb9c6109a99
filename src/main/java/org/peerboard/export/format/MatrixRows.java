package org.peerboard.export.format;

import java.util.ArrayList;
import java.util.List;
import org.peerboard.export.model.Columns;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.Matrix;
import org.peerboard.export.model.WorkshopFacts;

/** A Matrix row, shared by the CSV and the XLSX sheet. */
final class MatrixRows {
  private MatrixRows() {}

  /** The Matrix columns: the fixed ones, a count per tag, untagged, not shown. */
  static List<String> columns(List<String> tagKeys) {
    List<String> columns = new ArrayList<>(Columns.MATRIX);
    tagKeys.forEach(t -> columns.add("tag_" + t));
    columns.add("untagged");
    columns.add("not_shown");
    return columns;
  }

  static List<Object> cells(
      Matrix.Cell cell, WorkshopFacts w, Group g, Labels labels, List<String> tagKeys) {
    List<Object> row =
        new ArrayList<>(
            List.of(
                w.id(),
                w.title(),
                nz(w.place()),
                g.id(),
                g.name(),
                nz(cell.phase()),
                cell.phase() == null ? "" : labels.phase(cell.phase()),
                nz(cell.dimension()),
                cell.dimension() == null ? "" : labels.dimension(cell.dimension()),
                cell.lane(),
                cell.notes()));
    for (String tag : tagKeys) {
      row.add(cell.perTag().getOrDefault(tag, 0));
    }
    row.add(cell.untagged());
    row.add(cell.notShown());
    return row;
  }

  private static Object nz(Object value) {
    return value == null ? "" : value;
  }
}
