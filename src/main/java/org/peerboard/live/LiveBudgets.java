package org.peerboard.live;

import java.util.UUID;
import org.peerboard.Config;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.Op;
import org.peerboard.security.Limiter;

/**
 * What the sockets of this process may spend, shared by all of them: ops, notes and hellos per
 * token, participants' notes per board and hellos per address. Asking whether one is refused spends
 * from the budgets asked.
 */
final class LiveBudgets {
  private final Limiter<UUID> notesPerParticipant;

  /**
   * Every op counts against its token's budget: a participant's, or a larger one for a board's
   * runner key.
   */
  private final Limiter<String> opsPerParticipant;

  private final Limiter<String> opsPerRunner;
  private final Limiter<String> hellosPerToken;

  /** Hellos from one address: a NAT of phones reconnecting fits, a storm of tokens does not. */
  private final Limiter<String> hellosPerAddress;

  /** Participants' new notes per board, whoever posts them: many tokens cannot flood one board. */
  private final Limiter<UUID> notesPerBoard;

  LiveBudgets(int notesPerMinute, Config.Defences defences, Config.Budgets budgets) {
    this.hellosPerAddress =
        new Limiter<>(
            budgets.hellosPerAddressPerMinute(), budgets.hellosPerAddressPerMinute() / 60.0);
    this.notesPerBoard =
        new Limiter<>(budgets.notesPerBoardPerMinute(), budgets.notesPerBoardPerMinute() / 60.0);
    this.notesPerParticipant = new Limiter<>(notesPerMinute, notesPerMinute / 60.0);
    this.opsPerParticipant = new Limiter<>(defences.opsPerMinute(), defences.opsPerMinute() / 60.0);
    this.opsPerRunner =
        new Limiter<>(defences.runnerOpsPerMinute(), defences.runnerOpsPerMinute() / 60.0);
    this.hellosPerToken =
        new Limiter<>(defences.hellosPerMinute(), defences.hellosPerMinute() / 60.0);
  }

  /** Forgets tokens that are within their limits again. */
  void sweep() {
    notesPerParticipant.sweep();
    opsPerParticipant.sweep();
    opsPerRunner.sweep();
    hellosPerToken.sweep();
    hellosPerAddress.sweep();
    notesPerBoard.sweep();
  }

  /** Whether a hello is over its address's budget or, when it has a token, over the token's. */
  boolean helloRefused(String address, String token) {
    return !hellosPerAddress.tryTake(address) || (token != null && !hellosPerToken.tryTake(token));
  }

  /**
   * A participant spends their own budget; a board's runners (one key per role) share a larger one.
   */
  boolean opRefused(Actor actor) {
    if (actor.participantId() != null) {
      return !opsPerParticipant.tryTake(actor.participantId().toString());
    }
    return !opsPerRunner.tryTake(actor.role().wire() + ":" + actor.boardId());
  }

  /** Whether a participant's new or edited note is over their budget, or a new one its board's. */
  boolean noteRefused(Actor actor, Op op) {
    return actor.participantId() != null
        && writesNote(op)
        && (!notesPerParticipant.tryTake(actor.participantId())
            || (op instanceof Op.NoteAdd && !notesPerBoard.tryTake(actor.boardId())));
  }

  private static boolean writesNote(Op op) {
    return op instanceof Op.NoteAdd || op instanceof Op.NoteEdit;
  }
}
