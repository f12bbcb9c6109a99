package org.peerboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a process of its own, for comparing builds (issue 28): another build's jar
 * ({@code -Dbench.server=jar:/path/peerboard.jar}, started as its README says, {@code java -jar},
 * with its own port, database port and data directory) or the floor ({@code -Dbench.server=floor},
 * {@link FloorServer}: the same client against a server that only rebroadcasts). The jar gets the
 * budgets out of the way through the environment, as {@link Target#config} does in process; a build
 * that does not know a variable ignores it. {@code -Dbench.loops} becomes {@code
 * PEERBOARD_LIVE_LOOPS} (ignored by builds before the loops); {@code -Dbench.serverJvmArgs} the
 * JVM's flags ({@code {dir}} is replaced by the data directory, e.g. for a JFR file).
 */
final class Child extends Target {
  final Process process;
  final int port;
  final String dbUrl;
  final String label;

  private Child(Process process, int port, String dbUrl, String label) {
    this.process = process;
    this.port = port;
    this.dbUrl = dbUrl;
    this.label = label;
  }

  /** {@code floor} or {@code jar:<path>}. */
  static boolean handles(String mode) {
    return mode.equals("floor") || mode.startsWith("jar:");
  }

  static Child start(String mode) throws Exception {
    Path dir = Files.createTempDirectory("peerboard-bench");
    int port = freePort();
    Child child;
    if (mode.equals("floor")) {
      child = floor(port);
    } else {
      child = jar(Path.of(mode.substring(4)), dir, port, freePort());
      child.dataDir = dir;
    }
    return child;
  }

  private static List<String> jvm(Path dir) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String arg : Opts.str("serverJvmArgs", "-Xmx2g -XX:+UseG1GC").split("\\s+")) {
      if (!arg.isBlank()) {
        command.add(arg.replace("{dir}", dir.toString()));
      }
    }
    return command;
  }

  private static Child floor(int port) throws IOException, InterruptedException {
    List<String> command = jvm(Path.of(System.getProperty("java.io.tmpdir")));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            FloorServer.class.getName(),
            Integer.toString(port),
            Integer.toString(Opts.integer("floorLoops", 1))));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("READY")) {
        pump(out, "[floor] ");
        return new Child(process, port, null, "floor");
      }
      System.out.println("[floor] " + line);
    }
    throw new IOException(
        "the floor server ended before it was ready (exit " + process.waitFor() + ")");
  }

  private static Child jar(Path jar, Path dir, int port, int dbPort)
      throws IOException, InterruptedException {
    List<String> command = jvm(dir);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("HOST", "127.0.0.1");
    env.put("PORT", Integer.toString(port));
    env.put("PEERBOARD_DATA_DIR", dir.toString());
    env.put("PEERBOARD_DB_PORT", Integer.toString(dbPort));
    env.put("PEERBOARD_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("PEERBOARD_NOTES_PER_MINUTE", Opts.str("notesPerMinute", Integer.toString(1_000_000)));
    for (String budget :
        List.of(
            "FAILED_JOINS_PER_MINUTE",
            "CONNECTIONS_PER_ADDRESS",
            "OPS_PER_MINUTE",
            "RUNNER_OPS_PER_MINUTE",
            "PENDING_OPS_PER_SOCKET",
            "HELLOS_PER_MINUTE",
            "WORKSHOPS_PER_HOUR",
            "ADMIN_FAILURES_PER_MINUTE",
            "JOINS_PER_ADDRESS_PER_BOARD",
            "NEW_PARTICIPANTS_PER_MINUTE",
            "BOARD_NOTES_PER_MINUTE",
            "HELLOS_PER_ADDRESS_PER_MINUTE")) {
      env.put("PEERBOARD_" + budget, "1000000");
    }
    String loops = Opts.str("loops", null);
    if (loops != null) {
      env.put("PEERBOARD_LIVE_LOOPS", loops);
    }
    Process process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    pump(out, "[" + jar.getFileName() + "] ");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            jar + " ended before it was ready (exit " + process.exitValue() + ")");
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return new Child(
              process,
              port,
              "postgres://postgres:@127.0.0.1:" + dbPort + "/postgres",
              jar.toString());
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    process.destroy();
    throw new IOException(jar + " was not ready within 180 s");
  }

  /** Reads the child's output all the time, so that its logging never blocks on a full pipe. */
  private static void pump(BufferedReader out, String prefix) {
    Thread pump =
        new Thread(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  if (Opts.flag("childLog", true)) {
                    System.out.println(prefix + line);
                  }
                }
              } catch (IOException e) {
                // the child ended
              }
            },
            "child-stdout");
    pump.setDaemon(true);
    pump.start();
  }

  @Override
  String host() {
    return "127.0.0.1";
  }

  @Override
  int port() {
    return port;
  }

  @Override
  String databaseUrl() {
    return dbUrl;
  }

  @Override
  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    try {
      // the floor stops when its stdin closes; a jar on SIGTERM (its shutdown hook stops its
      // PostgreSQL)
      process.getOutputStream().close();
      if (!label.equals("floor") || !process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
