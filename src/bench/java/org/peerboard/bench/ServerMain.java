package org.peerboard.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.peerboard.PeerBoard;

/**
 * PeerBoard in a child JVM for the harness: prints {@code READY <database url>} once it listens,
 * answers {@code gc} with {@code HEAP <bytes used after a full GC>}, and stops when its stdin
 * closes.
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String databaseUrl = args.length > 3 && !args[3].isBlank() ? args[3] : null;
    PeerBoard app =
        PeerBoard.start(
            Target.config(dir, Integer.parseInt(args[1]), Integer.parseInt(args[2]), databaseUrl));
    System.out.println("READY " + Target.urlOf(app.database()));
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.trim().equals("gc")) {
        for (int i = 0; i < 3; i++) {
          System.gc();
          Thread.sleep(200);
        }
        System.out.println(
            "HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        System.out.flush();
      }
    }
    app.close();
    System.exit(0);
  }
}
