package org.peerboard.export.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Rejection;
import org.peerboard.export.db.ExportAccess;
import org.peerboard.export.db.ExportReader;
import org.peerboard.export.db.Studies;
import org.peerboard.export.format.CodebookCsv;
import org.peerboard.export.format.CsvDialect;
import org.peerboard.export.format.ExportSink;
import org.peerboard.export.format.GroupTable;
import org.peerboard.export.format.HistoryCsv;
import org.peerboard.export.format.JsonExport;
import org.peerboard.export.format.MatrixCsv;
import org.peerboard.export.format.NotesCsv;
import org.peerboard.export.format.QdpxExport;
import org.peerboard.export.format.TableCsv;
import org.peerboard.export.format.TimingCsv;
import org.peerboard.export.format.XlsxExport;
import org.peerboard.export.format.ZipExport;
import org.peerboard.export.model.ExportScope;
import org.peerboard.http.Bearer;
import org.peerboard.http.Links;

/**
 * Downloads for researchers (CSV, XLSX, JSON, REFI-QDA, a zip of every CSV; tables of notes,
 * clusters, votes, ballots, comments, participants, history, the comparison matrix and the
 * codebook) of a board, a workshop or a study; studies; and deleting a workshop with everything in
 * it.
 */
public final class ExportRoutes {
  private static final String FORMATS = "(csv|xlsx|json|qdpx|zip)";
  private static final String TABLES =
      "(history|matrix|votes|participants|ballots|comments|codebook|clusters|timing)";
  private static final String CSV = "text/csv; charset=utf-8";

  private final Vertx vertx;
  private final ExportAccess access;
  private final ExportReader reader;
  private final Studies studies;
  private final Links links;
  private final ExportGate gate;

  public ExportRoutes(
      Vertx vertx, ExportAccess access, ExportReader reader, Studies studies, Links links) {
    this(vertx, access, reader, studies, links, new ExportGate(Integer.MAX_VALUE));
  }

  /** {@code gate} bounds the downloads made at once, process-wide. */
  public ExportRoutes(
      Vertx vertx,
      ExportAccess access,
      ExportReader reader,
      Studies studies,
      Links links,
      ExportGate gate) {
    this.gate = gate;
    this.vertx = vertx;
    this.access = access;
    this.reader = reader;
    this.studies = studies;
    this.links = links;
  }

  public void mount(Router router) {
    router
        .getWithRegex("/api/boards/([^/]+)/export\\." + FORMATS)
        .handler(ctx -> download(ctx, key -> access.board(uuid(ctx), key)));
    router
        .getWithRegex("/api/workshops/([^/]+)/export\\." + FORMATS)
        .handler(ctx -> download(ctx, key -> access.workshop(uuid(ctx), key)));
    router
        .getWithRegex("/api/studies/([^/]+)/export\\." + FORMATS)
        .handler(ctx -> download(ctx, key -> access.study(uuid(ctx), key)));
    router
        .getWithRegex("/api/boards/([^/]+)/" + TABLES + "\\.csv")
        .handler(ctx -> download(ctx, key -> access.board(uuid(ctx), key)));
    router
        .getWithRegex("/api/workshops/([^/]+)/" + TABLES + "\\.csv")
        .handler(ctx -> download(ctx, key -> access.workshop(uuid(ctx), key)));
    router
        .getWithRegex("/api/studies/([^/]+)/" + TABLES + "\\.csv")
        .handler(ctx -> download(ctx, key -> access.study(uuid(ctx), key)));
    router.post("/api/studies").handler(this::createStudy);
    router.get("/api/studies/:id").handler(this::study);
    router.delete("/api/studies/:id").handler(this::deleteStudy);
    router.delete("/api/workshops/:id").handler(this::deleteWorkshop);
  }

  private void download(RoutingContext ctx, Function<String, Future<ExportScope>> authorise) {
    String what = ctx.pathParam("param1");
    String language = ctx.request().getParam("lang");
    boolean keys = "keys".equals(ctx.request().getParam("header"));
    String asked = ctx.request().getParam("dialect");
    if (asked != null && !CsvDialect.known(asked)) {
      ctx.fail(new Rejection(ErrorCode.INVALID, "error.exportDialect"));
      return;
    }
    CsvDialect dialect = CsvDialect.of(asked);
    authorise
        .apply(Bearer.of(ctx))
        .map(
            scope ->
                scope.withLanguage(
                    "it".equals(language) || "en".equals(language) ? language : null))
        .compose(scope -> gate.run(ctx, () -> send(ctx, scope, what, keys, dialect)))
        .onFailure(failure -> failed(ctx, failure));
  }

  /** A CSV table of the scope, named {@code name}.csv. */
  private Future<Void> csv(
      RoutingContext ctx,
      ExportScope scope,
      String name,
      Function<OutputStream, ExportSink> format) {
    return stream(ctx, scope, CSV, scope.filename(name + ".csv"), format);
  }

  /** One download: {@code what} is a format of {@code export.*} or a table of {@code *.csv}. */
  private Future<Void> send(
      RoutingContext ctx, ExportScope scope, String what, boolean keys, CsvDialect dialect) {
    String suffix = dialect == CsvDialect.EXCEL_IT ? "-excel-it" : "";
    GroupTable table = GroupTable.named(what);
    if (table != null) {
      return stream(
          ctx,
          scope,
          CSV,
          scope.filename(what + suffix + ".csv"),
          out -> new TableCsv(out, table, keys, dialect));
    }
    return switch (what) {
      case "csv" ->
          stream(
              ctx,
              scope,
              CSV,
              scope.filename(suffix.isEmpty() ? "csv" : "notes" + suffix + ".csv"),
              out -> new NotesCsv(out, keys, dialect));
      case "history" ->
          csv(ctx, scope, "history" + suffix, out -> new HistoryCsv(out, keys, dialect));
      case "matrix" -> csv(ctx, scope, "matrix" + suffix, out -> new MatrixCsv(out, keys, dialect));
      case "timing" -> csv(ctx, scope, "timing" + suffix, out -> new TimingCsv(out, keys, dialect));
      case "codebook" ->
          csv(ctx, scope, "codebook" + suffix, out -> new CodebookCsv(out, keys, dialect));
      case "json" ->
          stream(
              ctx,
              scope,
              "application/json; charset=utf-8",
              scope.filename("json"),
              out -> new JsonExport(out, scope));
      case "xlsx" ->
          file(
              ctx,
              scope,
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              scope.filename("xlsx"),
              path -> new XlsxExport(path, scope.language(), keys));
      case "zip" ->
          file(
              ctx,
              scope,
              "application/zip",
              scope.filename(suffix.isEmpty() ? "zip" : "excel-it.zip"),
              path -> new ZipExport(path, keys, dialect));
      default ->
          file(
              ctx,
              scope,
              "application/zip",
              scope.filename("qdpx"),
              path -> new QdpxExport(path, scope.language()));
    };
  }

  /** Formats that can be sent as they are written: CSV and JSON. */
  private Future<Void> stream(
      RoutingContext ctx,
      ExportScope scope,
      String type,
      String filename,
      Function<OutputStream, ExportSink> format) {
    Download download = new Download(ctx.response(), type, filename);
    return vertx
        .executeBlocking(() -> format.apply(download.out()), true)
        .compose(sink -> reader.run(scope, sink, download::flush))
        .compose(done -> ctx.response().end());
  }

  /**
   * Formats that are zip files (XLSX, .qdpx): written to a temporary file on a worker, then sent.
   */
  private Future<Void> file(
      RoutingContext ctx,
      ExportScope scope,
      String type,
      String filename,
      Function<Path, ExportSink> format) {
    return vertx
        .executeBlocking(
            () -> {
              Path path = Files.createTempFile("peerboard-export", ".tmp");
              return new Prepared(path, format.apply(path));
            },
            true)
        .compose(
            prepared ->
                reader
                    .run(scope, prepared.sink(), Future::succeededFuture)
                    .compose(
                        done ->
                            ctx.response()
                                .putHeader("Content-Type", type)
                                .putHeader("Content-Disposition", Download.disposition(filename))
                                .putHeader("Cache-Control", "no-store")
                                .sendFile(prepared.path().toString()))
                    .eventually(() -> vertx.fileSystem().delete(prepared.path().toString())));
  }

  private record Prepared(Path path, ExportSink sink) {}

  /**
   * Before the first byte: the JSON error. After it: the connection is cut, so no client takes half
   * a file.
   */
  private static void failed(RoutingContext ctx, Throwable failure) {
    if (ctx.response().headWritten()) {
      ctx.request().connection().close();
    } else {
      ctx.fail(failure);
    }
  }

  private void createStudy(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String name =
        body == null ? null : body.getValue("name") instanceof String s ? s.strip() : null;
    JsonArray list =
        body == null || !(body.getValue("workshops") instanceof JsonArray a) ? null : a;
    if (name == null
        || name.isEmpty()
        || name.length() > 120
        || list == null
        || list.isEmpty()
        || list.size() > 50) {
      ctx.fail(new Rejection(ErrorCode.INVALID, "error.studyInvalid"));
      return;
    }
    List<Studies.Member> members = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof JsonObject member)
          || !(member.getValue("id") instanceof String id)
          || !(member.getValue("organiserKey") instanceof String key)) {
        ctx.fail(new Rejection(ErrorCode.INVALID, "error.studyInvalid"));
        return;
      }
      members.add(new Studies.Member(parse(id), key));
    }
    studies
        .create(name, members)
        .onSuccess(
            created ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(
                        new JsonObject()
                            .put("id", created.id().toString())
                            .put("name", name)
                            .put("studyKey", created.key())
                            .put(
                                "studyUrl",
                                links.base() + "/s/" + created.id() + "?k=" + created.key())
                            .put(
                                "workshops",
                                new JsonArray(
                                    created.workshops().stream().map(UUID::toString).toList()))
                            .encode()))
        .onFailure(ctx::fail);
  }

  private void study(RoutingContext ctx) {
    UUID id = uuid(ctx, "id");
    access
        .study(id, Bearer.of(ctx))
        .compose(
            scope ->
                studies
                    .workshops(id)
                    .map(
                        list -> {
                          JsonArray workshops = new JsonArray();
                          list.forEach(
                              w ->
                                  workshops.add(
                                      new JsonObject()
                                          .put("id", w.id().toString())
                                          .put("title", w.title())
                                          .put("place", w.place())
                                          .put("date", w.date())
                                          .put("language", w.language())));
                          return new JsonObject()
                              .put("id", id.toString())
                              .put("name", scope.studyName())
                              .put("workshops", workshops);
                        }))
        .onSuccess(
            json ->
                ctx.response()
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(json.encode()))
        .onFailure(ctx::fail);
  }

  private void deleteStudy(RoutingContext ctx) {
    studies
        .delete(uuid(ctx, "id"), Bearer.of(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void deleteWorkshop(RoutingContext ctx) {
    studies
        .deleteWorkshop(uuid(ctx, "id"), Bearer.of(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static UUID uuid(RoutingContext ctx) {
    return parse(ctx.pathParam("param0"));
  }

  private static UUID uuid(RoutingContext ctx, String name) {
    return parse(ctx.pathParam(name));
  }

  static UUID parse(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new Rejection(ErrorCode.NOT_FOUND, "error.notFound");
    }
  }
}
