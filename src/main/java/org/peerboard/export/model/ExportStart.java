package org.peerboard.export.model;

/**
 * What a format knows before the first row: the revealed votes (with their anonymised ballots and
 * links), the labels of the scope's template (a study's workshops share one) and the download's own
 * facts.
 */
public record ExportStart(Votes votes, Labels labels, ExportMeta meta) {
  public String language() {
    return meta.language();
  }
}
