package org.peerboard.action.model;

import java.util.Locale;

/**
 * How a proposal fared in the last revealed round that held it: its rank among how many, and its
 * dots, or the mean of its criteria's means (1 to 5), with the number of voters.
 */
public record VoteResult(int rank, int of, boolean dots, int points, Double mean, int voters) {

  /** The result as one short line, e.g. "rank 1 of 4 · 7 dots · 5 voters". */
  public String text(String language) {
    boolean it = "it".equals(language);
    StringBuilder line = new StringBuilder(it ? rank + "° di " + of : "rank " + rank + " of " + of);
    if (dots) {
      line.append(" · ")
          .append(points)
          .append(it ? (points == 1 ? " punto" : " punti") : points == 1 ? " dot" : " dots");
    } else if (mean != null) {
      String figure = String.format(it ? Locale.ITALIAN : Locale.ENGLISH, "%.1f", mean);
      line.append(it ? " · media " + figure + " su 5" : " · mean " + figure + " of 5");
    }
    line.append(" · ")
        .append(voters)
        .append(it ? (voters == 1 ? " votante" : " votanti") : voters == 1 ? " voter" : " voters");
    return line.toString();
  }
}
