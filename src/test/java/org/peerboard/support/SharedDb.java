package org.peerboard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.peerboard.db.DbSettings;

/**
 * Plain JDBC to the shared test app's database, as its owner: for tests that look at what was
 * stored, or make PostgreSQL refuse something (a trigger) to see how the server copes.
 */
public final class SharedDb {
  private SharedDb() {}

  /** A new connection; the caller closes it. */
  public static Connection connect() throws SQLException {
    DbSettings s = TestApp.shared().database();
    return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
  }

  /** Runs one or more statements (separated by semicolons) on a connection of its own. */
  public static void execute(String sql) throws SQLException {
    try (Connection db = connect();
        Statement st = db.createStatement()) {
      st.execute(sql);
    }
  }
}
