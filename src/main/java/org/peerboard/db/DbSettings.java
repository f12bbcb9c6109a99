package org.peerboard.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is and how to log in: parsed from {@code postgres://user:pass@host:port/db}.
 * {@code socketDir}, when present, is the directory of the server's Unix socket on this machine
 * (the embedded database's): the reactive client connects there, which spares every statement the
 * loopback TCP stack (issue 28); Flyway's JDBC driver still uses host and port.
 */
public record DbSettings(
    String host,
    int port,
    String database,
    String user,
    String password,
    Optional<Path> socketDir) {

  public DbSettings(String host, int port, String database, String user, String password) {
    this(host, port, database, user, password, Optional.empty());
  }

  public static DbSettings fromUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "DATABASE_URL is not a URL: expected postgres://user:pass@host:port/db");
    }
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
      throw new IllegalArgumentException("DATABASE_URL must start with postgres://");
    }
    String user = "postgres";
    String password = "";
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : "";
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new DbSettings(
        uri.getHost() == null ? "localhost" : uri.getHost(),
        uri.getPort() < 0 ? 5432 : uri.getPort(),
        path.isEmpty() ? user : path,
        user,
        password);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
