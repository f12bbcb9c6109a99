package org.peerboard.action.model;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.peerboard.board.model.Op;

/** The action plan's ops, typed as the allow-list parser reads them. */
public sealed interface ActionOp extends Op {
  /**
   * The fields of an action as a client gives them; null fields are absent. {@code cleared} names
   * the optional fields given as null or empty, to be emptied.
   */
  record Fields(
      String title,
      UUID fromNoteId,
      UUID fromClusterId,
      String owner,
      LocalDate due,
      ActionStatus status,
      String nextStep,
      Set<String> cleared) {
    public boolean isEmpty() {
      return title == null
          && fromNoteId == null
          && fromClusterId == null
          && owner == null
          && due == null
          && status == null
          && nextStep == null
          && cleared.isEmpty();
    }
  }

  /** A new action; without a title it takes the text of the proposal it comes from. */
  record Create(Fields fields) implements ActionOp {}

  /** Changes the fields given; {@code version} null means last write wins. */
  record Update(UUID actionId, Fields fields, Integer version) implements ActionOp {}

  record Delete(UUID actionId) implements ActionOp {}
}
