package org.peerboard.security;

import java.util.Optional;
import java.util.UUID;
import org.peerboard.board.model.Role;

/** Who holds a key, wherever it was issued: the answer of {@link KeyRing#resolve}. Plain Java. */
public sealed interface Principal {
  /**
   * Whether the key is one PeerBoard issued (a key of something else is refused 403, an unknown one
   * 401).
   */
  default boolean known() {
    return true;
  }

  /**
   * Whether the key was issued for this workshop (its organiser, a board's moderator or projector,
   * a participant).
   */
  default boolean belongsTo(UUID workshop) {
    return false;
  }

  /** The role this key gives on a board of the given workshop, if any. */
  default Optional<Role> roleOn(UUID boardId, UUID boardWorkshopId) {
    return Optional.empty();
  }

  /** A key issued within one workshop. */
  sealed interface OfWorkshop extends Principal {
    UUID workshopId();

    @Override
    default boolean belongsTo(UUID workshop) {
      return workshopId().equals(workshop);
    }
  }

  /** A key issued for one board of a workshop, giving one role on that board alone. */
  sealed interface OfBoard extends OfWorkshop {
    UUID boardId();

    /** The role this key grants on its own board. */
    Role grants();

    @Override
    default Optional<Role> roleOn(UUID board, UUID boardWorkshopId) {
      return boardId().equals(board) ? Optional.of(grants()) : Optional.empty();
    }
  }

  record Organiser(UUID workshopId) implements OfWorkshop {
    @Override
    public Optional<Role> roleOn(UUID boardId, UUID boardWorkshopId) {
      return workshopId.equals(boardWorkshopId) ? Optional.of(Role.ORGANISER) : Optional.empty();
    }
  }

  record Moderator(UUID boardId, UUID workshopId) implements OfBoard {
    @Override
    public Role grants() {
      return Role.MODERATOR;
    }
  }

  /** The projector key: a read-only viewer. */
  record Projector(UUID boardId, UUID workshopId) implements OfBoard {
    @Override
    public Role grants() {
      return Role.VIEWER;
    }
  }

  /**
   * A participant's token, and the name they joined under (null if none); a removed participant's
   * token is still known but gives no role.
   */
  record Participant(
      UUID boardId, UUID workshopId, UUID participantId, boolean removed, String name)
      implements OfBoard {
    @Override
    public Role grants() {
      return Role.PARTICIPANT;
    }

    @Override
    public Optional<Role> roleOn(UUID board, UUID boardWorkshopId) {
      return removed ? Optional.empty() : OfBoard.super.roleOn(board, boardWorkshopId);
    }
  }

  record Study(UUID studyId) implements Principal {}

  /** A key nobody holds, or one too malformed to look up. */
  record Unknown() implements Principal {
    @Override
    public boolean known() {
      return false;
    }
  }
}
