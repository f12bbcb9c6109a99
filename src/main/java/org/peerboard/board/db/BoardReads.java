package org.peerboard.board.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;

/**
 * What every feature that reads a whole board needs: one consistent moment of it, and its row or
 * {@code not_found}.
 */
public final class BoardReads {
  private static final String READ_ONLY =
      "set transaction isolation level repeatable read, read only";

  private BoardReads() {}

  /**
   * Runs {@code read} in a read-only transaction that sees one moment of the database, whatever
   * commits meanwhile.
   */
  public static <T> Future<T> snapshot(Pool pool, Function<SqlConnection, Future<T>> read) {
    return pool.withTransaction(
        conn -> conn.query(READ_ONLY).execute().compose(ignored -> read.apply(conn)));
  }

  /** The board's row from a query by its id; fails {@code not_found} when there is none. */
  public static Row found(RowSet<Row> rows) {
    if (rows.size() == 0) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.boardNotFound");
    }
    return rows.iterator().next();
  }
}
