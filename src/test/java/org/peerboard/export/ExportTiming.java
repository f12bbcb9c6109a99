package org.peerboard.export;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.peerboard.support.WsClient;

/**
 * Timing harness, not a test: a workshop of 4 boards x 500 notes (with clusters), each format
 * downloaded a few times, figures printed and written to target/export-timing.txt. Run with {@code
 * mvn -q -B test -Dtest=ExportTiming -Dpeerboard.timing=true}.
 */
@EnabledIfSystemProperty(named = "peerboard.timing", matches = "true")
@DisplayName("Export timing harness (4 boards x 500 notes)")
class ExportTiming {
  private static final String[] LANES = {
    "reporting:actors",
    "custody:issues",
    "removal:resources",
    "path:participation",
    "leaving:issues",
    "improvements"
  };

  @Test
  void measure() throws IOException {
    Fixture fixture = new Fixture("Timing", "Prato", "A", "B", "C", "D");
    for (int g = 0; g < 4; g++) {
      JsonObject board = fixture.workshop.board(g);
      try (WsClient ws =
          WsClient.hello(
              fixture.port, board.getString("id"), board.getString("moderatorKey"), null)) {
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
          String lane = LANES[i % LANES.length];
          ops.add(
              ws.op(
                  "note.add",
                  new JsonObject()
                      .put("lane", lane)
                      .put(
                          "tags",
                          new JsonArray(
                              i % 3 == 0
                                  ? List.of("foster")
                                  : i % 3 == 1 ? List.of("facility") : List.of()))
                      .put(
                          "text",
                          "Nota "
                              + i
                              + " del gruppo "
                              + g
                              + ": la città è lontana, servono più attività 🎉 "
                              + "e una rete di servizi che lavori insieme anche dopo l'uscita dal percorso.")));
        }
        List<String> custody = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
          String id = ws.answer(ops.get(i)).getJsonObject("result").getString("noteId");
          if (LANES[i % LANES.length].equals("custody:issues") && custody.size() < 40) {
            custody.add(id);
          }
        }
        for (int c = 0; c < 4; c++) {
          ws.answer(
              ws.op(
                  "cluster.create",
                  new JsonObject()
                      .put("lane", "custody:issues")
                      .put("name", "Tema " + c)
                      .put(
                          "noteIds",
                          new JsonArray(new ArrayList<>(custody.subList(c * 10, c * 10 + 10))))));
        }
      }
    }
    StringBuilder report = new StringBuilder("format,bytes,best_ms,median_ms\n");
    for (String path :
        List.of(
            "export.csv",
            "export.xlsx",
            "export.json",
            "export.qdpx",
            "history.csv",
            "matrix.csv")) {
      long[] ms = new long[5];
      int bytes = 0;
      for (int i = 0; i < ms.length; i++) {
        long start = System.nanoTime();
        Fixture.Download d =
            Fixture.get("/api/workshops/" + fixture.id() + "/" + path, fixture.organiserKey());
        ms[i] = (System.nanoTime() - start) / 1_000_000;
        bytes = d.body().length;
        if (d.status() != 200) {
          throw new AssertionError(path + " " + d.status());
        }
      }
      Arrays.sort(ms);
      report.append(
          String.format(Locale.ROOT, "%s,%d,%d,%d%n", path, bytes, ms[0], ms[ms.length / 2]));
    }
    for (String page :
        List.of("/w/" + fixture.id() + "/report", "/w/" + fixture.id() + "/compare")) {
      long start = System.nanoTime();
      Fixture.Download d = Fixture.get(page, fixture.organiserKey());
      report.append(
          String.format(
              Locale.ROOT,
              "%s,%d,%d,%n",
              page.substring(page.lastIndexOf('/') + 1),
              d.body().length,
              (System.nanoTime() - start) / 1_000_000));
    }
    System.out.println(report);
    Files.writeString(Path.of("target", "export-timing.txt"), report.toString());
  }
}
