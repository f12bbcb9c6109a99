package org.peerboard.board.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.peerboard.board.model.BoardEvent;
import org.peerboard.board.model.BoardEvent.*;
import org.peerboard.board.model.ClusterState;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.NoteState;
import org.peerboard.board.model.NoteView;
import org.peerboard.board.model.Placement;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Stage;
import org.peerboard.board.model.Timer;

/**
 * The one codec of events: to and from the {@code data} jsonb of {@code board_event}, which is also
 * the wire's {@code data} once {@link org.peerboard.board.model.Visibility} has cut it down. The
 * only place field names of events are spelled; {@code LegacyLogTest} holds it to the format logs
 * were written in before it existed.
 */
public final class EventCodec {
  private static final Map<String, Function<JsonObject, BoardEvent>> DECODERS =
      Map.ofEntries(
          Map.entry(NoteAdded.NAME, d -> new NoteAdded(note(d.getJsonObject("note")))),
          Map.entry(NoteEdited.NAME, d -> new NoteEdited(note(d.getJsonObject("note")))),
          Map.entry(NoteRedacted.NAME, d -> new NoteRedacted(note(d.getJsonObject("note")))),
          Map.entry(
              NoteDeleted.NAME,
              d ->
                  new NoteDeleted(
                      uuid(d.getString("noteId")),
                      d.getString("lane"),
                      uuid(d.getString("clusterId")),
                      clusters(d.getJsonArray("clusters")))),
          Map.entry(NoteMoved.NAME, d -> new NoteMoved(placement(d))),
          Map.entry(NoteHidden.NAME, d -> new NoteHidden(placement(d))),
          Map.entry(NoteDuplicated.NAME, d -> new NoteDuplicated(placement(d))),
          Map.entry(ClusterCreated.NAME, d -> new ClusterCreated(placement(d))),
          Map.entry(ClusterRenamed.NAME, d -> new ClusterRenamed(placement(d))),
          Map.entry(ClusterAdded.NAME, d -> new ClusterAdded(placement(d))),
          Map.entry(ClusterRemoved.NAME, d -> new ClusterRemoved(placement(d))),
          Map.entry(ClusterMerged.NAME, d -> new ClusterMerged(placement(d))),
          Map.entry(ClusterDissolved.NAME, d -> new ClusterDissolved(placement(d))),
          Map.entry(
              BoardStaged.NAME,
              d ->
                  new BoardStaged(
                      Stage.fromWire(d.getString("stage")).orElseThrow(), d.getString("joinCode"))),
          Map.entry(BoardFocused.NAME, d -> new BoardFocused(d.getString("focus"))),
          Map.entry(BoardTimed.NAME, d -> timer(d.getJsonObject("timer"))),
          Map.entry(
              BoardSettingsChanged.NAME,
              d -> new BoardSettingsChanged(SettingsJson.read(d.getJsonObject("settings")))),
          Map.entry(
              BoardRevealed.NAME,
              d ->
                  new BoardRevealed(
                      SettingsJson.read(d.getJsonObject("settings")), d.getLong("revealedNotes"))),
          Map.entry(
              KeysRotated.NAME,
              d ->
                  new KeysRotated(
                      d.getJsonArray("roles").stream()
                          .map(r -> Role.valueOf(((String) r).toUpperCase(Locale.ROOT)))
                          .toList(),
                      d.getString("joinCode"))),
          Map.entry(
              ParticipantRemoved.NAME,
              d -> new ParticipantRemoved(uuid(d.getString("participantId")))),
          Map.entry(
              NoteReacted.NAME,
              d ->
                  new NoteReacted(
                      uuid(d.getString("noteId")),
                      d.getLong("count"),
                      d.getBoolean("open"),
                      d.getBoolean("hidden"))),
          Map.entry(VoteOpened.NAME, d -> new VoteOpened(d.getJsonObject("round").getMap())),
          Map.entry(
              VoteProgress.NAME,
              d -> new VoteProgress(uuid(d.getString("roundId")), d.getLong("voters"))),
          Map.entry(VoteClosed.NAME, d -> new VoteClosed(uuid(d.getString("roundId")))),
          Map.entry(VoteReopened.NAME, d -> new VoteReopened(uuid(d.getString("roundId")))),
          Map.entry(
              VoteRevealed.NAME,
              d ->
                  new VoteRevealed(
                      uuid(d.getString("roundId")), d.getJsonArray("results").getList())),
          Map.entry(
              VoteLinked.NAME,
              d ->
                  new VoteLinked(
                      uuid(d.getString("roundId")),
                      uuid(d.getString("itemId")),
                      d.getJsonArray("phases").stream().map(p -> (String) p).toList())),
          Map.entry(ActionCreated.NAME, d -> new ActionCreated(action(d))),
          Map.entry(ActionUpdated.NAME, d -> new ActionUpdated(action(d))),
          Map.entry(ActionDeleted.NAME, d -> new ActionDeleted(action(d))),
          Map.entry(AgendaSet.NAME, d -> new AgendaSet(d.getJsonArray("steps").getList())),
          Map.entry(
              Stepped.NAME,
              d -> new Stepped(d.getInteger("index"), Instant.parse(d.getString("startedAt")))));

  private EventCodec() {}

  /** The event a log row holds; an unknown name is a bug (every name the server writes is here). */
  public static BoardEvent decode(String name, JsonObject data) {
    Function<JsonObject, BoardEvent> decoder = DECODERS.get(name);
    if (decoder == null) {
      throw new IllegalArgumentException("unknown event " + name);
    }
    return decoder.apply(data);
  }

  /**
   * The event's data: as stored when its notes are {@link Note}s, as a viewer sees it when they are
   * views.
   */
  public static JsonObject encode(BoardEvent event) {
    if (event instanceof OneNote one) {
      return new JsonObject().put("note", note(one.note()));
    } else if (event instanceof Placed placed) {
      return placement(placed);
    } else if (event instanceof NoteDeleted e) {
      return new JsonObject()
          .put("noteId", e.noteId().toString())
          .put("lane", e.lane())
          .put("clusterId", string(e.clusterId()))
          .put("clusters", clusters(e.clusters()));
    } else if (event instanceof BoardStaged e) {
      JsonObject data = new JsonObject().put("stage", e.stage().wire());
      return e.joinCode() == null ? data : data.put("joinCode", e.joinCode());
    } else if (event instanceof BoardFocused e) {
      return new JsonObject().put("focus", e.focus());
    } else if (event instanceof BoardTimed e) {
      return new JsonObject()
          .put(
              "timer",
              e.timer() == null
                  ? null
                  : new JsonObject()
                      .put(
                          "endsAt",
                          e.timer().endsAt() == null ? null : e.timer().endsAt().toString())
                      .put("remaining", e.timer().remainingSeconds())
                      .put("running", e.timer().running())
                      .put("serverNow", e.serverNow().toString()));
    } else if (event instanceof BoardSettingsChanged e) {
      return new JsonObject().put("settings", SettingsJson.write(e.settings()));
    } else if (event instanceof BoardRevealed e) {
      return new JsonObject()
          .put("settings", SettingsJson.write(e.settings()))
          .put("revealedNotes", e.revealedNotes());
    } else if (event instanceof KeysRotated e) {
      return new JsonObject()
          .put("roles", new JsonArray(e.roles().stream().map(Role::wire).toList()))
          .put("joinCode", e.joinCode());
    } else if (event instanceof ParticipantRemoved e) {
      return new JsonObject().put("participantId", e.participantId().toString());
    } else if (event instanceof NoteReacted e) {
      JsonObject data = new JsonObject().put("noteId", e.noteId().toString());
      if (e.count() != null) {
        data.put("count", e.count());
      }
      if (e.hidden() != null) {
        data.put("hidden", e.hidden());
      }
      return e.open() == null ? data : data.put("open", e.open());
    } else if (event instanceof VoteOpened e) {
      return new JsonObject().put("round", new JsonObject(e.round()));
    } else if (event instanceof VoteProgress e) {
      return new JsonObject().put("roundId", e.roundId().toString()).put("voters", e.voters());
    } else if (event instanceof VoteClosed e) {
      return round(e.roundId(), "closed");
    } else if (event instanceof VoteReopened e) {
      return round(e.roundId(), "open");
    } else if (event instanceof VoteRevealed e) {
      return round(e.roundId(), "revealed").put("results", new JsonArray(e.results()));
    } else if (event instanceof VoteLinked e) {
      return new JsonObject()
          .put("roundId", e.roundId().toString())
          .put("itemId", e.itemId().toString())
          .put("phases", new JsonArray(e.phases()));
    } else if (event instanceof ActionChanged e) {
      return new JsonObject().put("action", new JsonObject(e.action()));
    } else if (event instanceof AgendaSet e) {
      return new JsonObject().put("steps", new JsonArray(e.steps()));
    } else if (event instanceof Stepped e) {
      return new JsonObject().put("index", e.index()).put("startedAt", e.startedAt().toString());
    }
    throw new IllegalArgumentException("no encoding for " + event.name());
  }

  private static Map<String, Object> action(JsonObject d) {
    return d.getJsonObject("action").getMap();
  }

  private static JsonObject round(UUID roundId, String status) {
    return new JsonObject().put("roundId", roundId.toString()).put("status", status);
  }

  /**
   * Note events carry their note alone ({@code note}) when there is one, cluster events a list
   * ({@code notes}); a cluster op names its cluster ({@code clusterId}, null for {@code
   * cluster.remove}), an undo the seq it undid.
   */
  private static JsonObject placement(Placed placed) {
    Placement p = placed.placement();
    JsonObject data = new JsonObject();
    JsonArray notes = new JsonArray();
    p.notes().forEach(n -> notes.add(note(n)));
    if (placed.aboutNotes() && notes.size() == 1) {
      data.put("note", notes.getJsonObject(0));
    } else {
      data.put("notes", notes);
    }
    data.put("clusters", clusters(p.clusters()))
        .put(
            "removedClusterIds",
            new JsonArray(p.removedClusterIds().stream().map(UUID::toString).toList()));
    if (!placed.aboutNotes() && p.undoes() == null) {
      data.put("clusterId", string(p.clusterId()));
    }
    if (p.undoes() != null) {
      data.put("undoes", p.undoes());
    }
    return data;
  }

  private static Placement placement(JsonObject d) {
    List<NoteState> notes = new ArrayList<>();
    if (d.getJsonObject("note") != null) {
      notes.add(note(d.getJsonObject("note")));
    } else {
      d.getJsonArray("notes").forEach(n -> notes.add(note((JsonObject) n)));
    }
    return new Placement(
        notes,
        clusters(d.getJsonArray("clusters")),
        d.getJsonArray("removedClusterIds").stream()
            .map(id -> UUID.fromString((String) id))
            .toList(),
        uuid(d.getString("clusterId")),
        d.getLong("undoes"));
  }

  private static BoardTimed timer(JsonObject t) {
    if (t == null) {
      return new BoardTimed(null, null);
    }
    String endsAt = t.getString("endsAt");
    return new BoardTimed(
        new Timer(
            endsAt == null ? null : Instant.parse(endsAt),
            t.getLong("remaining", 0L),
            t.getBoolean("running", false)),
        Instant.parse(t.getString("serverNow")));
  }

  /** A note as the log keeps it ({@link Note}) or as a viewer sees it ({@link NoteView}). */
  public static JsonObject note(NoteState state) {
    if (state instanceof Note n) {
      JsonObject json =
          new JsonObject()
              .put("id", n.id().toString())
              .put("lane", n.lane())
              .put("tags", new JsonArray(new ArrayList<>(n.tags())));
      if (n.text() != null) {
        json.put("text", n.text());
      }
      return json.put("version", n.version())
          .put("hidden", n.hidden())
          .put("held", n.held())
          .put("secret", n.secret())
          .put("clusterId", string(n.clusterId()))
          .put("duplicateOf", string(n.duplicateOf()))
          .put("authorId", string(n.authorId()))
          .put("authorRole", n.authorRole().wire())
          .put("authorName", n.authorName());
    }
    NoteView v = (NoteView) state;
    JsonObject json =
        new JsonObject()
            .put("id", v.id().toString())
            .put("lane", v.lane())
            .put("tags", new JsonArray(new ArrayList<>(v.tags())))
            .put("version", v.version())
            .put("clusterId", string(v.clusterId()))
            .put("duplicateOf", string(v.duplicateOf()))
            .put("mine", v.mine())
            .put("byModerator", v.byModerator())
            .put("hidden", v.hidden());
    if (v.held()) {
      json.put("held", true);
    }
    if (v.text() != null) {
      json.put("text", v.text());
    }
    if (v.secret()) {
      json.put("secret", true);
    }
    if (v.author() != null) {
      json.put("author", v.author());
    }
    return json;
  }

  /** A note from the log; its text is null when it was taken out. */
  public static Note note(JsonObject n) {
    return new Note(
        UUID.fromString(n.getString("id")),
        n.getString("lane"),
        n.getJsonArray("tags").stream().map(t -> (String) t).toList(),
        n.getString("text"),
        uuid(n.getString("authorId")),
        Role.valueOf(n.getString("authorRole").toUpperCase(Locale.ROOT)),
        n.getBoolean("hidden", false),
        uuid(n.getString("clusterId")),
        uuid(n.getString("duplicateOf")),
        n.getInteger("version"),
        n.getBoolean("secret", false),
        n.getBoolean("held", false),
        n.getString("authorName"));
  }

  public static JsonObject cluster(ClusterState c) {
    return new JsonObject()
        .put("id", c.id().toString())
        .put("lane", c.lane())
        .put("name", c.name())
        .put("noteIds", new JsonArray(c.noteIds().stream().map(UUID::toString).toList()))
        .put("version", c.version());
  }

  private static JsonArray clusters(List<ClusterState> clusters) {
    JsonArray list = new JsonArray();
    clusters.forEach(c -> list.add(cluster(c)));
    return list;
  }

  private static List<ClusterState> clusters(JsonArray list) {
    List<ClusterState> clusters = new ArrayList<>();
    list.forEach(
        o -> {
          JsonObject c = (JsonObject) o;
          clusters.add(
              new ClusterState(
                  UUID.fromString(c.getString("id")),
                  c.getString("lane"),
                  c.getString("name"),
                  c.getJsonArray("noteIds").stream()
                      .map(id -> UUID.fromString((String) id))
                      .toList(),
                  c.getInteger("version")));
        });
    return clusters;
  }

  private static UUID uuid(String s) {
    return s == null ? null : UUID.fromString(s);
  }

  private static String string(UUID id) {
    return id == null ? null : id.toString();
  }
}
