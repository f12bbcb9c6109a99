package org.peerboard.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one client from holding the server's connections (slowloris): a connection must finish its
 * request headers within the header timeout, an idle keep-alive connection is closed after the idle
 * timeout, and each client address may hold at most so many connections at once (a venue NAT puts
 * hundreds of phones behind one). WebSockets are left alone once upgraded; their own guard is the
 * hello timeout (live/WsHandler), but their slot is theirs until the socket closes: an upgraded
 * connection never reports its own close, so the socket's close gives the slot back ({@link
 * #upgraded}). Each connection gives its slot back once, whichever close comes first.
 *
 * <p>With HTTPS, Vert.x tells of a connection only once its TLS handshake is done; the {@link
 * TlsFront} takes the slot at TCP accept instead ({@link #admit}) and hands it to the HTTPS server
 * behind it ({@link #expect}, {@link #connectedBehindFront}), so handshakes count too.
 */
public final class ConnectionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

  private final Vertx vertx;
  private final long headerMillis;
  private final long idleMillis;
  private final int perAddress;
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

  /** The slot each counted connection holds, until it is given back. */
  private final Map<HttpConnection, Slot> slots = new ConcurrentHashMap<>();

  /**
   * Slots taken by the TLS front for connections it opened to the HTTPS server, by the front's own
   * end of that loopback connection (which the HTTPS server sees as the real remote address).
   */
  private final Map<String, Slot> expected = new ConcurrentHashMap<>();

  private final AtomicLong strangers = new AtomicLong();

  private final Map<HttpConnection, Long> deadlines = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> refused = new ConcurrentHashMap<>();
  private final AtomicLong timedOut = new AtomicLong();

  /** Connections open in the whole process, and its cap (below the open-files limit). */
  private final AtomicInteger total = new AtomicInteger();

  private final int maxConnections;

  /** Connections past the process's cap, kept only to answer {@code /health}. */
  private final Set<HttpConnection> healthOnly = ConcurrentHashMap.newKeySet();

  private final AtomicLong refusedOverCap = new AtomicLong();

  /** Past the process's cap, this many more connections may still ask {@code /health}. */
  static final int HEALTH_RESERVE = 64;

  public ConnectionGuard(
      Vertx vertx, int headerTimeoutSeconds, int idleTimeoutSeconds, int connectionsPerAddress) {
    this(vertx, headerTimeoutSeconds, idleTimeoutSeconds, connectionsPerAddress, Integer.MAX_VALUE);
  }

  /**
   * {@code maxConnections}: connections the process holds in all; past it a new connection may only
   * ask {@code /health} (a few of them), every other request is answered 503 and closed.
   */
  public ConnectionGuard(
      Vertx vertx,
      int headerTimeoutSeconds,
      int idleTimeoutSeconds,
      int connectionsPerAddress,
      int maxConnections) {
    this.vertx = vertx;
    this.headerMillis = headerTimeoutSeconds * 1_000L;
    // after an answer a keep-alive connection waits for its next request's headers: the header
    // timeout applies again (the idle timeout only when it is the shorter)
    this.idleMillis = Math.min(idleTimeoutSeconds, headerTimeoutSeconds) * 1_000L;
    this.perAddress = connectionsPerAddress;
    this.maxConnections = maxConnections;
  }

  /**
   * A place in the counts: one connection from {@code address}, given back once ({@link #release}),
   * whichever of its ends closes first. Past the process's cap a few connections are still let in
   * to ask {@code /health} only ({@code healthOnly}).
   */
  public final class Slot {
    private final String address;
    private final boolean healthOnly;
    private final AtomicBoolean held = new AtomicBoolean(true);
    private volatile String expectedAs;

    private Slot(String address, boolean healthOnly) {
      this.address = address;
      this.healthOnly = healthOnly;
    }

    /** Gives the slot back; the second and later calls do nothing. */
    public void release() {
      if (held.compareAndSet(true, false)) {
        String key = expectedAs;
        if (key != null) {
          expected.remove(key, this);
        }
        ConnectionGuard.this.release(address);
        total.decrementAndGet();
      }
    }
  }

  /**
   * Counts a new connection from {@code address}, at TCP accept: empty when it is past the
   * address's cap or the process's (beyond the few kept for {@code /health}), and then the caller
   * closes it at once.
   */
  public Optional<Slot> admit(String address) {
    AtomicInteger count = open.computeIfAbsent(address, a -> new AtomicInteger());
    if (count.incrementAndGet() > perAddress) {
      release(address);
      if (refused.computeIfAbsent(address, a -> new AtomicLong()).getAndIncrement() == 0) {
        LOG.warn(
            "Connections from {}: more than {} open at once; refusing the extra ones (summary every minute)",
            address,
            perAddress);
      }
      return Optional.empty();
    }
    int now = total.incrementAndGet();
    if (now > maxConnections + HEALTH_RESERVE) {
      total.decrementAndGet();
      release(address);
      if (refusedOverCap.getAndIncrement() == 0) {
        LOG.warn(
            "More than {} connections open in all; refusing new ones (summary every minute)",
            maxConnections);
      }
      return Optional.empty();
    }
    return Optional.of(new Slot(address, now > maxConnections));
  }

  /**
   * The TLS front opened a connection to the HTTPS server for {@code slot}'s client, from its own
   * end {@code frontEnd}: the HTTPS server will find the slot there ({@link
   * #connectedBehindFront}).
   */
  public void expect(SocketAddress frontEnd, Slot slot) {
    String key = frontEnd.hostAddress() + ":" + frontEnd.port();
    slot.expectedAs = key;
    expected.put(key, slot);
    if (!slot.held.get()) {
      expected.remove(key, slot);
    }
  }

  /**
   * A new TCP connection, counted here (plain HTTP, or HTTPS without the front): refused past the
   * caps; otherwise it has until the header timeout.
   */
  public void connected(HttpConnection connection) {
    Optional<Slot> slot = admit(address(connection.remoteAddress()));
    if (slot.isEmpty()) {
      connection.close();
      return;
    }
    hold(connection, slot.get());
  }

  /**
   * A connection to the HTTPS server behind the TLS front, its handshake done: it must be one the
   * front opened (its real remote end is the front's, and the PROXY header names the client the
   * front counted), and it keeps the slot the front took. Anything else on the loopback port (a
   * process on this machine claiming another address) is closed.
   */
  public void connectedBehindFront(HttpConnection connection) {
    SocketAddress real = connection.remoteAddress(true);
    Slot slot = real == null ? null : expected.remove(real.hostAddress() + ":" + real.port());
    if (slot == null || !slot.address.equals(address(connection.remoteAddress()))) {
      if (strangers.getAndIncrement() == 0) {
        LOG.warn(
            "A connection to the internal HTTPS port that the TLS front did not open (from {}); closed",
            real);
      }
      connection.close();
      return;
    }
    hold(connection, slot);
  }

  private void hold(HttpConnection connection, Slot slot) {
    if (slot.healthOnly) {
      healthOnly.add(connection);
    }
    slots.put(connection, slot);
    connection.closeHandler(v -> closed(connection));
    arm(connection, headerMillis);
  }

  /**
   * Past the process's cap a connection is answered {@code /health} only: any other request gets
   * 503 with Retry-After and the connection is closed. True when the request was answered here.
   */
  public boolean refusedOverCap(HttpServerRequest request) {
    HttpConnection connection = request.connection();
    if (!healthOnly.contains(connection) || "/health".equals(request.path())) {
      return false;
    }
    refusedOverCap.incrementAndGet();
    request
        .response()
        .setStatusCode(503)
        .putHeader("Retry-After", "10")
        .putHeader("Connection", "close")
        .putHeader("Content-Type", "application/json")
        .end("{\"error\":{\"code\":\"unavailable\",\"message\":\"Too many connections\"}}")
        .onComplete(v -> connection.close());
    return true;
  }

  /** Connections open in the whole process now. */
  public int openInAll() {
    return total.get();
  }

  /**
   * The connection became a WebSocket: from now on only the socket tells when it closes (clean
   * close, error or a peer that vanished), and that gives the slot back. Returns what the socket's
   * own close handler must call.
   */
  public Runnable upgraded(HttpConnection connection) {
    disarm(connection);
    return () -> closed(connection);
  }

  /** A connection ended, however: its deadline goes, and its slot is given back once. */
  private void closed(HttpConnection connection) {
    disarm(connection);
    Slot slot = slots.remove(connection);
    if (slot != null) {
      slot.release();
      healthOnly.remove(connection);
    }
  }

  /** The request's headers have arrived: no deadline while it is answered. */
  public void request(HttpServerRequest request) {
    disarm(request.connection());
  }

  /**
   * First handler of the router: once the answer has gone, the connection waits for its next
   * request only up to the idle timeout (through the router's end handlers, which several parts may
   * add, unlike the response's one).
   */
  public void idleAfterAnswer(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
      ctx.addEndHandler(v -> answered(connection));
    }
    ctx.next();
  }

  /**
   * An answer went out on this connection: it may now wait for the next request up to the idle
   * timeout.
   */
  public void answered(HttpConnection connection) {
    if (!deadlines.containsKey(connection)) {
      arm(connection, idleMillis);
    }
  }

  /** Connections open now from this address (for tests and the log). */
  public int openFrom(String address) {
    AtomicInteger count = open.get(address);
    return count == null ? 0 : count.get();
  }

  /**
   * One line per address that hit the cap in the last minute, and how many connections timed out.
   */
  public void summarise() {
    refused.forEach(
        (address, count) -> {
          if (count.get() > 1) {
            LOG.warn(
                "Connections from {}: {} refused in the last minute over the cap of {}",
                address,
                count.get() - 1,
                perAddress);
          }
        });
    refused.clear();
    long overCap = refusedOverCap.getAndSet(0);
    if (overCap > 1) {
      LOG.warn(
          "{} connection(s) or request(s) refused in the last minute over the process's cap of {}",
          overCap - 1,
          maxConnections);
    }
    long unknown = strangers.getAndSet(0);
    if (unknown > 1) {
      LOG.warn(
          "{} connection(s) to the internal HTTPS port not opened by the TLS front in the last minute; closed",
          unknown - 1);
    }
    long closed = timedOut.getAndSet(0);
    if (closed > 0) {
      LOG.info(
          "{} connection(s) closed in the last minute for sending no complete request in time",
          closed);
    }
  }

  private void arm(HttpConnection connection, long millis) {
    long timer =
        vertx.setTimer(
            millis,
            id -> {
              if (deadlines.remove(connection, id)) {
                timedOut.incrementAndGet();
                connection.close();
              }
            });
    Long earlier = deadlines.put(connection, timer);
    if (earlier != null) {
      vertx.cancelTimer(earlier);
    }
  }

  private void disarm(HttpConnection connection) {
    Long timer = deadlines.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void release(String address) {
    open.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
  }

  static String address(SocketAddress remote) {
    return remote == null || remote.hostAddress() == null ? "?" : remote.hostAddress();
  }
}
