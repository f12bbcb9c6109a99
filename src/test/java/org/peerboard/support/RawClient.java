package org.peerboard.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client on a bare TCP socket, from a chosen loopback address (127.0.0.x), for attacks no
 * well-behaved client can make: half-sent requests, WebSocket fragments that never end. Requests it
 * sends close the connection afterwards.
 */
public final class RawClient implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public RawClient(String fromAddress, int port) throws IOException {
    socket =
        new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(fromAddress), 0);
    socket.setSoTimeout(30_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  /**
   * One HTTP request from this address on a fresh connection: its status line, headers and body.
   */
  public static String request(
      String fromAddress, int port, String method, String path, String body) throws IOException {
    return request(fromAddress, port, method, path, body, "");
  }

  /**
   * As {@link #request(String, int, String, String, String)}, with extra header lines (each ending
   * in CRLF).
   */
  public static String request(
      String fromAddress, int port, String method, String path, String body, String headers)
      throws IOException {
    try (RawClient client = new RawClient(fromAddress, port)) {
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nConnection: close\r\n"
              + headers
              + (body == null
                  ? ""
                  : "Content-Type: application/json\r\nContent-Length: "
                      + body.getBytes(StandardCharsets.UTF_8).length
                      + "\r\n")
              + "\r\n"
              + (body == null ? "" : body);
      client.write(head.getBytes(StandardCharsets.UTF_8));
      return new String(client.in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The status code of an answer {@link #request} returned. */
  public static int status(String answer) {
    return Integer.parseInt(answer.substring(9, 12));
  }

  public void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public void write(String text) throws IOException {
    write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Whether the server closed the connection within {@code millis} (reads and drops whatever came
   * first).
   */
  public boolean closedWithin(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      byte[] buffer = new byte[4096];
      while (true) {
        if (in.read(buffer) < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  /** Sends the WebSocket upgrade for /ws and reads the 101 answer. */
  public void upgrade(int port) throws IOException {
    String answer = upgrade(port, null);
    if (!answer.startsWith("HTTP/1.1 101")) {
      throw new IOException("no upgrade: " + answer);
    }
  }

  /**
   * Sends the WebSocket upgrade for /ws, with this Origin if not null, and returns the answer's
   * head.
   */
  public String upgrade(int port, String origin) throws IOException {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    write(
        "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + (origin == null ? "" : "Origin: " + origin + "\r\n")
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(nonce)
            + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the upgrade: " + head);
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** A client frame (masked, as clients must): opcode 1 text, 0 continuation, 8 close. */
  public void frame(int opcode, boolean fin, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | opcode);
    int length = payload.length;
    if (length < 126) {
      frame.write(0x80 | length);
    } else if (length < 65_536) {
      frame.write(0x80 | 126);
      frame.write(length >> 8);
      frame.write(length & 0xFF);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) length >> shift) & 0xFF);
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.write(mask, 0, 4);
    for (int i = 0; i < length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    write(frame.toByteArray());
  }

  /**
   * Reads server frames until a close frame and returns its status code; -1 if the connection just
   * ended.
   */
  public int closeCode() throws IOException {
    while (true) {
      int first = in.read();
      if (first < 0) {
        return -1;
      }
      int second = in.read();
      long length = second & 0x7F;
      if (length == 126) {
        length = (in.read() << 8) | in.read();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | in.read();
        }
      }
      byte[] payload = in.readNBytes((int) length);
      if ((first & 0x0F) == 8) {
        return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
      }
    }
  }

  /**
   * The next text message from the server (unfragmented, as the server sends them), or null once a
   * close frame or the end of the connection came: its code is then in {@link #closedWith()}.
   */
  public String nextText() throws IOException {
    while (true) {
      int first = in.read();
      if (first < 0) {
        closedWith = -1;
        return null;
      }
      int second = in.read();
      long length = second & 0x7F;
      if (length == 126) {
        length = (in.read() << 8) | in.read();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | in.read();
        }
      }
      byte[] payload = in.readNBytes((int) length);
      int opcode = first & 0x0F;
      if (opcode == 8) {
        closedWith = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        return null;
      }
      if (opcode == 1) {
        return new String(payload, StandardCharsets.UTF_8);
      }
    }
  }

  private int closedWith;

  /** The close code {@link #nextText()} saw (-1: the connection just ended). */
  public int closedWith() {
    return closedWith;
  }

  /** Sends one text message in one frame. */
  public void text(String message) throws IOException {
    frame(1, true, message.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
