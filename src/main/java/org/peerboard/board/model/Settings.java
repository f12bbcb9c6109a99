package org.peerboard.board.model;

/**
 * How a board behaves and shows: anonymous authorship, notes hidden until the reveal, late notes,
 * notes held for approval, what the projector shows (raw notes or clusters, the QR code, a
 * spotlighted item), and whether participants may agree with notes ("me too": {@code reactions},
 * also while voting with {@code reactInVoting}). The spotlight is a note or cluster id, or {@code
 * phase:<phase key>} or {@code lane:<lane id>}.
 */
public record Settings(
    boolean anonymous,
    boolean hideNotes,
    boolean revealed,
    boolean lateNotes,
    boolean approveNotes,
    String view,
    boolean showQr,
    String spotlight,
    boolean reactions,
    boolean reactInVoting) {

  public static final Settings DEFAULTS =
      new Settings(true, false, false, false, false, "notes", true, null, true, false);

  /**
   * A change to some settings; null fields stay as they are. {@code clearSpotlight} removes the
   * spotlight.
   */
  public record Patch(
      Boolean anonymous,
      Boolean hideNotes,
      Boolean lateNotes,
      Boolean approveNotes,
      String view,
      Boolean showQr,
      String spotlight,
      boolean clearSpotlight,
      Boolean reactions,
      Boolean reactInVoting) {
    /** A patch of the "me too" settings alone. */
    public static Patch ofReactions(Boolean reactions, Boolean reactInVoting) {
      return new Patch(null, null, null, null, null, null, null, false, reactions, reactInVoting);
    }
  }

  public Settings apply(Patch p) {
    boolean hide = p.hideNotes() != null ? p.hideNotes() : hideNotes;
    return new Settings(
        p.anonymous() != null ? p.anonymous() : anonymous,
        hide,
        p.hideNotes() != null && p.hideNotes() && !hideNotes ? false : revealed,
        p.lateNotes() != null ? p.lateNotes() : lateNotes,
        p.approveNotes() != null ? p.approveNotes() : approveNotes,
        p.view() != null ? p.view() : view,
        p.showQr() != null ? p.showQr() : showQr,
        p.clearSpotlight() ? null : p.spotlight() != null ? p.spotlight() : spotlight,
        p.reactions() != null ? p.reactions() : reactions,
        p.reactInVoting() != null ? p.reactInVoting() : reactInVoting);
  }

  /** Whether new notes are secret now: their text reaches others only after the reveal. */
  public boolean notesSecret() {
    return hideNotes && !revealed;
  }

  public Settings revealedNow() {
    return new Settings(
        anonymous,
        hideNotes,
        true,
        lateNotes,
        approveNotes,
        view,
        showQr,
        spotlight,
        reactions,
        reactInVoting);
  }
}
