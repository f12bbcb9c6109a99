package org.peerboard.http;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import java.util.UUID;

/**
 * The addresses printed on QR codes and links. Phones in the room must reach them, so they use
 * {@code PEERBOARD_PUBLIC_URL} when set and otherwise this machine's LAN address, never localhost.
 */
public final class Links {
  private final String base;

  public Links(String base) {
    this.base = base;
  }

  public static Links of(Optional<String> publicUrl, int port) {
    return of(publicUrl, port, false);
  }

  /** With HTTPS on, the printed links say {@code https://}. */
  public static Links of(Optional<String> publicUrl, int port, boolean https) {
    return new Links(
        publicUrl.orElseGet(
            () ->
                (https ? "https://" : "http://") + lanAddress().orElse("127.0.0.1") + ":" + port));
  }

  public String base() {
    return base;
  }

  public String join(String code) {
    return base + "/j/" + code;
  }

  /** The workshop-wide join address, where a participant picks their group. */
  public String group(String code) {
    return base + "/g/" + code;
  }

  public String qr(String code) {
    return base + "/j/" + code + "/qr.svg";
  }

  public String moderator(UUID boardId, String key) {
    return base + "/m/" + boardId + "?k=" + key;
  }

  public String projector(UUID boardId, String key) {
    return base + "/p/" + boardId + "?k=" + key;
  }

  public String organiser(UUID workshopId, String key) {
    return base + "/w/" + workshopId + "?k=" + key;
  }

  /**
   * The first IPv4 site-local address of an interface that is up; empty on a machine with no
   * network.
   */
  public static Optional<String> lanAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address
              && !address.isLoopbackAddress()
              && !address.isLinkLocalAddress()) {
            return Optional.of(address.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
