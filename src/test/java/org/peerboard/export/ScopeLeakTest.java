package org.peerboard.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

/**
 * A download holds its scope and nothing else: a board's downloads nothing of the other group of
 * its workshop, a workshop's nothing of another workshop, a study's nothing of a workshop outside
 * it. Every format is read whole (zips, so XLSX and .qdpx, entry by entry) and searched for the
 * ids, proposal texts and comments of what lies outside.
 */
@DisplayName("Every download holds its scope only")
class ScopeLeakTest {
  private static ResearchSession prato;
  private static ResearchSession firenze;
  private static ResearchSession outside;
  private static String studyId;
  private static String studyKey;

  @BeforeAll
  static void sessions() {
    prato = new ResearchSession();
    firenze = new ResearchSession();
    outside = new ResearchSession();
    JsonArray members =
        new JsonArray()
            .add(new JsonObject().put("id", prato.id()).put("organiserKey", prato.organiserKey()))
            .add(
                new JsonObject()
                    .put("id", firenze.id())
                    .put("organiserKey", firenze.organiserKey()));
    Api.Response created =
        TestApp.api()
            .post(
                "/api/studies", new JsonObject().put("name", "Toscana").put("workshops", members));
    assertEquals(201, created.status(), created.body());
    studyId = created.json().getString("id");
    studyKey = created.json().getString("studyKey");
  }

  /** The downloads of one scope: every format and table the routes offer. */
  private static List<String> downloads(String prefix) {
    List<String> paths = new ArrayList<>();
    for (String format : List.of("csv", "xlsx", "json", "qdpx", "zip")) {
      paths.add(prefix + "/export." + format);
    }
    paths.add(prefix + "/export.zip?dialect=excel-it");
    for (String table :
        List.of(
            "history",
            "matrix",
            "votes",
            "participants",
            "ballots",
            "comments",
            "codebook",
            "clusters")) {
      paths.add(prefix + "/" + table + ".csv");
      paths.add(prefix + "/" + table + ".csv?dialect=excel-it");
    }
    return paths;
  }

  /** What lies in one board, read from the organiser's workshop JSON: its ids and own words. */
  private static Set<String> markers(ResearchSession session, int group, boolean withTexts) {
    JsonObject all =
        new JsonObject(
            Fixture.get("/api/workshops/" + session.id() + "/export.json", session.organiserKey())
                .text());
    JsonObject board =
        all.getJsonArray("workshops").getJsonObject(0).getJsonArray("groups").getJsonObject(group);
    String boardId = board.getString("id");
    Set<String> found = new LinkedHashSet<>();
    found.add(boardId);
    board.getJsonArray("notes").forEach(n -> found.add(((JsonObject) n).getString("id")));
    board.getJsonArray("clusters").forEach(c -> found.add(((JsonObject) c).getString("id")));
    for (Object r : all.getJsonArray("voteRounds")) {
      JsonObject round = (JsonObject) r;
      if (!boardId.equals(round.getString("groupId"))) {
        continue;
      }
      found.add(round.getString("roundId"));
      for (Object p : round.getJsonArray("proposals")) {
        JsonObject proposal = (JsonObject) p;
        found.add(proposal.getString("id"));
        if (withTexts) {
          found.add(proposal.getString("label"));
          for (Object c : proposal.getJsonArray("comments", new JsonArray())) {
            found.add(c instanceof JsonObject o ? o.getString("text") : String.valueOf(c));
          }
        }
      }
    }
    found.remove(null);
    return found;
  }

  /** Everything a download says, as text: zips (XLSX, .qdpx) entry by entry. */
  private static String text(byte[] body) {
    if (body.length < 2 || body[0] != 'P' || body[1] != 'K') {
      return new String(body, StandardCharsets.UTF_8);
    }
    StringBuilder all = new StringBuilder();
    try {
      // by the central directory, as Excel and QDA programs read them
      Path file = Files.createTempFile("download", ".zip");
      Files.write(file, body);
      try (ZipFile zip = new ZipFile(file.toFile())) {
        for (ZipEntry entry : Collections.list(zip.entries())) {
          all.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8))
              .append('\n');
        }
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toString();
  }

  private static void holdsNothingOf(
      List<String> paths, String key, Set<String> outsideMarkers, Set<String> insideMarkers) {
    for (String path : paths) {
      Fixture.Download download = Fixture.get(path, key);
      assertEquals(200, download.status(), path);
      String text = text(download.body());
      List<String> leaked = outsideMarkers.stream().filter(text::contains).toList();
      assertEquals(List.of(), leaked, path + " holds data from outside its scope");
      if (path.endsWith(".json") || path.endsWith(".zip")) {
        assertTrue(
            insideMarkers.stream().allMatch(text::contains),
            path + " holds every id of its own scope (the search above can find what is there)");
      }
    }
  }

  @Test
  @DisplayName(
      "a board's downloads and report, with its moderator's key or the organiser's, hold nothing of the other group")
  void boardScope() {
    Set<String> groupA = markers(prato, 0, true);
    Set<String> groupB = markers(prato, 1, true);
    // texts both groups happen to share (a proposal's words) say nothing about a leak
    Set<String> onlyA = new LinkedHashSet<>(groupA);
    Set<String> onlyB = new LinkedHashSet<>(groupB);
    onlyA.removeAll(groupB);
    onlyB.removeAll(groupA);
    assertTrue(
        onlyA.contains(ResearchSession.COMMENT), "group A's comment is a marker: " + onlyA.size());
    for (int group = 0; group < 2; group++) {
      JsonObject board = prato.workshop.board(group);
      String id = board.getString("id");
      Set<String> other = group == 0 ? onlyB : onlyA;
      Set<String> own =
          new LinkedHashSet<>(markers(prato, group, false)); // ids only: texts are escaped
      List<String> paths = new ArrayList<>(downloads("/api/boards/" + id));
      holdsNothingOf(paths, board.getString("moderatorKey"), other, own);
      holdsNothingOf(paths, prato.organiserKey(), other, own);
      holdsNothingOf(List.of("/m/" + id + "/report"), board.getString("moderatorKey"), other, own);
    }
  }

  @Test
  @DisplayName("a workshop's downloads, report and comparison hold nothing of another workshop")
  void workshopScope() {
    Set<String> elsewhere = new LinkedHashSet<>(markers(firenze, 0, false));
    elsewhere.addAll(markers(firenze, 1, false));
    elsewhere.addAll(markers(outside, 0, false));
    elsewhere.addAll(markers(outside, 1, false));
    Set<String> own = new LinkedHashSet<>(markers(prato, 0, false));
    own.addAll(markers(prato, 1, false));
    List<String> paths = new ArrayList<>(downloads("/api/workshops/" + prato.id()));
    holdsNothingOf(paths, prato.organiserKey(), elsewhere, own);
    holdsNothingOf(
        List.of("/w/" + prato.id() + "/report", "/w/" + prato.id() + "/compare"),
        prato.organiserKey(),
        elsewhere,
        own);
  }

  @Test
  @DisplayName("a study's downloads and page hold its workshops and nothing of one outside it")
  void studyScope() {
    Set<String> elsewhere = new LinkedHashSet<>(markers(outside, 0, false));
    elsewhere.addAll(markers(outside, 1, false));
    Set<String> own = new LinkedHashSet<>();
    for (ResearchSession member : List.of(prato, firenze)) {
      own.addAll(markers(member, 0, false));
      own.addAll(markers(member, 1, false));
    }
    List<String> paths = new ArrayList<>(downloads("/api/studies/" + studyId));
    holdsNothingOf(paths, studyKey, elsewhere, own);
    holdsNothingOf(List.of("/s/" + studyId), studyKey, elsewhere, own);
  }
}
