package org.peerboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts PeerBoard from environment variables and stops it cleanly on SIGTERM or Ctrl-C. */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    PeerBoard app;
    try {
      app = PeerBoard.start(Config.fromEnv(System.getenv()));
    } catch (Exception e) {
      LOG.error("PeerBoard could not start: {}", e.getMessage(), e);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "peerboard-shutdown"));
  }
}
