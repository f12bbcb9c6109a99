package org.peerboard.board.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * What happened on a board: one record per event, each with its wire name ({@code NAME}, the only
 * place it is spelled). The log stores them through one codec ({@code board/db/EventCodec}); {@link
 * Visibility#of} cuts them down per viewer. Plain Java: vote rounds and results travel as the plain
 * maps the vote feature reads them into.
 */
public sealed interface BoardEvent {
  /** The event's name on the wire and in the log, e.g. {@code note.added}. */
  String name();

  /** This event with every note in it replaced by what {@code fn} makes of it. */
  default BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
    return this;
  }

  /**
   * The notes this event carries, as stored or as a viewer sees them; none for most board events.
   */
  default List<NoteState> notes() {
    return List.of();
  }

  /** The seq of the event this one undid, or null. */
  default Long undoes() {
    return null;
  }

  /**
   * Whether the log keeps who caused this event; an agreement ({@link NoteReacted}) is logged
   * without its participant, so no download can tell who agreed with what.
   */
  default boolean keepsActor() {
    return true;
  }

  /** An event about one note, alone. */
  sealed interface OneNote extends BoardEvent {
    NoteState note();

    @Override
    default List<NoteState> notes() {
      return List.of(note());
    }
  }

  /**
   * An event of a clustering or moderation op: what it touched, in one shape, so undo can take it
   * back as the inverse event ({@link #inverse}) built from the state after the undo.
   */
  sealed interface Placed extends BoardEvent {
    Placement placement();

    /** The event of undoing this one, carrying {@code after}. */
    Placed inverse(Placement after);

    /** Whether undoing it is clustering (stage-bound) rather than moderation. */
    default boolean clustering() {
      return true;
    }

    /** Whether its notes are about a single note (note events) rather than a cluster's. */
    default boolean aboutNotes() {
      return false;
    }

    @Override
    default Long undoes() {
      return placement().undoes();
    }

    @Override
    default List<NoteState> notes() {
      return placement().notes();
    }
  }

  record NoteAdded(NoteState note) implements OneNote {
    public static final String NAME = "note.added";

    public String name() {
      return NAME;
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new NoteAdded(fn.apply(note));
    }
  }

  record NoteEdited(NoteState note) implements OneNote {
    public static final String NAME = "note.edited";

    public String name() {
      return NAME;
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new NoteEdited(fn.apply(note));
    }
  }

  /** The note's new text; its earlier texts left the log. */
  record NoteRedacted(NoteState note) implements OneNote {
    public static final String NAME = "note.redacted";

    public String name() {
      return NAME;
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new NoteRedacted(fn.apply(note));
    }
  }

  record NoteDeleted(UUID noteId, String lane, UUID clusterId, List<ClusterState> clusters)
      implements BoardEvent {
    public static final String NAME = "note.deleted";

    public String name() {
      return NAME;
    }
  }

  record NoteMoved(Placement placement) implements Placed {
    public static final String NAME = "note.moved";

    public String name() {
      return NAME;
    }

    public Placed inverse(Placement after) {
      return new NoteMoved(after);
    }

    public boolean aboutNotes() {
      return true;
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new NoteMoved(placement.mapNotes(fn));
    }
  }

  record NoteHidden(Placement placement) implements Placed {
    public static final String NAME = "note.hidden";

    public String name() {
      return NAME;
    }

    public Placed inverse(Placement after) {
      return new NoteHidden(after);
    }

    public boolean clustering() {
      return false;
    }

    public boolean aboutNotes() {
      return true;
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new NoteHidden(placement.mapNotes(fn));
    }
  }

  record NoteDuplicated(Placement placement) implements Placed {
    public static final String NAME = "note.duplicated";

    public String name() {
      return NAME;
    }

    public Placed inverse(Placement after) {
      return new NoteDuplicated(after);
    }

    public boolean aboutNotes() {
      return true;
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new NoteDuplicated(placement.mapNotes(fn));
    }
  }

  record ClusterCreated(Placement placement) implements Placed {
    public static final String NAME = "cluster.created";

    public String name() {
      return NAME;
    }

    public Placed inverse(Placement after) {
      return new ClusterDissolved(after);
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new ClusterCreated(placement.mapNotes(fn));
    }
  }

  record ClusterRenamed(Placement placement) implements Placed {
    public static final String NAME = "cluster.renamed";

    public String name() {
      return NAME;
    }

    public Placed inverse(Placement after) {
      return new ClusterRenamed(after);
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new ClusterRenamed(placement.mapNotes(fn));
    }
  }

  record ClusterAdded(Placement placement) implements Placed {
    public static final String NAME = "cluster.added";

    public String name() {
      return NAME;
    }

    public Placed inverse(Placement after) {
      return new ClusterRemoved(after);
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new ClusterAdded(placement.mapNotes(fn));
    }
  }

  record ClusterRemoved(Placement placement) implements Placed {
    public static final String NAME = "cluster.removed";

    public String name() {
      return NAME;
    }

    public Placed inverse(Placement after) {
      return new ClusterAdded(after);
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new ClusterRemoved(placement.mapNotes(fn));
    }
  }

  /** Undone, a merge brings the merged cluster back: {@code cluster.created}. */
  record ClusterMerged(Placement placement) implements Placed {
    public static final String NAME = "cluster.merged";

    public String name() {
      return NAME;
    }

    public Placed inverse(Placement after) {
      return new ClusterCreated(after);
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new ClusterMerged(placement.mapNotes(fn));
    }
  }

  record ClusterDissolved(Placement placement) implements Placed {
    public static final String NAME = "cluster.dissolved";

    public String name() {
      return NAME;
    }

    public Placed inverse(Placement after) {
      return new ClusterCreated(after);
    }

    public BoardEvent mapNotes(UnaryOperator<NoteState> fn) {
      return new ClusterDissolved(placement.mapNotes(fn));
    }
  }

  /**
   * {@code joinCode}: the new code of a reopened board whose code went to another open board, else
   * null.
   */
  record BoardStaged(Stage stage, String joinCode) implements BoardEvent {
    public static final String NAME = "board.staged";

    public String name() {
      return NAME;
    }
  }

  /** {@code focus} null: no phase in focus. */
  record BoardFocused(String focus) implements BoardEvent {
    public static final String NAME = "board.focused";

    public String name() {
      return NAME;
    }
  }

  /**
   * The timer (null: stopped) and the server's clock when it was set, so clients count down without
   * drift.
   */
  record BoardTimed(Timer timer, Instant serverNow) implements BoardEvent {
    public static final String NAME = "board.timer";

    public String name() {
      return NAME;
    }
  }

  record BoardSettingsChanged(Settings settings) implements BoardEvent {
    public static final String NAME = "board.settings";

    public String name() {
      return NAME;
    }
  }

  record BoardRevealed(Settings settings, long revealedNotes) implements BoardEvent {
    public static final String NAME = "board.revealed";

    public String name() {
      return NAME;
    }
  }

  /** The roles whose keys stopped working, and the board's join code now. */
  record KeysRotated(List<Role> roles, String joinCode) implements BoardEvent {
    public static final String NAME = "board.keysRotated";

    public String name() {
      return NAME;
    }
  }

  record ParticipantRemoved(UUID participantId) implements BoardEvent {
    public static final String NAME = "participant.removed";

    public String name() {
      return NAME;
    }
  }

  /**
   * How many participants agree with a note now ("me too"), never who. {@code open}: whether the
   * room may see the count; {@code hidden}: whether the note has been hidden since (a later {@code
   * note.hide} patches it, as it patches the note's other events). Both are kept in the log and are
   * null in the event as a viewer is sent it, whose {@code count} is null when withheld from that
   * viewer.
   */
  record NoteReacted(UUID noteId, Long count, Boolean open, Boolean hidden) implements BoardEvent {
    public static final String NAME = "note.reacted";

    public String name() {
      return NAME;
    }

    public boolean keepsActor() {
      return false;
    }
  }

  /** The round as the vote feature reads it (its JSON object as a plain map). */
  record VoteOpened(Map<String, Object> round) implements BoardEvent {
    public static final String NAME = "vote.opened";

    public String name() {
      return NAME;
    }
  }

  record VoteProgress(UUID roundId, long voters) implements BoardEvent {
    public static final String NAME = "vote.progress";

    public String name() {
      return NAME;
    }
  }

  record VoteClosed(UUID roundId) implements BoardEvent {
    public static final String NAME = "vote.closed";

    public String name() {
      return NAME;
    }
  }

  record VoteReopened(UUID roundId) implements BoardEvent {
    public static final String NAME = "vote.reopened";

    public String name() {
      return NAME;
    }
  }

  /** The results, one plain map per item, as the vote feature computes them. */
  record VoteRevealed(UUID roundId, List<Object> results) implements BoardEvent {
    public static final String NAME = "vote.revealed";

    public String name() {
      return NAME;
    }
  }

  record VoteLinked(UUID roundId, UUID itemId, List<String> phases) implements BoardEvent {
    public static final String NAME = "vote.linked";

    public String name() {
      return NAME;
    }
  }

  // action plan (issue 25): the whole action, as the plain map the action feature writes
  /** An event of the action plan, carrying the whole action. */
  sealed interface ActionChanged extends BoardEvent {
    Map<String, Object> action();
  }

  record ActionCreated(Map<String, Object> action) implements ActionChanged {
    public static final String NAME = "action.created";

    public String name() {
      return NAME;
    }
  }

  record ActionUpdated(Map<String, Object> action) implements ActionChanged {
    public static final String NAME = "action.updated";

    public String name() {
      return NAME;
    }
  }

  record ActionDeleted(Map<String, Object> action) implements ActionChanged {
    public static final String NAME = "action.deleted";

    public String name() {
      return NAME;
    }
  }

  // run-sheet (issue 24)

  /**
   * The board's agenda was set: its steps as plain maps ({@code title}, {@code phase}, {@code
   * stage}, {@code minutes}), as the agenda feature reads them.
   */
  record AgendaSet(List<Object> steps) implements BoardEvent {
    public static final String NAME = "board.agendaSet";

    public String name() {
      return NAME;
    }
  }

  /**
   * Step {@code index} of the agenda started; the stage, focus and timer events it set come just
   * before it, in the same transaction.
   */
  record Stepped(int index, Instant startedAt) implements BoardEvent {
    public static final String NAME = "board.stepped";

    public String name() {
      return NAME;
    }
  }
}
