package org.peerboard.board.model;

/**
 * What each viewer is shown of an event, as a plain function: every note in it becomes the {@link
 * NoteView} that viewer may see. The author's id never leaves the server, a participant learns only
 * whether a note is theirs, and the text of hidden, held or secret notes reaches only those who run
 * the board and the note's author. An event is never withheld as a whole: every socket gets every
 * seq.
 */
public final class Visibility {
  private Visibility() {}

  /** The event as this viewer may see it. */
  public static BoardEvent of(BoardEvent event, Actor viewer) {
    if (event instanceof BoardEvent.KeysRotated rotated && viewer.role() == Role.PARTICIPANT) {
      // a code rotated because it leaked is for the runners to hand out and the projector to show
      // the room, not for
      // every phone (a reopened board's new code, in board.staged, is for everyone)
      return new BoardEvent.KeysRotated(rotated.roles(), null);
    }
    if (event instanceof BoardEvent.NoteReacted reacted) {
      boolean sees =
          viewer.role().runsTheBoard()
              || (Boolean.TRUE.equals(reacted.open()) && !Boolean.TRUE.equals(reacted.hidden()));
      return new BoardEvent.NoteReacted(
          reacted.noteId(), sees ? reacted.count() : null, null, null);
    }
    return event.mapNotes(note -> note instanceof Note stored ? note(stored, viewer) : note);
  }

  /**
   * One note as this viewer may see it; its text is null when withheld (or taken out of the log).
   */
  public static NoteView note(Note stored, Actor viewer) {
    boolean mine = mine(stored, viewer);
    boolean mayRead =
        viewer.role().runsTheBoard() || mine || (!stored.hidden() && !stored.secret());
    boolean secret =
        stored.secret() && !stored.hidden() && (!mayRead || viewer.role().runsTheBoard());
    String author =
        stored.authorName() != null && (mayRead || viewer.role().runsTheBoard())
            ? stored.authorName()
            : null;
    return new NoteView(
        stored.id(),
        stored.lane(),
        stored.tags(),
        stored.version(),
        stored.clusterId(),
        stored.duplicateOf(),
        mine,
        stored.authorRole() != Role.PARTICIPANT,
        stored.hidden(),
        stored.held(),
        mayRead ? stored.text() : null,
        secret,
        author);
  }

  /**
   * Whether a note shows at all in this viewer's board (hidden notes vanish for everyone but
   * runners and author).
   */
  public static boolean listed(Note stored, Actor viewer) {
    return !stored.hidden() || viewer.role().runsTheBoard() || mine(stored, viewer);
  }

  private static boolean mine(Note stored, Actor viewer) {
    return viewer.participantId() != null && viewer.participantId().equals(stored.authorId());
  }
}
