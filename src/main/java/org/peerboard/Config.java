package org.peerboard;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything PeerBoard can be told at start-up. Defaults suit a laptop; environment variables override them.
 */
public record Config(
    String host,
    int port,
    Path dataDir,
    Optional<String> databaseUrl,
    int embeddedDbPort,
    Optional<String> publicUrl,
    Optional<String> adminToken,
    int maxFrameBytes,
    boolean devMode,
    Limits limits,
    int liveLoops) {

  /** Without {@code liveLoops}: one event loop per core (docs/scaling.md). */
  public Config(String host, int port, Path dataDir, Optional<String> databaseUrl, int embeddedDbPort,
      Optional<String> publicUrl, Optional<String> adminToken, int maxFrameBytes, boolean devMode, Limits limits) {
    this(host, port, dataDir, databaseUrl, embeddedDbPort, publicUrl, adminToken, maxFrameBytes, devMode, limits,
        Runtime.getRuntime().availableProcessors());
  }

  public Config {
    if (liveLoops < 1 || liveLoops > 256) {
      throw new IllegalArgumentException("PEERBOARD_LIVE_LOOPS must be between 1 and 256, got " + liveLoops);
    }
  }

  /**
   * Limits against abuse: notes per participant per minute (a burst of that many, then refilled over the minute),
   * participants per board (a 1,000-person plenary fits the default), failed joins per address per minute.
   */
  public record Limits(int notesPerMinute, int participantsPerBoard, int failedJoinsPerMinute) {
    public static final Limits DEFAULTS = new Limits(30, 2_000, 20);
  }

  public static Config fromEnv(Map<String, String> env) {
    return new Config(
        env.getOrDefault("HOST", "0.0.0.0"),
        intOf(env, "PORT", 8080),
        Path.of(env.getOrDefault("PEERBOARD_DATA_DIR", "data")).toAbsolutePath(),
        nonBlank(env.get("DATABASE_URL")),
        intOf(env, "PEERBOARD_DB_PORT", 54329),
        nonBlank(env.get("PEERBOARD_PUBLIC_URL")).map(Config::withoutTrailingSlash),
        nonBlank(env.get("PEERBOARD_ADMIN_TOKEN")),
        intOf(env, "PEERBOARD_MAX_FRAME_BYTES", 16 * 1024),
        "true".equalsIgnoreCase(env.get("PEERBOARD_DEV")),
        new Limits(
            intOf(env, "PEERBOARD_NOTES_PER_MINUTE", Limits.DEFAULTS.notesPerMinute()),
            intOf(env, "PEERBOARD_MAX_PARTICIPANTS", Limits.DEFAULTS.participantsPerBoard()),
            intOf(env, "PEERBOARD_FAILED_JOINS_PER_MINUTE", Limits.DEFAULTS.failedJoinsPerMinute())),
        intOf(env, "PEERBOARD_LIVE_LOOPS", Runtime.getRuntime().availableProcessors()));
  }

  public Config withPort(int newPort) {
    return new Config(host, newPort, dataDir, databaseUrl, embeddedDbPort, publicUrl, adminToken, maxFrameBytes, devMode,
        limits, liveLoops);
  }

  public Config withDatabaseUrl(String url) {
    return new Config(host, port, dataDir, Optional.of(url), embeddedDbPort, publicUrl, adminToken, maxFrameBytes, devMode,
        limits, liveLoops);
  }

  public Config withPublicUrl(String url) {
    return new Config(host, port, dataDir, databaseUrl, embeddedDbPort, Optional.of(url), adminToken, maxFrameBytes, devMode,
        limits, liveLoops);
  }

  public Config withLimits(Limits newLimits) {
    return new Config(host, port, dataDir, databaseUrl, embeddedDbPort, publicUrl, adminToken, maxFrameBytes, devMode,
        newLimits, liveLoops);
  }

  /** The number of event loops that serve sockets and boards ({@code PEERBOARD_LIVE_LOOPS}). */
  public Config withLiveLoops(int loops) {
    return new Config(host, port, dataDir, databaseUrl, embeddedDbPort, publicUrl, adminToken, maxFrameBytes, devMode,
        limits, loops);
  }

  private static int intOf(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
