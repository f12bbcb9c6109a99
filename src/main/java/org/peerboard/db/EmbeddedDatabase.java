package org.peerboard.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real PostgreSQL server from the zonky binaries, with its data kept under the data directory
 * and the durability settings zonky turns off (fsync, synchronous_commit, full_page_writes) turned
 * back on.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final Optional<Path> socketDir;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Optional<Path> socketDir) {
    this.postgres = postgres;
    this.socketDir = socketDir;
  }

  /**
   * Starts PostgreSQL in {@code dataDir/postgres}, first stopping one that a killed PeerBoard left
   * running.
   */
  public static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
    Path pgData = dataDir.resolve("postgres");
    Files.createDirectories(dataDir);
    stopOrphan(pgData);
    Optional<Path> socketDir = socketDir(dataDir, port);
    if (socketDir.isPresent()) {
      // this user's only: other accounts on the machine cannot reach the socket
      Files.createDirectories(socketDir.get());
      if (Files.getFileStore(socketDir.get()).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(
            socketDir.get(), PosixFilePermissions.fromString("rwx------"));
      }
    }
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("listen_addresses", "localhost")
            .setServerConfig("max_connections", "100")
            // WAL segments no longer needed are deleted, not renamed and reused with old records in
            // them: a deleted
            // workshop's text leaves the data directory at the checkpoint after its deletion
            // (db/Erasure)
            .setServerConfig("wal_recycle", "off");
    // its Unix socket in a directory of ours, not PostgreSQL's default /tmp (everyone's), unless
    // the data directory's path is too long for a socket's name
    socketDir.ifPresent(dir -> builder.setServerConfig("unix_socket_directories", dir.toString()));
    EmbeddedPostgres postgres = builder.start();
    return new EmbeddedDatabase(postgres, socketDir);
  }

  /**
   * Where the socket goes: {@code dataDir/socket}, unless its name ({@code .s.PGSQL.<port>} inside)
   * would exceed the 107 bytes a Unix socket's path may have.
   */
  static Optional<Path> socketDir(Path dataDir, int port) {
    Path dir = dataDir.toAbsolutePath().normalize().resolve("socket");
    String name = dir.resolve(".s.PGSQL." + (port == 0 ? 65535 : port)).toString();
    return name.getBytes(StandardCharsets.UTF_8).length <= 107
        ? Optional.of(dir)
        : Optional.empty();
  }

  public DbSettings settings() {
    return new DbSettings("localhost", postgres.getPort(), "postgres", "postgres", "", socketDir);
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  /**
   * After a {@code kill -9} of the JVM the postgres child keeps running and holds the data
   * directory; a fast shutdown of it (SIGINT) loses nothing committed, then we start afresh.
   */
  static void stopOrphan(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> orphan =
        lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (orphan.isEmpty() || !orphan.get().isAlive() || !isPostgres(orphan.get())) {
      return;
    }
    long pid = orphan.get().pid();
    LOG.warn(
        "A PostgreSQL (pid {}) left running by an earlier PeerBoard holds {}; stopping it first",
        pid,
        pgData);
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (orphan.get().isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the orphaned PostgreSQL", e);
    }
    if (orphan.get().isAlive()) {
      throw new IOException(
          "PostgreSQL pid " + pid + " did not stop; stop it by hand and start again");
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process
        .info()
        .command()
        .map(c -> c.endsWith("postgres") || c.contains("/bin/postgres"))
        .orElse(true);
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
