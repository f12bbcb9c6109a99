package org.peerboard.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.Pipe;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public HTTPS port as plain TCP: Vert.x tells of an HTTPS connection only once its TLS
 * handshake is done, so unfinished handshakes escaped the connection caps. The front counts each
 * connection at TCP accept ({@link ConnectionGuard#admit}), closes it at once past the caps, and
 * otherwise passes its bytes both ways, with back-pressure, to the HTTPS server listening on
 * loopback only. The first bytes it sends there are a PROXY protocol header naming the client, so
 * every per-address rule behind it sees the client's real address; the HTTPS server takes only
 * connections the front opened ({@link ConnectionGuard#connectedBehindFront}).
 */
public final class TlsFront {
  private static final Logger LOG = LoggerFactory.getLogger(TlsFront.class);

  /**
   * When one end closes, what the other still has to send gets this long to go before it is closed
   * too (an end that stopped reading would otherwise hold it).
   */
  static final long DRAIN_MILLIS = 5_000;

  private final Vertx vertx;
  private final ConnectionGuard guard;
  private final int upstreamPort;
  private final NetClient upstreams;
  private final AtomicLong upstreamFailures = new AtomicLong();
  private NetServer server;

  /** A front for the HTTPS server listening on {@code 127.0.0.1:upstreamPort}. */
  public TlsFront(Vertx vertx, ConnectionGuard guard, int upstreamPort) {
    this.vertx = vertx;
    this.guard = guard;
    this.upstreamPort = upstreamPort;
    this.upstreams = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000));
  }

  /** Listens on the public address; fails loudly when the port is taken. */
  public Future<NetServer> listen(String host, int port) {
    return vertx
        .createNetServer(new NetServerOptions().setHost(host).setPort(port))
        .connectHandler(this::accepted)
        .listen()
        .onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }

  /** Stops accepting; the connections in progress end when the HTTPS server closes theirs. */
  public Future<Void> close() {
    return (server == null ? Future.<Void>succeededFuture() : server.close())
        .eventually(upstreams::close);
  }

  private void accepted(NetSocket client) {
    var slot = guard.admit(ConnectionGuard.address(client.remoteAddress()));
    if (slot.isEmpty()) {
      client.close();
      return;
    }
    // the client's first bytes (its ClientHello) wait here until the way to the server is open
    Pipe<Buffer> fromClient = client.pipe();
    Link link = new Link(client);
    client.closeHandler(
        v -> {
          slot.get().release();
          link.clientClosed();
        });
    upstreams
        .connect(upstreamPort, "127.0.0.1")
        .onComplete(
            opened -> {
              if (opened.failed()) {
                if (upstreamFailures.getAndIncrement() % 1_000 == 0) {
                  LOG.warn("The TLS front could not reach the HTTPS server", opened.cause());
                }
                fromClient.close();
                client.close();
                return;
              }
              NetSocket upstream = opened.result();
              if (!link.open(upstream)) {
                fromClient.close();
                upstream.close();
                return;
              }
              guard.expect(upstream.localAddress(), slot.get());
              upstream.closeHandler(v -> link.upstreamClosed());
              upstream.write(proxyHeader(client.remoteAddress(), upstreamPort));
              fromClient.to(upstream);
              upstream.pipeTo(client);
            });
  }

  /**
   * PROXY protocol version 1 (HAProxy's text form): the client's address and port. The destination
   * is the loopback server, in the client's family (the header wants both alike).
   */
  static Buffer proxyHeader(SocketAddress client, int port) {
    String host = client.hostAddress();
    int scope = host.indexOf('%');
    if (scope >= 0) {
      host = host.substring(0, scope);
    }
    boolean six = host.indexOf(':') >= 0;
    return Buffer.buffer(
        (six ? "PROXY TCP6 " : "PROXY TCP4 ")
            + host
            + (six ? " ::1 " : " 127.0.0.1 ")
            + client.port()
            + " "
            + port
            + "\r\n");
  }

  /**
   * One client's two connections: when either closes, the other follows once what it still has to
   * send has gone (the pipes end it), or after {@link #DRAIN_MILLIS} at the latest.
   */
  private final class Link {
    private final NetSocket client;
    private NetSocket upstream;
    private boolean clientOpen = true;
    private boolean upstreamOpen;

    Link(NetSocket client) {
      this.client = client;
    }

    /** The way to the server is open; false when the client has gone meanwhile. */
    boolean open(NetSocket upstream) {
      if (!clientOpen) {
        return false;
      }
      this.upstream = upstream;
      upstreamOpen = true;
      return true;
    }

    void clientClosed() {
      clientOpen = false;
      if (upstreamOpen) {
        NetSocket other = upstream;
        vertx.setTimer(DRAIN_MILLIS, id -> other.close());
      }
    }

    void upstreamClosed() {
      upstreamOpen = false;
      if (clientOpen) {
        vertx.setTimer(DRAIN_MILLIS, id -> client.close());
      }
    }
  }
}
