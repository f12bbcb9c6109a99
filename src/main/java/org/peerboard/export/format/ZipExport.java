package org.peerboard.export.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.HistoryRow;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.TimingRow;
import org.peerboard.export.model.WorkshopFacts;
import org.peerboard.i18n.Messages;
import org.peerboard.workshop.model.Notice;

/**
 * Every CSV of a scope in one zip, read in one pass: notes, clusters, votes, ballots, comments,
 * participants, matrix, history and the run-sheet's timing, the codebook, the texts of the notices
 * participants agreed to ({@code notice-<version>.txt}), and a README with the download's facts and
 * the notices that go with the data. Each table is written to its own temporary file, then zipped.
 */
public final class ZipExport implements ExportSink {
  private final Path target;
  private final List<Part> parts = new ArrayList<>();

  /** The notice texts the scope's participants agreed to, each written as notice-<version>.txt. */
  private final Map<String, Notice> notices = new LinkedHashMap<>();

  private ExportStart start;

  private record Part(String name, Path file, OutputStream out, ExportSink sink) {}

  public ZipExport(Path target, boolean keyHeaders, CsvDialect dialect) {
    this.target = target;
    add("notes.csv", out -> new NotesCsv(out, keyHeaders, dialect));
    for (GroupTable table : GroupTable.values()) {
      add(table.file() + ".csv", out -> new TableCsv(out, table, keyHeaders, dialect));
    }
    add("matrix.csv", out -> new MatrixCsv(out, keyHeaders, dialect));
    add("history.csv", out -> new HistoryCsv(out, keyHeaders, dialect));
    add("timing.csv", out -> new TimingCsv(out, keyHeaders, dialect));
    add("codebook.csv", out -> new CodebookCsv(out, keyHeaders, dialect));
  }

  private void add(String name, Function<OutputStream, ExportSink> format) {
    try {
      Path file = Files.createTempFile("peerboard-zip", ".csv");
      OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
      parts.add(new Part(name, file, out, format.apply(out)));
    } catch (IOException e) {
      abort();
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void start(ExportStart start) {
    this.start = start;
    parts.forEach(p -> p.sink().start(start));
  }

  @Override
  public void workshop(WorkshopFacts workshop, Labels labels) {
    parts.forEach(p -> p.sink().workshop(workshop, labels));
  }

  @Override
  public void group(Group group, List<ClusterRow> clusters, List<ParticipantRow> participants) {
    parts.forEach(p -> p.sink().group(group, clusters, participants));
  }

  @Override
  public void timing(List<TimingRow> rows) {
    parts.forEach(p -> p.sink().timing(rows));
  }

  @Override
  public void notices(List<Notice> found) {
    found.forEach(n -> notices.putIfAbsent(n.version(), n));
  }

  @Override
  public boolean wantsTiming() {
    return true;
  }

  @Override
  public void notes(List<ExportNote> page) {
    parts.forEach(p -> p.sink().notes(page));
  }

  @Override
  public void history(List<HistoryRow> page) {
    parts.forEach(p -> p.sink().history(page));
  }

  @Override
  public void endGroup() {
    parts.forEach(p -> p.sink().endGroup());
  }

  @Override
  public void endWorkshop() {
    parts.forEach(p -> p.sink().endWorkshop());
  }

  @Override
  public boolean wantsHistory() {
    return true;
  }

  @Override
  public void finish() {
    try {
      parts.forEach(p -> p.sink().finish());
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
        zip.putNextEntry(new ZipEntry("README.txt"));
        zip.write(readme().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (Part part : parts) {
          zip.putNextEntry(new ZipEntry(part.name()));
          Files.copy(part.file(), zip);
          zip.closeEntry();
        }
        for (Notice notice : notices.values()) {
          zip.putNextEntry(new ZipEntry("notice-" + notice.version() + ".txt"));
          zip.write(notice.text().getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteParts();
    }
  }

  @Override
  public void abort() {
    for (Part part : parts) {
      try {
        part.out().close();
      } catch (IOException e) {
        // the file is deleted next
      }
    }
    deleteParts();
  }

  private void deleteParts() {
    for (Part part : parts) {
      try {
        Files.deleteIfExists(part.file());
      } catch (IOException e) {
        // a temporary file: the system's cleaner takes it
      }
    }
  }

  /** The download's facts and the notices on what the data are and how to treat them. */
  private String readme() {
    ResourceBundle words = Messages.bundle("i18n/codebook", start.language());
    StringBuilder text = new StringBuilder(words.getString("readme.title")).append("\r\n\r\n");
    for (String[] fact : start.meta().entries()) {
      text.append(fact[0]).append(": ").append(fact[1]).append("\r\n");
    }
    text.append("\r\n");
    for (String key :
        List.of("readme.files", "readme.pseudonyms", "readme.ballots", "readme.care")) {
      text.append(words.getString(key)).append("\r\n\r\n");
    }
    return text.toString();
  }
}
