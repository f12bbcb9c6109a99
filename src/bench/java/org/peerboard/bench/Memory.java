package org.peerboard.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenario c: a PeerBoard in its own JVM, its heap after a full GC and its RSS with no socket,
 * 1,000 and 10,000 idle sockets (boards of 200); the cost of one idle socket is the slope between
 * 1,000 and 10,000.
 */
final class Memory {
  private Memory() {}

  static Report run() throws Exception {
    Report report = new Report("c");
    int perBoard = 200;
    int low = Opts.integer("participants", 1000);
    int high = 10_000;
    Target.Forked server = (Target.Forked) Target.start("fork", null);
    server.quiet = true;
    try (Fleet fleet = new Fleet()) {
      Rest rest = new Rest(server.base());
      List<Rest.Board> boards = rest.boards(high / perBoard);
      long t = System.nanoTime();
      List<List<Rest.Participant>> people = rest.joinAll(boards, perBoard, 16);
      System.out.printf("joined %d participants in %.1f s%n", high, (System.nanoTime() - t) / 1e9);
      Tracker tracker = new Tracker();
      List<Peer> peers = new ArrayList<>();
      for (int b = 0; b < boards.size(); b++) {
        for (Rest.Participant p : people.get(b)) {
          peers.add(new Peer(b, p.boardId(), p.token(), tracker));
        }
      }
      Thread.sleep(2_000);
      long heap0 = server.heapAfterGc();
      long rss0 = Machine.rss(server.pid());
      fleet.connect(peers.subList(0, low), List.of(server), 0L, 200);
      Thread.sleep(5_000);
      long heap1 = server.heapAfterGc();
      long rss1 = Machine.rss(server.pid());
      t = System.nanoTime();
      fleet.connect(peers.subList(low, high), List.of(server), 0L, 200);
      System.out.printf(
          "connected %d sockets in %.1f s%n", high - low, (System.nanoTime() - t) / 1e9);
      Thread.sleep(5_000);
      long heap2 = server.heapAfterGc();
      long rss2 = Machine.rss(server.pid());
      long open = peers.stream().filter(p -> !p.closed).count();
      double heapSlope = (heap2 - heap1) / (double) (high - low);
      double rssSlope = (rss2 - rss1) / (double) (high - low);
      report.row(
          "heap after full GC: 0 / " + low + " / " + high + " sockets",
          mb(heap0) + " / " + mb(heap1) + " / " + mb(heap2) + " MB",
          "-",
          null);
      report.row(
          "RSS of the server JVM: 0 / " + low + " / " + high + " sockets",
          mb(rss0) + " / " + mb(rss1) + " / " + mb(rss2) + " MB",
          "-",
          null);
      report.row(
          "heap per idle socket (slope " + low + " to " + high + ")",
          String.format("%.1f KB", heapSlope / 1024),
          "<= 20 KB",
          heapSlope <= 20 * 1024);
      report.row(
          "RSS per idle socket (slope " + low + " to " + high + ")",
          String.format("%.1f KB", rssSlope / 1024),
          "-",
          null);
      report.note(
          "server in its own JVM ("
              + Opts.str("serverJvmArgs", "-Xmx2g -XX:+UseG1GC")
              + "); sockets said "
              + "hello with since=0 and stayed idle; deflate "
              + (fleet.deflate ? "on" : "off")
              + "; "
              + open
              + " sockets still open at the end; PostgreSQL's memory is not in the RSS");
      fleet.closeAll(peers);
    } finally {
      server.close();
    }
    return report;
  }

  static String mb(long bytes) {
    return String.format("%.1f", bytes / 1048576.0);
  }
}
