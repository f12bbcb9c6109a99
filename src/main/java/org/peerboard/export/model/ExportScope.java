package org.peerboard.export.model;

import java.util.List;
import java.util.UUID;

/**
 * What one download covers: one board, one workshop, or the workshops of a study; the language of
 * its headers and labels, and the words its file name is made of.
 */
public record ExportScope(
    Kind kind,
    List<UUID> workshopIds,
    UUID boardId,
    UUID studyId,
    String studyName,
    String language,
    List<String> nameParts) {
  /** The three things one can download. */
  public enum Kind {
    BOARD,
    WORKSHOP,
    STUDY
  }

  public ExportScope withLanguage(String chosen) {
    return chosen == null
        ? this
        : new ExportScope(kind, workshopIds, boardId, studyId, studyName, chosen, nameParts);
  }

  public String filename(String extension) {
    return Filenames.of(extension, nameParts.toArray(String[]::new));
  }
}
