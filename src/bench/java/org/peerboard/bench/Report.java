package org.peerboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one scenario run: printed as a table and written into its block of
 * docs/benchmarks.md.
 */
final class Report {
  record Row(String what, String figures, String target, String verdict) {}

  final String scenario;
  final List<Row> rows = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  Report(String scenario) {
    this.scenario = scenario;
  }

  void row(String what, String figures, String target, Boolean met) {
    rows.add(new Row(what, figures, target, met == null ? "-" : met ? "met" : "**missed**"));
  }

  void note(String note) {
    notes.add(note);
    System.out.println("  note: " + note);
  }

  /** The command that reproduces this run: the bench.* properties that were set. */
  /** A time of day in UTC to the millisecond, to set events of a run against each other. */
  static String clock(java.time.Instant at) {
    return java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
        .withZone(java.time.ZoneOffset.UTC)
        .format(at);
  }

  static String command() {
    Map<String, String> set = new TreeMap<>();
    System.getProperties()
        .forEach(
            (k, v) -> {
              String key = k.toString();
              String value = v.toString();
              if (key.startsWith("bench.")
                  && !value.isBlank()
                  && !value.startsWith("${")
                  && !key.equals("bench.docs")) {
                set.put(key, value);
              }
            });
    StringBuilder cmd = new StringBuilder("mvn -q -B -Pbench test-compile exec:exec");
    set.forEach(
        (k, v) ->
            cmd.append(" -D").append(k).append('=').append(v.contains(" ") ? "'" + v + "'" : v));
    return cmd.toString();
  }

  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| what | figures | target | verdict |\n| --- | --- | --- | --- |\n");
    for (Row r : rows) {
      sb.append("| ")
          .append(r.what)
          .append(" | ")
          .append(r.figures)
          .append(" | ")
          .append(r.target)
          .append(" | ")
          .append(r.verdict)
          .append(" |\n");
    }
    return sb.toString();
  }

  void print() {
    System.out.println();
    System.out.println("== scenario " + scenario + " ==");
    System.out.print(table());
    System.out.println();
  }

  /**
   * Replaces the block between {@code <!-- bench:X -->} and {@code <!-- /bench:X -->}, or appends
   * one.
   */
  void write(Path docs) throws IOException {
    String begin = "<!-- bench:" + scenario + " -->";
    String end = "<!-- /bench:" + scenario + " -->";
    StringBuilder block = new StringBuilder(begin).append('\n');
    block
        .append("Measured ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
        .append(" on this 2-core machine, load generator in the same machine: `")
        .append(command())
        .append("`\n\n");
    block.append(table()).append('\n');
    for (String n : notes) {
      block.append("- ").append(n).append('\n');
    }
    block.append(end);
    String text = Files.exists(docs) ? Files.readString(docs) : "# Benchmarks\n";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b >= 0 && e > b) {
      text = text.substring(0, b) + block + text.substring(e + end.length());
    } else {
      text = text + "\n## Scenario " + scenario + "\n\n" + block + "\n";
    }
    Files.writeString(docs, text);
  }
}
