package org.peerboard.board.db;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Rejection;

/**
 * Which handler applies which op: a map from op type to handler that each feature fills with its
 * own ops at start-up ({@link Feature}). A new op is one record, one {@link #on} line, one rule and
 * one line in docs/protocol.md.
 */
public final class OpHandlers {
  /** A feature's ops, registered once when the store is built. */
  @FunctionalInterface
  public interface Feature {
    void register(OpHandlers ops);
  }

  private final Map<Class<? extends Op>, OpHandler<? extends Op>> handlers = new HashMap<>();

  /** Registers the handler of one op type; a type has exactly one handler. */
  public <O extends Op> OpHandlers on(Class<O> type, OpHandler<O> handler) {
    if (handlers.putIfAbsent(type, handler) != null) {
      throw new IllegalStateException("two handlers for " + type.getSimpleName());
    }
    return this;
  }

  /** The change the op makes; an op type nobody registered is {@code invalid}. */
  @SuppressWarnings("unchecked")
  Future<Change> apply(Tx tx, Op op) {
    OpHandler<Op> handler = (OpHandler<Op>) handlers.get(op.getClass());
    if (handler == null) {
      throw new Rejection(ErrorCode.INVALID, "error.unknownOp");
    }
    return handler.apply(tx, op);
  }

  /**
   * The board's own ops; {@code note.add} is not in this map: {@link OpPipeline} inserts the new
   * notes of a batch together, in one statement.
   */
  static void board(OpHandlers ops) {
    ops.on(Op.NoteEdit.class, NoteChanges::edit)
        .on(Op.NoteMove.class, NoteChanges::move)
        .on(Op.NoteDelete.class, NoteChanges::delete)
        .on(Op.NoteRedact.class, NoteChanges::redact)
        .on(Op.NoteHide.class, NoteChanges::hide)
        .on(Op.NoteDuplicate.class, NoteChanges::duplicate)
        .on(Op.BoardStage.class, BoardChanges::stage)
        .on(Op.BoardFocus.class, BoardChanges::focus)
        .on(Op.BoardTimer.class, BoardChanges::timer)
        .on(Op.BoardSettings.class, BoardChanges::settings)
        .on(Op.BoardReveal.class, BoardChanges::reveal)
        .on(Op.BoardRotate.class, BoardChanges::rotate)
        .on(Op.ParticipantRemove.class, BoardChanges::removeParticipant)
        .on(Op.ClusterCreate.class, ClusterChanges::create)
        .on(Op.ClusterRename.class, ClusterChanges::rename)
        .on(Op.ClusterAdd.class, ClusterChanges::add)
        .on(Op.ClusterRemove.class, ClusterChanges::remove)
        .on(Op.ClusterMerge.class, ClusterChanges::merge)
        .on(Op.ClusterDissolve.class, ClusterChanges::dissolve)
        .on(Op.Undo.class, UndoChanges::undo);
  }
}
