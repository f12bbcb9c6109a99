package org.peerboard.export.db;

import static org.peerboard.export.db.ExportSql.*;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.peerboard.export.model.ExportScope;
import org.peerboard.export.model.Group;
import org.peerboard.export.model.Outcome;
import org.peerboard.export.model.Pseudonyms;
import org.peerboard.export.model.Votes;
import org.peerboard.export.model.WorkshopFacts;
import org.peerboard.workshop.db.Templates;

/**
 * Reads a scope whole (a workshop day is a few thousand short notes) for the report and comparison
 * pages.
 */
public final class OutcomeReader {
  private final Pool pool;
  private final Templates templates;

  public OutcomeReader(Pool pool, Templates templates) {
    this.pool = pool;
    this.templates = templates;
  }

  /** Revealed votes with what the pages show beside the figures: the phases each proposal links. */
  public Future<Votes> details(Votes votes) {
    return Ballots.with(pool, votes);
  }

  public Future<Outcome> read(ExportScope scope) {
    return pool.withTransaction(
        conn ->
            conn.query(READ_ONLY)
                .execute()
                .compose(
                    ok -> {
                      List<Outcome.WorkshopView> views = new ArrayList<>();
                      return ExportReader.each(
                              scope.workshopIds(),
                              id ->
                                  workshop(conn, id, scope.boardId())
                                      .map(
                                          view -> {
                                            view.ifPresent(views::add);
                                            return view;
                                          }))
                          .map(done -> new Outcome(views));
                    }));
  }

  private Future<Optional<Outcome.WorkshopView>> workshop(
      SqlConnection conn, UUID id, UUID onlyBoard) {
    return conn.preparedQuery(WORKSHOP)
        .execute(Tuple.of(id))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.succeededFuture(Optional.empty());
              }
              Row row = rows.iterator().next();
              WorkshopFacts facts = ExportReader.workshopFacts(row);
              return templates
                  .get(facts.templateId())
                  .compose(
                      template ->
                          conn.preparedQuery(BOARDS)
                              .execute(Tuple.of(id, onlyBoard))
                              .compose(
                                  boards -> {
                                    List<Group> groups = new ArrayList<>();
                                    boards.forEach(
                                        b ->
                                            groups.add(
                                                new Group(
                                                    b.getUUID("id"),
                                                    id,
                                                    b.getString("name"),
                                                    b.getInteger("position"),
                                                    b.getString("stage"),
                                                    Boolean.TRUE.equals(
                                                        b.getBoolean("anonymous")))));
                                    UUID[] ids =
                                        groups.stream().map(Group::id).toArray(UUID[]::new);
                                    Map<UUID, List<Outcome.Note>> notes = new HashMap<>();
                                    Map<UUID, List<Outcome.Cluster>> clusters = new HashMap<>();
                                    Map<UUID, Integer> participants = new HashMap<>();
                                    return conn.preparedQuery(VIEW_NOTES)
                                        .execute(Tuple.of(ids))
                                        .compose(
                                            noteRows -> {
                                              for (Row n : noteRows) {
                                                String[] tags = n.getArrayOfStrings("tags");
                                                notes
                                                    .computeIfAbsent(
                                                        n.getUUID("board_id"),
                                                        k -> new ArrayList<>())
                                                    .add(
                                                        new Outcome.Note(
                                                            n.getUUID("id"),
                                                            n.getString("lane"),
                                                            tags == null
                                                                ? List.of()
                                                                : Arrays.asList(tags),
                                                            n.getUUID("cluster_id"),
                                                            n.getBoolean("hidden"),
                                                            n.getString("text"),
                                                            Pseudonyms.of(n.getLong("number")),
                                                            n.getLong("reactions")));
                                              }
                                              return conn.preparedQuery(VIEW_CLUSTERS)
                                                  .execute(Tuple.of(ids));
                                            })
                                        .compose(
                                            clusterRows -> {
                                              clusterRows.forEach(
                                                  c ->
                                                      clusters
                                                          .computeIfAbsent(
                                                              c.getUUID("board_id"),
                                                              k -> new ArrayList<>())
                                                          .add(
                                                              new Outcome.Cluster(
                                                                  c.getUUID("id"),
                                                                  c.getString("lane"),
                                                                  c.getString("name"))));
                                              return conn.preparedQuery(VIEW_PARTICIPANTS)
                                                  .execute(Tuple.of(ids));
                                            })
                                        .map(
                                            participantRows -> {
                                              participantRows.forEach(
                                                  p ->
                                                      participants.put(
                                                          p.getUUID("board_id"),
                                                          p.getLong("participants").intValue()));
                                              List<Outcome.GroupView> views =
                                                  groups.stream()
                                                      .map(
                                                          g ->
                                                              new Outcome.GroupView(
                                                                  g,
                                                                  participants.getOrDefault(
                                                                      g.id(), 0),
                                                                  notes.getOrDefault(
                                                                      g.id(), List.of()),
                                                                  clusters.getOrDefault(
                                                                      g.id(), List.of())))
                                                      .toList();
                                              return Optional.of(
                                                  new Outcome.WorkshopView(facts, template, views));
                                            });
                                  }));
            });
  }
}
