package org.peerboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What else the machine was doing: the load average and the busiest processes before a run, and
 * over the run the CPU used by this JVM, by the server's process tree (PostgreSQL included) and by
 * everything else, in cores.
 */
final class Machine {
  private final long[] serverPids;
  private long t0;
  private long total0;
  private long idle0;
  private long self0;
  private Map<Long, Long> tree0;

  Machine(long... serverPids) {
    this.serverPids = serverPids;
  }

  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The busiest processes right now, from {@code top -bn1}. */
  static String busiest() {
    try {
      Process top =
          new ProcessBuilder("top", "-bn1", "-w", "200").redirectErrorStream(true).start();
      List<String> lines = new String(top.getInputStream().readAllBytes()).lines().toList();
      top.waitFor(10, TimeUnit.SECONDS);
      int header = 0;
      while (header < lines.size() && !lines.get(header).trim().startsWith("PID")) {
        header++;
      }
      return lines.stream()
          .skip(header + 1L)
          .limit(6)
          .map(l -> l.trim().split("\\s+"))
          .filter(f -> f.length >= 12 && Double.parseDouble(f[8].replace(',', '.')) >= 5)
          .map(f -> f[11] + " " + f[8] + "%")
          .collect(Collectors.joining(", "));
    } catch (Exception e) {
      return "?";
    }
  }

  void start() {
    t0 = System.nanoTime();
    long[] cpu = cpu();
    total0 = cpu[0];
    idle0 = cpu[1];
    self0 = ticks(ProcessHandle.current().pid());
    tree0 = tree();
  }

  /** "bench JVM x, server tree y, others z cores" over the run so far (2 cores in all). */
  String usage() {
    double seconds = (System.nanoTime() - t0) / 1e9;
    long[] cpu = cpu();
    double busy = ((cpu[0] - total0) - (cpu[1] - idle0)) / 100.0;
    double self = (ticks(ProcessHandle.current().pid()) - self0) / 100.0;
    Map<Long, Long> tree1 = tree();
    double server = 0;
    for (Map.Entry<Long, Long> e : tree1.entrySet()) {
      server += (e.getValue() - tree0.getOrDefault(e.getKey(), 0L)) / 100.0;
    }
    return String.format(
        "CPU in cores: this JVM %.2f, server processes %.2f, others %.2f (of 2)",
        self / seconds, server / seconds, Math.max(0, busy - self - server) / seconds);
  }

  /**
   * utime+stime ticks of each process of the servers' trees (PostgreSQL and its backends), except
   * this JVM.
   */
  private Map<Long, Long> tree() {
    Map<Long, Long> ticks = new HashMap<>();
    long self = ProcessHandle.current().pid();
    for (long pid : serverPids) {
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                if (p.pid() != self) {
                  ticks.put(p.pid(), ticks(p.pid()));
                }
                p.descendants().forEach(d -> ticks.put(d.pid(), ticks(d.pid())));
              });
    }
    return ticks;
  }

  static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static long[] cpu() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    } catch (IOException e) {
      return new long[] {0, 0};
    }
  }

  /** Resident set size in bytes. */
  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      // gone
    }
    return -1;
  }
}
