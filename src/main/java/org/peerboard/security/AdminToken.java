package org.peerboard.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.peerboard.Config;

/**
 * A server that others on the network can reach does not let just anyone create workshops: with no
 * {@code PEERBOARD_ADMIN_TOKEN}, one is made at first start and kept in {@code <data
 * dir>/admin-token}. A server on localhost alone stays open, as for a laptop used by one person.
 */
public final class AdminToken {
  public static final String FILE = "admin-token";

  private AdminToken() {}

  /** The token and whether it was made just now (then it is printed, once). */
  public record Token(String value, boolean generated, Path file) {}

  public static Optional<Token> resolve(Config config) throws IOException {
    if (config.adminToken().isPresent() || config.localOnly()) {
      return Optional.empty();
    }
    Path file = config.dataDir().resolve(FILE);
    if (Files.exists(file)) {
      String kept = Files.readString(file).trim();
      if (!kept.isEmpty()) {
        return Optional.of(new Token(kept, false, file));
      }
    }
    Files.createDirectories(config.dataDir());
    String made = Keys.newKey();
    Files.writeString(file, made + "\n");
    Certificates.ownerOnly(file);
    return Optional.of(new Token(made, true, file));
  }
}
