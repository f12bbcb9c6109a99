package org.peerboard.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.peerboard.Config;
import org.peerboard.PeerBoard;
import org.peerboard.db.DbSettings;

/**
 * Boots the production wiring ({@link PeerBoard#start}) against a real embedded PostgreSQL in a
 * temporary data directory. One shared instance serves most test classes; tests that restart the
 * server start their own.
 */
public final class TestApp {
  private static PeerBoard shared;
  private static Api sharedApi;

  private TestApp() {}

  public static synchronized PeerBoard shared() {
    if (shared == null) {
      try {
        shared = start(Files.createTempDirectory("peerboard-test"), freePort(), freePort());
      } catch (Exception e) {
        throw new IllegalStateException("could not start PeerBoard for tests", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  public static synchronized Api api() {
    if (sharedApi == null) {
      sharedApi = new Api("http://127.0.0.1:" + shared().port());
    }
    return sharedApi;
  }

  public static PeerBoard start(Path dataDir, int port, int dbPort) throws Exception {
    return PeerBoard.start(config(dataDir, port, dbPort));
  }

  /**
   * Tests run on {@link #LOOPS} live loops (4 unless {@code -Dpeerboard.test.loops} says
   * otherwise), more than this machine's cores, so that boards and their sockets are spread over
   * loops in every test.
   */
  public static final int LOOPS = Integer.getInteger("peerboard.test.loops", 4);

  public static Config config(Path dataDir, int port, int dbPort) {
    return new Config(
            "127.0.0.1",
            port,
            dataDir,
            Optional.empty(),
            dbPort,
            Optional.of("http://127.0.0.1:" + port),
            Optional.empty(),
            24 * 1024,
            false,
            Config.Limits.DEFAULTS)
        .withDefences(SUITE)
        .withBudgets(SUITE_BUDGETS)
        .withLiveLoops(LOOPS);
  }

  /**
   * A second process's configuration on the database of another (a fresh data directory and port):
   * the defence tests start one with their own small limits, the scale-out tests one beside the
   * first.
   */
  public static Config onDatabaseOf(PeerBoard other, String name) throws IOException {
    int port = freePort();
    return config(Files.createTempDirectory(name), port, 0)
        .withDatabaseUrl(databaseUrl(other.database()));
  }

  /** The same, on the shared app's database. */
  public static Config onSharedDatabase(String name) throws IOException {
    return onDatabaseOf(shared(), name);
  }

  /** {@code DATABASE_URL} for a database (PeerBoard's embedded one has no password). */
  public static String databaseUrl(DbSettings db) {
    return "postgres://" + db.user() + ":@" + db.host() + ":" + db.port() + "/" + db.database();
  }

  /**
   * The whole suite runs from one address (127.0.0.1) and creates hundreds of workshops, so the
   * per-address and per-token budgets are out of its way; the timeouts keep their defaults. The
   * tests of the defences themselves (security/*) start servers with their own, small values.
   */
  public static final Config.Defences SUITE =
      new Config.Defences(
          Config.Defences.DEFAULTS.headerTimeoutSeconds(),
          Config.Defences.DEFAULTS.idleTimeoutSeconds(),
          Config.Defences.DEFAULTS.helloTimeoutSeconds(),
          100_000,
          1_000_000,
          1_000_000,
          100_000,
          100_000,
          Config.Defences.DEFAULTS.codeExpiryDays(),
          1_000_000,
          1_000_000);

  /**
   * The second pass's budgets, out of the suite's way as {@link #SUITE} is: hundreds of joins and
   * hellos from 127.0.0.1, fuzzed frames on one socket, exports in parallel. The security tests
   * start servers with their own, small values.
   */
  public static final Config.Budgets SUITE_BUDGETS =
      new Config.Budgets(1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 64, 0);

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
