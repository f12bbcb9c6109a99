package org.peerboard.export.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peerboard.export.model.Votes;

/**
 * Adds to revealed votes the words of their proposals, as the downloads give them (every note,
 * flagged or not).
 */
final class Proposals {
  private Proposals() {}

  static Future<Votes> withTexts(Pool pool, Votes votes) {
    if (votes.isEmpty()) {
      return Future.succeededFuture(votes);
    }
    return pool.preparedQuery(ExportSql.PROPOSALS)
        .execute(Tuple.of((Object) votes.itemIds().toArray(UUID[]::new)))
        .map(
            rows -> {
              Map<UUID, Votes.ProposalText> texts = new HashMap<>();
              for (Row row : rows) {
                String[] notes = row.getArrayOfStrings("notes");
                texts.put(
                    row.getUUID("id"),
                    new Votes.ProposalText(
                        row.getUUID("id"),
                        row.getString("kind"),
                        row.getString("label"),
                        notes == null ? List.of() : Arrays.asList(notes)));
              }
              return votes.withTexts(texts);
            });
  }
}
