package org.peerboard.suggest.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peerboard.board.db.BoardReads;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.suggest.model.Suggester;

/**
 * What suggestions are made from: the board's language and template, and the notes a moderator sees
 * (hidden and held notes are left out; deleted notes are gone) with the clusters, of one lane or
 * all, read in one snapshot.
 */
public final class SuggestReader {
  private static final String BOARD =
      """
      select w.language, w.template_id from board b join workshop w on w.id = b.workshop_id where b.id = $1""";
  private static final String LANE = "select 1 from lane where board_id = $1 and id = $2";

  /** In board order, as the moderator page lists them; {@code $2} null for every lane. */
  private static final String NOTES =
      """
      select id, lane, text, cluster_id, duplicate_of from note
       where board_id = $1 and not hidden and ($2::text is null or lane = $2)
       order by created_at, id""";

  private static final String CLUSTERS =
      """
      select id, lane, name from cluster where board_id = $1 and ($2::text is null or lane = $2)
       order by created_at, id""";

  /** The board's notes and clusters, ready for {@link Suggester}. */
  public record Material(
      String language,
      String templateId,
      List<Suggester.Note> notes,
      List<Suggester.Cluster> clusters) {}

  private final Pool pool;

  public SuggestReader(Pool pool) {
    this.pool = pool;
  }

  private static final String VERSION = "select seq from board where id = $1";

  /** The board's head: suggestions made at it stay good until it moves. */
  public Future<Long> version(UUID boardId) {
    return pool.preparedQuery(VERSION)
        .execute(Tuple.of(boardId))
        .map(rows -> BoardReads.found(rows).getLong("seq"));
  }

  /** {@code lane} null for the whole board; an unknown lane fails {@code invalid}. */
  public Future<Material> read(UUID boardId, String lane) {
    return BoardReads.snapshot(
        pool,
        conn ->
            conn.preparedQuery(BOARD)
                .execute(Tuple.of(boardId))
                .compose(
                    boards -> {
                      Row board = BoardReads.found(boards);
                      Future<Void> laneKnown =
                          lane == null
                              ? Future.succeededFuture()
                              : conn.preparedQuery(LANE)
                                  .execute(Tuple.of(boardId, lane))
                                  .map(
                                      rows -> {
                                        if (rows.size() == 0) {
                                          throw new Rejection(
                                              ErrorCode.INVALID, "error.unknownLane");
                                        }
                                        return null;
                                      });
                      List<Suggester.Note> notes = new ArrayList<>();
                      List<Suggester.Cluster> clusters = new ArrayList<>();
                      return laneKnown
                          .compose(v -> conn.preparedQuery(NOTES).execute(Tuple.of(boardId, lane)))
                          .compose(
                              rows -> {
                                rows.forEach(
                                    r ->
                                        notes.add(
                                            new Suggester.Note(
                                                r.getUUID("id").toString(),
                                                r.getString("lane"),
                                                r.getString("text"),
                                                text(r.getUUID("cluster_id")),
                                                text(r.getUUID("duplicate_of")))));
                                return conn.preparedQuery(CLUSTERS)
                                    .execute(Tuple.of(boardId, lane));
                              })
                          .map(
                              rows -> {
                                rows.forEach(
                                    r ->
                                        clusters.add(
                                            new Suggester.Cluster(
                                                r.getUUID("id").toString(),
                                                r.getString("lane"),
                                                r.getString("name"))));
                                return new Material(
                                    board.getString("language"),
                                    board.getString("template_id"),
                                    notes,
                                    clusters);
                              });
                    }));
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
