package org.peerboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.peerboard.Config;
import org.peerboard.PeerBoard;

/**
 * A PeerBoard under test: booted in this JVM ({@code inproc}), in a child JVM ({@code fork}, so its
 * heap, GC and profile are its own), or one already running at {@code -Dbench.url}.
 */
abstract class Target implements AutoCloseable {
  abstract String host();

  abstract int port();

  /** {@code postgres://…} of its database, for a second instance; null when unknown. */
  abstract String databaseUrl();

  /** Its data directory when it runs an embedded PostgreSQL of its own. */
  java.nio.file.Path dataDir;

  /**
   * The embedded PostgreSQL's postmaster (its backends are its children); -1 when there is none.
   */
  long postgresPid() {
    try {
      java.nio.file.Path pid =
          dataDir == null ? null : dataDir.resolve("postgres").resolve("postmaster.pid");
      return pid != null && Files.exists(pid)
          ? Long.parseLong(Files.readAllLines(pid).get(0).trim())
          : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The processes that serve it: the JVM (when not this one) and its PostgreSQL, for CPU
   * accounting.
   */
  long[] processes() {
    return java.util.stream.LongStream.of(pid(), postgresPid()).filter(p -> p > 0).toArray();
  }

  /** The process serving it, for RSS; -1 when it is not ours. */
  long pid() {
    return -1;
  }

  String base() {
    return "http://" + host() + ":" + port();
  }

  @Override
  public abstract void close();

  /**
   * {@code instances} PeerBoards on one database: the first as configured, the others pointed at
   * its database.
   */
  static List<Target> start(int instances) throws Exception {
    return start(instances, "inproc");
  }

  static List<Target> start(int instances, String defaultMode) throws Exception {
    List<Target> targets = new ArrayList<>();
    String url = Opts.str("url", null);
    if (url != null) {
      for (String one : url.split(",")) {
        targets.add(new Remote(URI.create(one)));
      }
      return targets;
    }
    String mode = Opts.str("server", defaultMode);
    if (Child.handles(mode)) {
      // issue 28: another build's jar, or the floor; one process (they have no shared database)
      targets.add(Child.start(mode));
      return targets;
    }
    targets.add(start(mode, null));
    for (int i = 1; i < instances; i++) {
      targets.add(start(mode, targets.get(0).databaseUrl()));
    }
    return targets;
  }

  static Target start(String mode, String databaseUrl) throws Exception {
    Path dir = Files.createTempDirectory("peerboard-bench");
    Target target =
        "fork".equals(mode)
            ? Forked.start(dir, freePort(), freePort(), databaseUrl)
            : InProcess.start(dir, freePort(), freePort(), databaseUrl);
    target.dataDir = databaseUrl == null ? dir : null;
    return target;
  }

  /**
   * Where the embedded PostgreSQL keeps its data, and on what kind of file system (a RAM disk makes
   * flushes free).
   */
  static String storage(Target target) {
    if (target.dataDir == null) {
      return "external PostgreSQL";
    }
    try {
      return "PostgreSQL data in "
          + target.dataDir.getParent()
          + " ("
          + Files.getFileStore(target.dataDir).type()
          + ")";
    } catch (IOException e) {
      return "PostgreSQL data in " + target.dataDir.getParent();
    }
  }

  static Config config(Path dataDir, int port, int dbPort, String databaseUrl) {
    Config config =
        new Config(
                "127.0.0.1",
                port,
                dataDir,
                Optional.empty(),
                dbPort,
                Optional.of("http://127.0.0.1:" + port),
                Optional.empty(),
                16 * 1024,
                false,
                new Config.Limits(
                    Opts.integer("notesPerMinute", Config.Limits.DEFAULTS.notesPerMinute()),
                    Config.Limits.DEFAULTS.participantsPerBoard(),
                    Config.Limits.DEFAULTS.failedJoinsPerMinute()))
            // the whole fleet connects from 127.0.0.1 and its phones post as fast as a scenario
            // asks: the per-address
            // and per-token budgets (docs/reliability.md) are out of the way, the timeouts keep
            // their defaults
            .withDefences(
                new Config.Defences(
                    Config.Defences.DEFAULTS.headerTimeoutSeconds(),
                    Config.Defences.DEFAULTS.idleTimeoutSeconds(),
                    Config.Defences.DEFAULTS.helloTimeoutSeconds(),
                    1_000_000,
                    1_000_000,
                    1_000_000,
                    1_000_000,
                    1_000_000,
                    Config.Defences.DEFAULTS.codeExpiryDays(),
                    1_000_000,
                    1_000_000))
            // and so are the second pass's (issue 27): joins and hellos per address, a board's
            // notes a minute
            .withBudgets(
                new Config.Budgets(
                    1_000_000,
                    1_000_000,
                    1_000_000,
                    1_000_000,
                    1_000_000,
                    Config.Budgets.DEFAULTS.exportsAtOnce(),
                    0));
    // -Dbench.loops: the server's live loops (PEERBOARD_LIVE_LOOPS); one per core by default
    config = config.withLiveLoops(Opts.integer("loops", config.liveLoops()));
    return databaseUrl == null ? config : config.withDatabaseUrl(databaseUrl);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String urlOf(org.peerboard.db.DbSettings db) {
    return "postgres://"
        + db.user()
        + ":"
        + db.password()
        + "@"
        + db.host()
        + ":"
        + db.port()
        + "/"
        + db.database();
  }

  /** PeerBoard.start in this JVM. */
  static final class InProcess extends Target {
    final PeerBoard app;
    final long startMillis;

    InProcess(PeerBoard app, long startMillis) {
      this.app = app;
      this.startMillis = startMillis;
    }

    static InProcess start(Path dir, int port, int dbPort, String databaseUrl) throws Exception {
      long t0 = System.nanoTime();
      PeerBoard app = PeerBoard.start(config(dir, port, dbPort, databaseUrl));
      return new InProcess(app, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    String host() {
      return "127.0.0.1";
    }

    int port() {
      return app.port();
    }

    String databaseUrl() {
      return urlOf(app.database());
    }

    long pid() {
      return ProcessHandle.current().pid();
    }

    public void close() {
      app.close();
    }
  }

  /**
   * A child JVM running {@link ServerMain}; it answers "gc" on stdin with its heap after a full GC.
   */
  static final class Forked extends Target {
    final Process process;
    final BufferedReader out;
    final int port;
    final String dbUrl;
    final long readyMillis;
    final java.util.concurrent.BlockingQueue<Long> heap =
        new java.util.concurrent.LinkedBlockingQueue<>();
    volatile boolean quiet;

    private Forked(Process process, BufferedReader out, int port, String dbUrl, long readyMillis) {
      this.process = process;
      this.out = out;
      this.port = port;
      this.dbUrl = dbUrl;
      this.readyMillis = readyMillis;
    }

    static Forked start(Path dir, int port, int dbPort, String databaseUrl) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      for (String arg : Opts.str("serverJvmArgs", "-Xmx2g -XX:+UseG1GC").split("\\s+")) {
        if (!arg.isBlank()) {
          command.add(arg.replace("{dir}", dir.toString()));
        }
      }
      System.getProperties()
          .forEach(
              (k, v) -> {
                if (k.toString().startsWith("bench.")
                    && !k.toString().equals("bench.serverJvmArgs")) {
                  command.add("-D" + k + "=" + v);
                }
              });
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              ServerMain.class.getName(),
              dir.toString(),
              Integer.toString(port),
              Integer.toString(dbPort),
              databaseUrl == null ? "" : databaseUrl));
      long t0 = System.nanoTime();
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("READY ")) {
          long ready = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
          Forked forked = new Forked(process, out, port, line.substring(6).trim(), ready);
          Thread pump = new Thread(forked::pump, "server-stdout");
          pump.setDaemon(true);
          pump.start();
          return forked;
        }
        System.out.println("[server] " + line);
      }
      throw new IOException(
          "the server process ended before it was ready (exit " + waitExit(process) + ")");
    }

    /** Reads the child's stdout all the time, so its logging never blocks on a full pipe. */
    private void pump() {
      try {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith("HEAP ")) {
            heap.add(Long.parseLong(line.substring(5).trim()));
          } else if (!quiet) {
            System.out.println("[server] " + line);
          }
        }
      } catch (IOException e) {
        // the child ended
      }
    }

    private static int waitExit(Process p) {
      try {
        return p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }

    String host() {
      return "127.0.0.1";
    }

    int port() {
      return port;
    }

    String databaseUrl() {
      return dbUrl;
    }

    long pid() {
      return process.pid();
    }

    /** Asks the child for a full GC and returns its used heap in bytes. */
    synchronized long heapAfterGc() throws IOException {
      OutputStream in = process.getOutputStream();
      in.write("gc\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      try {
        Long used = heap.poll(60, TimeUnit.SECONDS);
        if (used == null) {
          throw new IOException("the server process did not answer gc");
        }
        return used;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }

    public void close() {
      try {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroy();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (IOException | InterruptedException e) {
        process.destroy();
      }
    }
  }

  /** A PeerBoard somebody else started. */
  static final class Remote extends Target {
    final URI uri;

    Remote(URI uri) {
      this.uri = uri;
    }

    String host() {
      return uri.getHost();
    }

    int port() {
      return uri.getPort() < 0 ? 80 : uri.getPort();
    }

    String databaseUrl() {
      return null;
    }

    public void close() {}
  }
}
