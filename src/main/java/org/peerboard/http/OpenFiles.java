package org.peerboard.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's open-files limit, and the connections it leaves room for. The JVM raises its soft
 * limit to the hard one at start where the system allows ({@code -XX:+MaxFDLimit}, on by default);
 * what it got is read back from {@code /proc/self/limits} and logged. A reserve is kept below it
 * for the database pool, the data files, the logs and {@code /health}, so the server refuses new
 * connections before the system refuses it ("Too many open files").
 */
public final class OpenFiles {
  private static final Logger LOG = LoggerFactory.getLogger(OpenFiles.class);

  /** Without a readable limit (not Linux), connections are capped here. */
  static final int FALLBACK_CAP = 10_000;

  private OpenFiles() {}

  /** The soft limit on open files, when the system says. */
  public static OptionalLong softLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String[] parts = line.substring("Max open files".length()).trim().split("\\s+");
          return "unlimited".equals(parts[0])
              ? OptionalLong.of(Long.MAX_VALUE)
              : OptionalLong.of(Long.parseLong(parts[0]));
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("open-files limit unknown: {}", e.getMessage());
    }
    return OptionalLong.empty();
  }

  /**
   * The connections the process may hold: {@code configured} when set (above 0), otherwise the
   * open-files limit less a reserve of a tenth (at least 256), shared by the {@code
   * descriptorsPerConnection} each connection holds (3 behind the TLS front: the client's, the
   * front's way to the HTTPS server and the server's end of it). Logged once.
   */
  public static int connectionCap(int configured, int descriptorsPerConnection) {
    OptionalLong limit = softLimit();
    int cap;
    if (configured > 0) {
      cap = configured;
    } else if (limit.isEmpty()) {
      cap = FALLBACK_CAP / descriptorsPerConnection;
    } else {
      long files = Math.min(limit.getAsLong(), 1_000_000L);
      cap = (int) Math.max(64, (files - Math.max(256, files / 10)) / descriptorsPerConnection);
    }
    LOG.info(
        "Open files: limit {} (the JVM raised its soft limit to the hard one where allowed); "
            + "connections capped at {} (PEERBOARD_MAX_CONNECTIONS)",
        limit.isPresent() ? limit.getAsLong() : "unknown",
        cap);
    return cap;
  }
}
