package org.peerboard.live;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.peerboard.board.db.StoredEvent;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.LogPatch;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.Role;

/**
 * The sockets of one board in this process, the highest seq fetched from the log, and the recent
 * events kept to serve sockets that are a little behind. Touched only from the event loop the board
 * is pinned to ({@link BoardLoop}).
 */
final class BoardHub {
  static final int RECENT = 1000;

  final UUID boardId;
  final Set<Connection> sockets = new LinkedHashSet<>();
  final List<Rendered> recent = new ArrayList<>();
  long head = -1;
  boolean fetching;
  boolean fetchAgain;

  /**
   * Events this process committed that could not be told yet (a read of the log was in flight, or
   * an earlier event from another process is missing), by seq.
   */
  final TreeMap<Long, StoredEvent> held = new TreeMap<>();

  /** The highest seq this process's own NOTIFYs said was committed. */
  long ownHead = -1;

  boolean ownCheckPending;
  boolean presencePending;

  BoardHub(UUID boardId) {
    this.boardId = boardId;
  }

  /**
   * An event with its frame encoded once per kind of viewer, not once per socket: every socket of
   * that kind is written the same buffer. Only the author's own frame (their note, marked as
   * theirs) is encoded for them alone. The typed event is decoded once; a later deletion, redaction
   * or hiding patches it as the database patched the log ({@link LogPatch}).
   */
  static final class Rendered {
    final StoredEvent stored;
    private BoardEvent event;
    private final Map<Role, Buffer> frames = new EnumMap<>(Role.class);

    /**
     * The authors of the event's notes: their sockets get a frame of their own ({@code mine}). Most
     * events have one note or none, so this is looked up once per event, not once per socket.
     */
    private Set<UUID> authors;

    Rendered(StoredEvent stored) {
      this.stored = stored;
      this.event = stored.event();
      this.authors = authorsOf(event);
    }

    private static Set<UUID> authorsOf(BoardEvent event) {
      Set<UUID> ids = new HashSet<>(2);
      for (Object n : event.notes()) {
        if (n instanceof Note note && note.authorId() != null) {
          ids.add(note.authorId());
        }
      }
      return ids.isEmpty() ? Set.of() : ids;
    }

    long seq() {
      return stored.seq();
    }

    Buffer frameFor(Actor viewer) {
      boolean personal = viewer.participantId() != null && mentions(viewer.participantId());
      if (personal) {
        return render(viewer);
      }
      Buffer frame = frames.get(viewer.role());
      if (frame == null) {
        frame = render(viewer);
        frames.put(viewer.role(), frame);
      }
      return frame;
    }

    /** Whether the event says something only this participant may see (their own note). */
    private boolean mentions(UUID participantId) {
      return !authors.isEmpty() && authors.contains(participantId);
    }

    /**
     * Mirrors what the database did to this event's copy in the log (see
     * V4__note_patches_in_log.sql).
     */
    void patch(LogPatch patch) {
      BoardEvent patched = patch.applyTo(event);
      if (!patched.equals(event)) {
        event = patched;
        authors = authorsOf(event);
        frames.clear();
      }
    }

    private Buffer render(Actor viewer) {
      return new OutFrame.Event(
              stored.seq(),
              event.name(),
              StoredEvent.dataFor(event, viewer),
              stored.at().toInstant().toString())
          .encode();
    }

    /**
     * Whether this event removes the participant on this socket, who then gets it and is closed.
     */
    boolean removes(Actor viewer) {
      return event instanceof BoardEvent.ParticipantRemoved removed
          && viewer.participantId() != null
          && viewer.participantId().equals(removed.participantId());
    }

    /**
     * Whether this event replaces the key this socket's role holds, so that the socket is closed
     * after it.
     */
    boolean rotatesKeyOf(Actor viewer) {
      return event instanceof BoardEvent.KeysRotated rotated
          && rotated.roles().contains(viewer.role());
    }
  }

  void remember(Rendered rendered) {
    LogPatch patch = LogPatch.of(rendered.event);
    if (patch != null) {
      recent.forEach(r -> r.patch(patch));
    }
    recent.add(rendered);
    if (recent.size() > 2 * RECENT) {
      recent.subList(0, recent.size() - RECENT).clear();
    }
    head = rendered.seq();
  }

  long oldestRecent() {
    return recent.isEmpty() ? Long.MAX_VALUE : recent.get(0).seq();
  }

  /** The kept event with this seq; the window is contiguous, so it is found by position. */
  Rendered recentAt(long seq) {
    return recent.get((int) (seq - recent.get(0).seq()));
  }

  /**
   * This process's figures: sockets, people (a participant with two tabs counts once), and people
   * per phase.
   */
  PresenceShare.Counts counts() {
    Map<String, Set<UUID>> phases = new HashMap<>();
    Set<UUID> people = new HashSet<>();
    int online = 0;
    for (Connection c : sockets) {
      if (c.actor == null) {
        continue;
      }
      online++;
      UUID participant = c.actor.participantId();
      if (participant != null) {
        people.add(participant);
        if (c.phase != null) {
          phases.computeIfAbsent(c.phase, k -> new HashSet<>()).add(participant);
        }
      }
    }
    Map<String, Integer> perPhase = new HashMap<>();
    phases.forEach((phase, who) -> perPhase.put(phase, who.size()));
    return new PresenceShare.Counts(online, people.size(), perPhase);
  }
}
