package org.peerboard.board.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * A write transaction whose BEGIN is issued with its first statement and whose COMMIT is issued right behind its last
 * statement, without waiting for their answers ({@code Pool.withTransaction} waits for BEGIN's answer before the
 * first statement and for the last statement's answer before COMMIT). PostgreSQL runs a connection's commands in
 * order either way, and when the last statement fails, the COMMIT behind it ends the failed transaction as a
 * rollback. On a connection that pipelines, this saves two round trips per transaction; PeerBoard's connections do
 * not pipeline today (see {@code Server.connectOptions}), so the commands still go one after the other.
 *
 * <p>A body that never calls {@link #commitWith} (a read, a rejection, a replayed op) is rolled back. The connection
 * goes back to the pool only after its transaction has ended.
 */
final class PipelinedTx {
  private final SqlConnection conn;
  private boolean commitSent;

  private PipelinedTx(SqlConnection conn) {
    this.conn = conn;
  }

  static <T> Future<T> run(Pool pool, Function<PipelinedTx, Future<T>> body) {
    return pool.getConnection().compose(conn -> {
      PipelinedTx tx = new PipelinedTx(conn);
      Future<?> begun = conn.query("begin").execute();
      Future<T> result;
      try {
        result = body.apply(tx);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      Future<T> answer = result;
      return Future.join(begun, result).transform(ended -> {
        boolean committed = ended.succeeded() && tx.commitSent;
        Future<?> end = committed ? Future.succeededFuture() : conn.query("rollback").execute();
        return end.transform(ignored -> conn.close()).transform(ignored -> begun.failed()
            ? Future.failedFuture(begun.cause()) : answer);
      });
    });
  }

  SqlConnection conn() {
    return conn;
  }

  /**
   * Sends COMMIT right behind {@code last}, the transaction's final statement, which must already have been sent;
   * the answer is {@code last}'s once the commit is durable.
   */
  <R> Future<R> commitWith(Future<R> last) {
    commitSent = true;
    Future<?> commit = conn.query("commit").execute();
    return last.compose(answer -> commit.map(committed -> answer));
  }
}
