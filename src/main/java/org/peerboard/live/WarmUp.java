package org.peerboard.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.peerboard.board.db.BoardStore;
import org.peerboard.board.db.OpResult;
import org.peerboard.board.model.Actor;
import org.peerboard.board.model.BoardState;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.Role;
import org.peerboard.board.model.Settings;
import org.peerboard.board.model.Stage;
import org.peerboard.live.model.ClientMessage;
import org.peerboard.workshop.model.Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a new note's own code a few thousand times at start, on made-up notes, so that the first
 * notes of a session do not run it cold (issue 28, docs/benchmarks.md). A workshop posts a note
 * every few seconds: at that pace the code that runs once per note (reading the frame, judging the
 * note, making its row and event, the ack, the event's frame for each view) would stay interpreted
 * or half compiled for the whole session, a few tenths of a millisecond on every note and
 * milliseconds at the tail, while the code that runs once per socket is compiled within seconds.
 *
 * <p>Each rehearsed note goes through the same methods as a real one, from the frame's text to the
 * frames the sockets would get, but touches no socket, no board, no database and no shared state:
 * nothing is stored, sent, counted or remembered. It runs on a thread of its own at the lowest
 * priority, once, right after the server is ready; {@code PEERBOARD_WARM_UP_NOTES} sets how many
 * notes (0: none).
 */
public final class WarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  /**
   * Notes rehearsed by default: enough calls for HotSpot's second compiler (5,000 calls, or 15,000
   * with loops) on every method of the path, about a second of one core.
   */
  public static final int DEFAULT_NOTES = 20_000;

  private WarmUp() {}

  /**
   * Starts the warm-up on a thread of its own; completes with what it did (at once, with nothing,
   * when {@code notes} is 0).
   */
  public static CompletableFuture<Done> start(int notes) {
    CompletableFuture<Done> finished = new CompletableFuture<>();
    if (notes <= 0) {
      finished.complete(new Done(0, 0, 0));
      return finished;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                Done done = run(notes);
                LOG.info(
                    "Warmed up a note's code in {} ms ({} made-up notes; nothing stored or sent)",
                    done.millis(),
                    done.notes());
                finished.complete(done);
              } catch (RuntimeException e) {
                // a warm-up that fails costs the first notes some speed, nothing else
                LOG.warn("The warm-up of a note's code stopped: {}", e.toString(), e);
                finished.completeExceptionally(e);
              }
            },
            "peerboard-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
    return finished;
  }

  /**
   * What a warm-up did: the notes that went the whole way, how long it took, and the bytes of the
   * frames it made (acks and events).
   */
  public record Done(int notes, long millis, int bytes) {}

  /** Rehearses {@code notes} notes on this thread. */
  static Done run(int notes) {
    long started = System.nanoTime();
    Scene scene = new Scene();
    int whole = 0;
    long bytes = 0;
    for (int i = 0; i < notes; i++) {
      int written = scene.note(i);
      if (written > 0) {
        whole++;
        bytes += written;
      }
    }
    return new Done(
        whole, (System.nanoTime() - started) / 1_000_000, (int) Math.min(bytes, 1 << 30));
  }

  /**
   * A made-up board of the built-in care pathway, its people and what they write: a room's mix of
   * participants and a moderator, lanes, tags, and notes of real length in both languages.
   */
  private static final class Scene {
    private static final Template TEMPLATE = template();
    private static final List<String> LANES = lanes(TEMPLATE);
    private static final List<List<String>> TAGS =
        List.of(List.of(), List.of("foster"), List.of("facility"), List.of("foster", "facility"));
    private static final List<String> TEXTS =
        List.of(
            "Nessuno spiega al ragazzo perché è stato allontanato, e la decisione arriva senza"
                + " preavviso",
            "Le équipe cambiano spesso: il ragazzo deve raccontare la sua storia ogni volta a"
                + " qualcuno di nuovo, e smette di fidarsi",
            "Tutor per l'autonomia abitativa dopo i 18 anni",
            "Nobody explains the decision to the child",
            "Foster carers get the case file weeks after the placement starts; the first month is"
                + " spent guessing what the child needs, which school, which doctor 🙂",
            "Incontri periodici tra scuola, servizi sociali e comunità per condividere il progetto"
                + " educativo, con il ragazzo presente almeno una volta a trimestre",
            "Spazio d'ascolto",
            "Young people leaving care at 18 lose their social worker, their home and their pocket"
                + " money in the same week: a gradual exit with a named adult would make it"
                + " sustainable");

    private final UUID boardId = UUID.randomUUID();
    private final List<Actor> people = new ArrayList<>();
    private final Actor moderator;
    private final Actor projector;
    private final BoardState state = new BoardState(Stage.COLLECTING, null, Settings.DEFAULTS);
    private final BoardState approving =
        new BoardState(
            Stage.COLLECTING,
            null,
            new Settings(true, false, false, false, true, "notes", true, null, true, false));

    Scene() {
      for (int i = 0; i < 24; i++) {
        people.add(new Actor(boardId, Role.PARTICIPANT, UUID.randomUUID()));
      }
      moderator = new Actor(boardId, Role.MODERATOR, null);
      projector = new Actor(boardId, Role.VIEWER, null);
    }

    /** One note, from its frame to every view's frame; the bytes those frames come to. */
    int note(int i) {
      Actor author = i % 8 == 7 ? moderator : people.get(i % people.size());
      Actor other = people.get((i + 1) % people.size());
      UUID opId = UUID.randomUUID();
      JsonObject data =
          new JsonObject()
              .put("noteId", UUID.randomUUID().toString())
              .put("lane", LANES.get(i % LANES.size()))
              .put("tags", new JsonArray(TAGS.get(i % TAGS.size())))
              .put("text", TEXTS.get(i % TEXTS.size()) + (i % 3 == 0 ? "" : " (" + i + ")"));
      String frame =
          new JsonObject()
              .put("type", "op")
              .put("opId", opId.toString())
              .put("op", "note.add")
              .put("data", data)
              .encode();
      if (!(FrameParser.parse(frame) instanceof ClientMessage.OpRequest request)
          || !(request.op() instanceof Op.NoteAdd add)) {
        throw new IllegalStateException("a made-up note.add did not read as one: " + frame);
      }
      OpResult result =
          BoardStore.rehearseNewNote(
              author,
              "warm-up",
              request.opId(),
              add,
              i % 16 == 5 ? approving : state,
              TEMPLATE,
              author.role() == Role.PARTICIPANT ? "Partecipante " + (i % 24) : null,
              i + 1L);
      if (result == null) {
        throw new IllegalStateException("the rules refused a made-up note: " + frame);
      }
      Buffer ack =
          new OutFrame.Ack(request.opId().toString(), result.seq(), result.result()).encode();
      BoardHub.Rendered rendered = new BoardHub.Rendered(result.event());
      int bytes = ack.length();
      for (Actor viewer : List.of(author, other, moderator, projector)) {
        bytes += rendered.frameFor(viewer).length();
        rendered.removes(viewer);
        rendered.rotatesKeyOf(viewer);
      }
      return bytes;
    }

    private static Template template() {
      List<Template.Item> phases = new ArrayList<>();
      for (String key : List.of("reporting", "custody", "removal", "path", "leaving")) {
        phases.add(item(key));
      }
      List<Template.Item> dimensions = new ArrayList<>();
      for (String key : List.of("actors", "issues", "resources", "participation")) {
        dimensions.add(item(key));
      }
      return new Template(
          "warm-up",
          Map.of("en", "Care pathway"),
          phases,
          dimensions,
          List.of(item("foster"), item("facility")),
          List.of(item("improvements")));
    }

    private static Template.Item item(String key) {
      return new Template.Item(key, Map.of("en", key, "it", key));
    }

    private static List<String> lanes(Template template) {
      return template.lanes().stream().map(Template.LaneSpec::id).toList();
    }
  }
}
