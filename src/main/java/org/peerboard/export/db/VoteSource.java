package org.peerboard.export.db;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import org.peerboard.export.model.ExportScope;
import org.peerboard.export.model.Votes;

/**
 * Where exports get vote figures from. The voting feature implements it (revealed results only);
 * until then {@link #NONE} leaves every vote column empty and the Votes sheet with its header
 * alone.
 */
@FunctionalInterface
public interface VoteSource {
  VoteSource NONE = workshopIds -> Future.succeededFuture(Votes.NONE);

  Future<Votes> revealed(List<UUID> workshopIds);

  /**
   * The revealed rounds of what one download covers: a board's download holds that board's rounds
   * only, never those of the other groups of its workshop.
   */
  default Future<Votes> revealed(ExportScope scope) {
    return revealed(scope.workshopIds())
        .map(found -> scope.boardId() == null ? found : found.onBoard(scope.boardId()));
  }
}
