package org.peerboard.board.model;

import java.util.UUID;

/** Who is acting on a board: their role and, for a participant, their pseudonymous id. */
public record Actor(UUID boardId, Role role, UUID participantId) {
  public boolean isAuthorOf(Note note) {
    return participantId != null && participantId.equals(note.authorId());
  }
}
