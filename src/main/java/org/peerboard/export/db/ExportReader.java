package org.peerboard.export.db;

import static org.peerboard.export.db.ExportSql.*;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.peerboard.action.db.PlanReads;
import org.peerboard.agenda.db.TimingReader;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.export.format.ExportSink;
import org.peerboard.export.model.ClusterRow;
import org.peerboard.export.model.ExportMeta;
import org.peerboard.export.model.ExportNote;
import org.peerboard.export.model.ExportScope;
import org.peerboard.export.model.ExportStart;
import org.peerboard.export.model.ExportZone;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.HistoryRow;
import org.peerboard.export.model.Labels;
import org.peerboard.export.model.ParticipantRow;
import org.peerboard.export.model.Pseudonyms;
import org.peerboard.export.model.WorkshopFacts;
import org.peerboard.workshop.db.Templates;
import org.peerboard.workshop.model.Notice;
import org.peerboard.workshop.model.Template;

/**
 * Reads what a download covers in one repeatable-read transaction and feeds it to a format: notes
 * and history through cursors, a page at a time, so a large workshop is never held in memory.
 * Formatting runs on a worker (ordered), never on the event loop; after each page the caller may
 * flush what was written to the client.
 */
public final class ExportReader {
  static final int PAGE = 500;
  private static final String DEFAULT_TEMPLATE = "care-pathway";

  private final Vertx vertx;
  private final Pool pool;
  private final Templates templates;
  private final VoteSource votes;

  public ExportReader(Vertx vertx, Pool pool, Templates templates, VoteSource votes) {
    this.vertx = vertx;
    this.pool = pool;
    this.templates = templates;
    this.votes = votes;
  }

  /**
   * Feeds the whole scope to the sink; {@code flush} runs after every page (e.g. writes to the
   * response).
   */
  public Future<Void> run(ExportScope scope, ExportSink sink, Supplier<Future<Void>> flush) {
    return votes
        .revealed(scope)
        .compose(found -> Proposals.withTexts(pool, found))
        .compose(found -> Ballots.with(pool, found))
        .compose(
            figures ->
                scopeTemplate(scope)
                    .map(
                        template ->
                            new ExportStart(
                                figures,
                                new Labels(template, scope.language()),
                                ExportMeta.of(scope, ExportZone.ZONE))))
        .compose(start -> blocking(() -> sink.start(start)).map(start.votes()))
        .compose(
            figures ->
                pool.withTransaction(
                    conn ->
                        conn.query(READ_ONLY)
                            .execute()
                            .compose(
                                ok ->
                                    each(
                                        scope.workshopIds(),
                                        id -> workshop(conn, scope, id, sink, flush)))
                            .compose(
                                v -> PlanReads.read(conn, scope.workshopIds(), scope.boardId()))
                            .compose(
                                plan ->
                                    blocking(
                                        () -> sink.actions(PlanReads.withResults(plan, figures))))))
        .compose(v -> blocking(sink::finish))
        .compose(v -> flush.get())
        .onFailure(
            failure ->
                vertx.executeBlocking(
                    () -> {
                      sink.abort();
                      return null;
                    }));
  }

  /**
   * The template of the scope's first workshop (a study's workshops share one), for the columns
   * known before the first row: one per tag.
   */
  private Future<Template> scopeTemplate(ExportScope scope) {
    if (scope.workshopIds().isEmpty()) {
      return templates.get(DEFAULT_TEMPLATE);
    }
    return pool.preparedQuery(TEMPLATE_OF)
        .execute(Tuple.of(scope.workshopIds().get(0)))
        .compose(
            rows ->
                templates.get(
                    rows.size() == 0
                        ? DEFAULT_TEMPLATE
                        : rows.iterator().next().getString("template_id")));
  }

  private Future<Void> workshop(
      SqlConnection conn,
      ExportScope scope,
      UUID workshopId,
      ExportSink sink,
      Supplier<Future<Void>> flush) {
    return conn.preparedQuery(WORKSHOP)
        .execute(Tuple.of(workshopId))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.succeededFuture();
              }
              Row row = rows.iterator().next();
              WorkshopFacts facts = workshopFacts(row);
              return templates
                  .get(facts.templateId())
                  .compose(
                      template ->
                          blocking(
                              () -> sink.workshop(facts, new Labels(template, scope.language()))))
                  .compose(
                      v ->
                          conn.preparedQuery(NOTICES)
                              .execute(Tuple.of(workshopId, scope.boardId()))
                              .compose(found -> blocking(() -> sink.notices(notices(found)))))
                  .compose(
                      v ->
                          conn.preparedQuery(BOARDS).execute(Tuple.of(workshopId, scope.boardId())))
                  .compose(
                      boards -> {
                        List<Group> groups = new ArrayList<>();
                        boards.forEach(
                            b ->
                                groups.add(
                                    new Group(
                                        b.getUUID("id"),
                                        workshopId,
                                        b.getString("name"),
                                        b.getInteger("position"),
                                        b.getString("stage"),
                                        Boolean.TRUE.equals(b.getBoolean("anonymous")))));
                        return each(groups, group -> group(conn, group, sink, flush));
                      })
                  .compose(v -> blocking(sink::endWorkshop));
            });
  }

  private Future<Void> group(
      SqlConnection conn, Group group, ExportSink sink, Supplier<Future<Void>> flush) {
    Tuple board = Tuple.of(group.id());
    return conn.preparedQuery(CLUSTERS)
        .execute(board)
        .compose(
            clusterRows ->
                conn.preparedQuery(PARTICIPANTS)
                    .execute(board)
                    .compose(
                        participantRows -> {
                          List<ClusterRow> clusters = new ArrayList<>();
                          clusterRows.forEach(
                              r ->
                                  clusters.add(
                                      new ClusterRow(
                                          r.getUUID("id"),
                                          group.id(),
                                          r.getString("lane"),
                                          r.getString("phase"),
                                          r.getString("dimension"),
                                          r.getString("name"),
                                          r.getLong("notes").intValue(),
                                          r.getOffsetDateTime("created_at"),
                                          r.getOffsetDateTime("updated_at"))));
                          List<ParticipantRow> participants = new ArrayList<>();
                          participantRows.forEach(
                              r ->
                                  participants.add(
                                      new ParticipantRow(
                                          Pseudonyms.of(r.getLong("number")),
                                          r.getString("name"),
                                          r.getString("profession"),
                                          Boolean.TRUE.equals(r.getBoolean("removed")),
                                          r.getOffsetDateTime("created_at"),
                                          r.getOffsetDateTime("consented_at"),
                                          r.getString("notice_version"),
                                          r.getOffsetDateTime("withdrawn_at"))));
                          return blocking(() -> sink.group(group, clusters, participants));
                        }))
        .compose(
            v ->
                !sink.wantsTiming()
                    ? Future.succeededFuture()
                    : TimingReader.rows(conn, group.id())
                        .compose(rows -> blocking(() -> sink.timing(rows))))
        .compose(
            v ->
                !sink.wantsNotes()
                    ? Future.succeededFuture()
                    : pages(
                        conn,
                        NOTES,
                        Tuple.of(
                            group.id(), BoardEvent.NoteEdited.NAME, BoardEvent.NoteRedacted.NAME),
                        rows -> {
                          List<ExportNote> page = new ArrayList<>(rows.size());
                          rows.forEach(r -> page.add(note(group, r)));
                          return blocking(() -> sink.notes(page)).compose(done -> flush.get());
                        }))
        .compose(
            v ->
                !sink.wantsHistory()
                    ? Future.succeededFuture()
                    : pages(
                        conn,
                        HISTORY,
                        Tuple.of(group.id(), BoardEvent.VoteProgress.NAME),
                        rows -> {
                          List<HistoryRow> page = new ArrayList<>(rows.size());
                          rows.forEach(
                              r ->
                                  page.add(
                                      new HistoryRow(
                                          group.id(),
                                          r.getLong("seq"),
                                          r.getOffsetDateTime("at"),
                                          r.getString("type"),
                                          r.getString("actor_role"),
                                          Pseudonyms.of(r.getLong("number")),
                                          r.getUUID("note_id"),
                                          Boolean.TRUE.equals(r.getBoolean("undone")),
                                          r.getLong("reactions"))));
                          return blocking(() -> sink.history(page)).compose(done -> flush.get());
                        }))
        .compose(v -> blocking(sink::endGroup))
        .compose(v -> flush.get());
  }

  private static List<Notice> notices(RowSet<Row> rows) {
    List<Notice> notices = new ArrayList<>();
    rows.forEach(
        r ->
            notices.add(
                new Notice(r.getString("language"), r.getString("text"), r.getString("version"))));
    return notices;
  }

  /** A row of {@code ExportSql.WORKSHOP} as the facts every export repeats. */
  static WorkshopFacts workshopFacts(Row row) {
    return new WorkshopFacts(
        row.getUUID("id"),
        row.getString("title"),
        row.getString("place"),
        row.getLocalDate("held_on") == null ? null : row.getLocalDate("held_on").toString(),
        row.getString("language"),
        row.getString("template_id"),
        row.getOffsetDateTime("created_at"));
  }

  private static ExportNote note(Group group, Row r) {
    String[] tags = r.getArrayOfStrings("tags");
    return new ExportNote(
        r.getUUID("id"),
        group.id(),
        r.getString("lane"),
        r.getString("phase"),
        r.getString("dimension"),
        tags == null ? List.of() : Arrays.asList(tags),
        r.getUUID("cluster_id"),
        r.getString("cluster_name"),
        r.getUUID("duplicate_of"),
        r.getBoolean("hidden"),
        r.getBoolean("held"),
        r.getBoolean("edited"),
        r.getBoolean("redacted"),
        r.getString("text"),
        Pseudonyms.of(r.getLong("number")),
        r.getString("profession"),
        r.getString("author_role"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("updated_at"),
        r.getLong("reactions"),
        share(r.getLong("reactions"), r.getLong("board_participants")));
  }

  /** Agreement as a share of the board's participants, to four decimals; null without any. */
  static Double share(long reactions, long participants) {
    return participants == 0 ? null : Math.round(reactions * 10_000.0 / participants) / 10_000.0;
  }

  /**
   * Reads a query through a cursor, one page after the other; the next page is read once this one
   * is handled.
   */
  private static Future<Void> pages(
      SqlConnection conn, String sql, Tuple args, Function<RowSet<Row>, Future<Void>> onPage) {
    return conn.prepare(sql)
        .compose(
            statement -> {
              Cursor cursor = statement.cursor(args);
              return readAll(cursor, onPage).eventually(cursor::close).eventually(statement::close);
            });
  }

  private static Future<Void> readAll(Cursor cursor, Function<RowSet<Row>, Future<Void>> onPage) {
    return cursor
        .read(PAGE)
        .compose(
            rows ->
                onPage
                    .apply(rows)
                    .compose(
                        v ->
                            cursor.hasMore() ? readAll(cursor, onPage) : Future.succeededFuture()));
  }

  private Future<Void> blocking(Runnable work) {
    Callable<Void> call =
        () -> {
          work.run();
          return null;
        };
    return vertx.executeBlocking(call, true);
  }

  static <T> Future<Void> each(List<T> items, Function<T, Future<?>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (T item : items) {
      chain = chain.compose(v -> step.apply(item).mapEmpty());
    }
    return chain;
  }
}
