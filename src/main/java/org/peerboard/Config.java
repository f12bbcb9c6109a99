package org.peerboard;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Everything PeerBoard can be told at start-up. Defaults suit a laptop; environment variables
 * override them.
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
    Defences defences,
    Tls tls,
    int liveLoops,
    Budgets budgets,
    Clock clock,
    Optional<String> accessibilityContact) {

  /** An e-mail address, or a web page (http or https), that the accessibility statement names. */
  private static final Pattern CONTACT =
      Pattern.compile(
          "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,180}\\.[A-Za-z]{2,24}"
              + "|https?://[^\\s()\\[\\]*<>\"'`]{3,300}");

  public Config {
    if (accessibilityContact.isPresent()
        && !CONTACT.matcher(accessibilityContact.get()).matches()) {
      throw new IllegalArgumentException(
          "PEERBOARD_ACCESSIBILITY_CONTACT must be an e-mail address or an http(s) address, got "
              + accessibilityContact.get());
    }
    if (liveLoops < 1 || liveLoops > 256) {
      throw new IllegalArgumentException(
          "PEERBOARD_LIVE_LOOPS must be between 1 and 256, got " + liveLoops);
    }
  }

  /**
   * Limits against abuse: notes per participant per minute (a burst of that many, then refilled
   * over the minute), participants per board (a 1,000-person plenary fits the default), failed
   * joins per address per minute.
   */
  public record Limits(int notesPerMinute, int participantsPerBoard, int failedJoinsPerMinute) {
    public static final Limits DEFAULTS = new Limits(30, 2_000, 20);
  }

  /**
   * Defences against one bad client (docs/reliability.md): how long a connection may take to send
   * its request headers, stay idle, or stay on a WebSocket without {@code hello}; connections per
   * client address; ops per token per minute (participants, and runners: moderators, organisers,
   * projectors), unanswered ops per socket, hellos per token per minute; days a closed board's (or
   * a finished workshop's) join code keeps working; workshops created per address per hour; wrong
   * admin tokens per address per minute.
   */
  public record Defences(
      int headerTimeoutSeconds,
      int idleTimeoutSeconds,
      int helloTimeoutSeconds,
      int connectionsPerAddress,
      int opsPerMinute,
      int runnerOpsPerMinute,
      int pendingOpsPerSocket,
      int hellosPerMinute,
      int codeExpiryDays,
      int workshopsPerHour,
      int adminFailuresPerMinute) {
    public static final Defences DEFAULTS =
        new Defences(20, 60, 10, 1_000, 120, 1_200, 16, 30, 7, 30, 5);
  }

  /**
   * Budgets of the second hardening pass (docs/reliability.md): joins per address per board (a
   * burst that fits a room of phones behind one NAT, then refilled over the minute), new
   * participants and notes per board per minute, hellos per address per minute; malformed frames
   * per socket per minute; exports and reports being made at once; connections the process holds in
   * all (0: the open-files limit less a reserve).
   */
  public record Budgets(
      int joinsPerAddressPerBoard,
      int participantsPerBoardPerMinute,
      int notesPerBoardPerMinute,
      int hellosPerAddressPerMinute,
      int badFramesPerSocket,
      int exportsAtOnce,
      int maxConnections) {
    public static final Budgets DEFAULTS = new Budgets(80, 300, 1_200, 600, 20, 3, 0);
  }

  /**
   * HTTPS: a PEM certificate and key, or a self-signed certificate PeerBoard makes (and keeps in
   * the data directory); {@code redirectPort} answers plain HTTP with a redirect to HTTPS (0: no
   * such listener); {@code front}: the public port counts connections at TCP accept, before their
   * TLS handshake, and passes them to the HTTPS server on loopback ({@code http/TlsFront}).
   */
  public record Tls(
      Optional<Path> certPath,
      Optional<Path> keyPath,
      boolean selfSigned,
      int redirectPort,
      boolean front) {
    public static final Tls OFF = new Tls(Optional.empty(), Optional.empty(), false, 0);

    /** With the front (the default). */
    public Tls(
        Optional<Path> certPath, Optional<Path> keyPath, boolean selfSigned, int redirectPort) {
      this(certPath, keyPath, selfSigned, redirectPort, true);
    }

    public boolean on() {
      return selfSigned || certPath.isPresent();
    }
  }

  /** The configuration before HTTPS and the defences existed; both take their defaults. */
  public Config(
      String host,
      int port,
      Path dataDir,
      Optional<String> databaseUrl,
      int embeddedDbPort,
      Optional<String> publicUrl,
      Optional<String> adminToken,
      int maxFrameBytes,
      boolean devMode,
      Limits limits) {
    this(
        host,
        port,
        dataDir,
        databaseUrl,
        embeddedDbPort,
        publicUrl,
        adminToken,
        maxFrameBytes,
        devMode,
        limits,
        Defences.DEFAULTS,
        Tls.OFF);
  }

  /** Without {@code liveLoops}: {@link #defaultLiveLoops()} (docs/scaling.md). */
  public Config(
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
      Defences defences,
      Tls tls) {
    this(
        host,
        port,
        dataDir,
        databaseUrl,
        embeddedDbPort,
        publicUrl,
        adminToken,
        maxFrameBytes,
        devMode,
        limits,
        defences,
        tls,
        defaultLiveLoops());
  }

  /**
   * Without {@code clock}: the system's, in UTC. Tests give their own to see what happens on a
   * later day (the retention sweep).
   */
  public Config(
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
      Defences defences,
      Tls tls,
      int liveLoops) {
    this(
        host,
        port,
        dataDir,
        databaseUrl,
        embeddedDbPort,
        publicUrl,
        adminToken,
        maxFrameBytes,
        devMode,
        limits,
        defences,
        tls,
        liveLoops,
        Budgets.DEFAULTS,
        Clock.systemUTC(),
        Optional.empty());
  }

  public static Config fromEnv(Map<String, String> env) {
    Defences d = Defences.DEFAULTS;
    Optional<Path> cert = nonBlank(env.get("PEERBOARD_TLS_CERT")).map(Path::of);
    Optional<Path> key = nonBlank(env.get("PEERBOARD_TLS_KEY")).map(Path::of);
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException(
          "PEERBOARD_TLS_CERT and PEERBOARD_TLS_KEY go together: set both or neither");
    }
    boolean selfSigned = "true".equalsIgnoreCase(env.get("PEERBOARD_TLS_SELF_SIGNED"));
    boolean tlsOn = selfSigned || cert.isPresent();
    return new Config(
        env.getOrDefault("HOST", "0.0.0.0"),
        intOf(env, "PORT", tlsOn ? 8443 : 8080),
        Path.of(env.getOrDefault("PEERBOARD_DATA_DIR", "data")).toAbsolutePath(),
        nonBlank(env.get("DATABASE_URL")),
        intOf(env, "PEERBOARD_DB_PORT", 54329),
        nonBlank(env.get("PEERBOARD_PUBLIC_URL")).map(Config::withoutTrailingSlash),
        nonBlank(env.get("PEERBOARD_ADMIN_TOKEN")),
        intOf(env, "PEERBOARD_MAX_FRAME_BYTES", 24 * 1024),
        "true".equalsIgnoreCase(env.get("PEERBOARD_DEV")),
        new Limits(
            intOf(env, "PEERBOARD_NOTES_PER_MINUTE", Limits.DEFAULTS.notesPerMinute()),
            intOf(env, "PEERBOARD_MAX_PARTICIPANTS", Limits.DEFAULTS.participantsPerBoard()),
            intOf(
                env, "PEERBOARD_FAILED_JOINS_PER_MINUTE", Limits.DEFAULTS.failedJoinsPerMinute())),
        new Defences(
            intOf(env, "PEERBOARD_HEADER_TIMEOUT_SECONDS", d.headerTimeoutSeconds()),
            intOf(env, "PEERBOARD_IDLE_TIMEOUT_SECONDS", d.idleTimeoutSeconds()),
            intOf(env, "PEERBOARD_HELLO_TIMEOUT_SECONDS", d.helloTimeoutSeconds()),
            intOf(env, "PEERBOARD_CONNECTIONS_PER_ADDRESS", d.connectionsPerAddress()),
            intOf(env, "PEERBOARD_OPS_PER_MINUTE", d.opsPerMinute()),
            intOf(env, "PEERBOARD_RUNNER_OPS_PER_MINUTE", d.runnerOpsPerMinute()),
            intOf(env, "PEERBOARD_PENDING_OPS_PER_SOCKET", d.pendingOpsPerSocket()),
            intOf(env, "PEERBOARD_HELLOS_PER_MINUTE", d.hellosPerMinute()),
            intOf(env, "PEERBOARD_CODE_EXPIRY_DAYS", d.codeExpiryDays()),
            intOf(env, "PEERBOARD_WORKSHOPS_PER_HOUR", d.workshopsPerHour()),
            intOf(env, "PEERBOARD_ADMIN_FAILURES_PER_MINUTE", d.adminFailuresPerMinute())),
        new Tls(
            cert,
            key,
            selfSigned,
            tlsOn ? intOf(env, "PEERBOARD_HTTP_PORT", 8080) : 0,
            !"false".equalsIgnoreCase(env.get("PEERBOARD_TLS_FRONT"))),
        intOf(env, "PEERBOARD_LIVE_LOOPS", defaultLiveLoops()),
        budgets(env),
        Clock.systemUTC(),
        nonBlank(env.get("PEERBOARD_ACCESSIBILITY_CONTACT")).map(String::strip));
  }

  private static Budgets budgets(Map<String, String> env) {
    Budgets b = Budgets.DEFAULTS;
    return new Budgets(
        intOf(env, "PEERBOARD_JOINS_PER_ADDRESS_PER_BOARD", b.joinsPerAddressPerBoard()),
        intOf(env, "PEERBOARD_NEW_PARTICIPANTS_PER_MINUTE", b.participantsPerBoardPerMinute()),
        intOf(env, "PEERBOARD_BOARD_NOTES_PER_MINUTE", b.notesPerBoardPerMinute()),
        intOf(env, "PEERBOARD_HELLOS_PER_ADDRESS_PER_MINUTE", b.hellosPerAddressPerMinute()),
        intOf(env, "PEERBOARD_BAD_FRAMES_PER_SOCKET", b.badFramesPerSocket()),
        intOf(env, "PEERBOARD_EXPORTS_AT_ONCE", b.exportsAtOnce()),
        intOf(env, "PEERBOARD_MAX_CONNECTIONS", b.maxConnections()));
  }

  public Config withPort(int newPort) {
    return copy(c -> c.port = newPort);
  }

  public Config withDatabaseUrl(String url) {
    return copy(c -> c.databaseUrl = Optional.of(url));
  }

  public Config withPublicUrl(String url) {
    return copy(c -> c.publicUrl = Optional.of(url));
  }

  public Config withLimits(Limits newLimits) {
    return copy(c -> c.limits = newLimits);
  }

  public Config withLiveLoops(int loops) {
    return copy(c -> c.liveLoops = loops);
  }

  public Config withDefences(Defences newDefences) {
    return copy(c -> c.defences = newDefences);
  }

  public Config withBudgets(Budgets newBudgets) {
    return copy(c -> c.budgets = newBudgets);
  }

  public Config withTls(Tls newTls) {
    return copy(c -> c.tls = newTls);
  }

  public Config withAdminToken(Optional<String> token) {
    return copy(c -> c.adminToken = token);
  }

  public Config withHost(String newHost) {
    return copy(c -> c.host = newHost);
  }

  public Config withMaxFrameBytes(int bytes) {
    return copy(c -> c.maxFrameBytes = bytes);
  }

  public Config withClock(Clock newClock) {
    return copy(c -> c.clock = newClock);
  }

  public Config withAccessibilityContact(Optional<String> contact) {
    return copy(c -> c.accessibilityContact = contact);
  }

  /** The fields of a Config, to copy one with a few of them changed. */
  private static final class Fields {
    String host;
    int port;
    Path dataDir;
    Optional<String> databaseUrl;
    int embeddedDbPort;
    Optional<String> publicUrl;
    Optional<String> adminToken;
    int maxFrameBytes;
    boolean devMode;
    Limits limits;
    Defences defences;
    Tls tls;
    int liveLoops;
    Budgets budgets;
    Clock clock;
    Optional<String> accessibilityContact;
  }

  private Config copy(Consumer<Fields> change) {
    Fields c = new Fields();
    c.host = host;
    c.port = port;
    c.dataDir = dataDir;
    c.databaseUrl = databaseUrl;
    c.embeddedDbPort = embeddedDbPort;
    c.publicUrl = publicUrl;
    c.adminToken = adminToken;
    c.maxFrameBytes = maxFrameBytes;
    c.devMode = devMode;
    c.limits = limits;
    c.defences = defences;
    c.tls = tls;
    c.liveLoops = liveLoops;
    c.budgets = budgets;
    c.clock = clock;
    c.accessibilityContact = accessibilityContact;
    change.accept(c);
    return new Config(
        c.host,
        c.port,
        c.dataDir,
        c.databaseUrl,
        c.embeddedDbPort,
        c.publicUrl,
        c.adminToken,
        c.maxFrameBytes,
        c.devMode,
        c.limits,
        c.defences,
        c.tls,
        c.liveLoops,
        c.budgets,
        c.clock,
        c.accessibilityContact);
  }

  /**
   * Whether only this machine can reach the server (then anyone who can may create workshops
   * without a token).
   */
  public boolean localOnly() {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  /**
   * One live loop per two cores, at least one: every op's commit runs in PostgreSQL, which by
   * default shares the machine (embedded), and the kernel's socket work shares it too. On 2 cores
   * one loop acked 9 to 28 % more notes a second than two at 200 concurrent senders, with a lower
   * p99 (issue 28, docs/benchmarks.md); on 8 cores this gives 4 loops. {@code PEERBOARD_LIVE_LOOPS}
   * overrides it, e.g. with the database on another machine.
   */
  public static int defaultLiveLoops() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
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
