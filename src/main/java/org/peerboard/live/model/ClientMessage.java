package org.peerboard.live.model;

import java.util.UUID;
import org.peerboard.board.model.Op;

/** What a client may send on the socket: a hello first, then ops. */
public sealed interface ClientMessage {

  /**
   * {@code since} is null when the client wants the full board; {@code clientId} names one browser,
   * so undo takes back that moderator's own ops.
   */
  record Hello(UUID boardId, String token, Long since, String lang, String clientId)
      implements ClientMessage {}

  /**
   * An ephemeral note of which phase a phone is looking at, for the moderator's presence figures.
   */
  record Where(String phase) implements ClientMessage {}

  record OpRequest(UUID opId, Op op) implements ClientMessage {}
}
