package org.peerboard.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.peerboard.board.db.StoredEvent;
import org.peerboard.board.db.Views;
import org.peerboard.board.model.Actor;

/**
 * The sockets of one board in this process, the highest seq fetched from the log, and the recent events kept to
 * serve sockets that are a little behind. Touched only from the live verticle's event loop.
 */
final class BoardHub {
  static final int RECENT = 1000;

  final UUID boardId;
  final Set<Connection> sockets = new LinkedHashSet<>();
  final List<Rendered> recent = new ArrayList<>();
  long head = -1;
  boolean fetching;
  boolean fetchAgain;
  boolean presencePending;

  BoardHub(UUID boardId) {
    this.boardId = boardId;
  }

  /** An event with its frames rendered once per kind of viewer, not once per socket. */
  static final class Rendered {
    final StoredEvent event;
    private final Map<String, String> frames = new HashMap<>(4);

    Rendered(StoredEvent event) {
      this.event = event;
    }

    String frameFor(Actor viewer) {
      boolean personal = viewer.participantId() != null && mentions(viewer.participantId().toString());
      return personal ? render(viewer) : frames.computeIfAbsent(viewer.role().wire(), k -> render(viewer));
    }

    /** Whether the event says something only this participant may see (their own note). */
    private boolean mentions(String participantId) {
      JsonObject note = event.data().getJsonObject("note");
      if (note != null && participantId.equals(note.getString("authorId"))) {
        return true;
      }
      JsonArray notes = event.data().getJsonArray("notes");
      return notes != null && notes.stream().anyMatch(n -> participantId.equals(((JsonObject) n).getString("authorId")));
    }

    /** Mirrors what the database did to this note's copies in the log (see V4__note_patches_in_log.sql). */
    void patchNote(String noteId, JsonObject patch, boolean dropText) {
      JsonObject note = event.data().getJsonObject("note");
      if (note != null && noteId.equals(note.getString("id"))) {
        patch(note, patch, dropText);
      }
      JsonArray notes = event.data().getJsonArray("notes");
      if (notes != null) {
        notes.forEach(n -> {
          if (noteId.equals(((JsonObject) n).getString("id"))) {
            patch((JsonObject) n, patch, dropText);
          }
        });
      }
    }

    private void patch(JsonObject note, JsonObject patch, boolean dropText) {
      note.mergeIn(patch);
      if (dropText) {
        note.remove("text");
      }
      frames.clear();
    }

    private String render(Actor viewer) {
      JsonObject data = Views.eventData(event.data(), viewer);
      return new JsonObject()
          .put("type", "event")
          .put("seq", event.seq())
          .put("event", event.type())
          .put("data", data)
          .put("at", event.at().toInstant().toString())
          .encode();
    }
  }

  void remember(Rendered rendered) {
    JsonObject data = rendered.event.data();
    switch (rendered.event.type()) {
      case "note.deleted" -> recent.forEach(r -> r.patchNote(data.getString("noteId"), new JsonObject(), true));
      case "note.redacted", "note.edited" -> recent.forEach(r -> r.patchNote(data.getJsonObject("note").getString("id"),
          new JsonObject(), true));
      case "note.hidden" -> recent.forEach(r -> r.patchNote(data.getJsonObject("note").getString("id"),
          new JsonObject().put("hidden", data.getJsonObject("note").getBoolean("hidden"))
              .put("held", data.getJsonObject("note").getBoolean("held", false)), false));
      default -> { }
    }
    recent.add(rendered);
    if (recent.size() > 2 * RECENT) {
      recent.subList(0, recent.size() - RECENT).clear();
    }
    head = rendered.event.seq();
  }

  long oldestRecent() {
    return recent.isEmpty() ? Long.MAX_VALUE : recent.get(0).event.seq();
  }

  /** The kept event with this seq; the window is contiguous, so it is found by position. */
  Rendered recentAt(long seq) {
    return recent.get((int) (seq - recent.get(0).event.seq()));
  }

  /** This process's figures: sockets, people (a participant with two tabs counts once), and people per phase. */
  PresenceShare.Counts counts() {
    Map<String, Set<UUID>> phases = new HashMap<>();
    Set<UUID> people = new java.util.HashSet<>();
    int online = 0;
    for (Connection c : sockets) {
      if (c.actor == null) {
        continue;
      }
      online++;
      UUID participant = c.actor.participantId();
      if (participant != null) {
        people.add(participant);
        if (c.phase != null) {
          phases.computeIfAbsent(c.phase, k -> new java.util.HashSet<>()).add(participant);
        }
      }
    }
    Map<String, Integer> perPhase = new HashMap<>();
    phases.forEach((phase, who) -> perPhase.put(phase, who.size()));
    return new PresenceShare.Counts(online, people.size(), perPhase);
  }
}
