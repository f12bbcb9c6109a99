package org.peerboard.export.db;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
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
}
