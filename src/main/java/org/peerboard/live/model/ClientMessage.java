package org.peerboard.live.model;

import java.util.UUID;
import org.peerboard.board.model.Op;

/** What a client may send on the socket: a hello first, then ops. */
public sealed interface ClientMessage {

  /** {@code since} is null when the client wants the full board. */
  record Hello(UUID boardId, String token, Long since, String lang) implements ClientMessage {}

  record OpRequest(UUID opId, Op op) implements ClientMessage {}
}
