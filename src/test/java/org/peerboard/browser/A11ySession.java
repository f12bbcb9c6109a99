package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.Cookie;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * One workshop day in one language, built once, in every state the accessibility tests visit: a
 * full board (66 notes of a real session, a cluster, a held note, a run-sheet, an action), a board
 * in a dot vote, one in a rating vote, one in a dot vote with comments, one with revealed results
 * and a closed one; a participant on each board; the report, comparison, study and progress pages.
 * The moderator's socket of the full board stays open so a test can move its projector through
 * focus and spotlight (and back).
 */
final class A11ySession {
  static final List<String> GROUPS =
      List.of("Affido", "Comunità", "Valutazione", "Commenti", "Risultati", "Chiuso");

  final String lang;
  final Api api = TestApp.api();
  final Api.Workshop workshop;

  /** By group name: the board's JSON as the workshop's creation answered it. */
  final Map<String, JsonObject> boards = new LinkedHashMap<>();

  /** By group name: a participant who joined that board. */
  final Map<String, Api.Participant> people = new LinkedHashMap<>();

  final String studyUrl;
  final String progressUrl;
  final WsClient main;
  final List<String> mainNotes = new ArrayList<>();
  final String spotlightNote;

  private static final Map<String, A11ySession> SHARED = new java.util.HashMap<>();

  /**
   * The session of this language, built once for every test class of the run (their sockets close
   * with the JVM).
   */
  static synchronized A11ySession shared(String lang) {
    return SHARED.computeIfAbsent(lang, A11ySession::new);
  }

  private A11ySession(String lang) {
    this.lang = lang;
    Api.Response made =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", "it".equals(lang) ? "Giornata di Prato" : "Prato workshop day")
                .put("place", "Prato")
                .put("date", "2026-12-07")
                .put("language", lang)
                .put("groups", new JsonArray(new ArrayList<Object>(GROUPS))));
    assertEquals(201, made.status(), made.body());
    workshop = new Api.Workshop(made.json());
    for (int i = 0; i < GROUPS.size(); i++) {
      boards.put(GROUPS.get(i), workshop.board(i));
    }
    for (String group : GROUPS) {
      people.put(group, api.join(boards.get(group).getString("joinCode"), "Bea"));
    }
    main = socket("Affido");
    for (JsonObject note : notes()) {
      mainNotes.add(ack(main, "note.add", note).getString("noteId"));
    }
    spotlightNote = mainNotes.get(4);
    List<String> improvements = mainNotes.subList(mainNotes.size() - 6, mainNotes.size());
    ack(
        main,
        "cluster.create",
        new JsonObject()
            .put("lane", "improvements")
            .put("name", "it".equals(lang) ? "Tutor per l'autonomia" : "Independence mentors")
            .put("noteIds", new JsonArray().add(improvements.get(0)).add(improvements.get(1))));
    ack(
        main,
        "board.agenda",
        new JsonObject()
            .put(
                "steps",
                new JsonArray()
                    .add(step("reporting", "collecting", 15))
                    .add(step("custody", "collecting", 15))
                    .add(step(null, "clustering", 20))
                    .add(step(null, "voting", 10))));
    ack(
        main,
        "action.create",
        new JsonObject()
            .put(
                "title",
                "it".equals(lang) ? "Un tutor per ogni care leaver" : "A mentor per care leaver")
            .put("status", "agreed"));
    ack(main, "board.settings", new JsonObject().put("approveNotes", true));
    try (WsClient phone = participantSocket("Affido")) {
      ack(
          phone,
          "note.add",
          new JsonObject()
              .put("lane", "custody:issues")
              .put(
                  "text",
                  "it".equals(lang)
                      ? "Il ragazzo non sa a chi chiedere quando cambia l'assistente sociale"
                      : "The young person does not know whom to ask when the social worker changes"));
    }
    vote("Valutazione", rating());
    vote("Comunità", new JsonObject().put("kind", "dots").put("budget", 5).put("cap", 3));
    vote(
        "Commenti",
        new JsonObject().put("kind", "dots").put("budget", 5).put("cap", 3).put("comments", true));
    reveal("Risultati", "voting");
    reveal("Chiuso", "closed");
    studyUrl = study();
    progressUrl = progress();
  }

  private static JsonObject step(String phase, String stage, int minutes) {
    JsonObject step = new JsonObject().put("stage", stage).put("minutes", minutes);
    return phase == null ? step : step.put("phase", phase);
  }

  private static JsonObject rating() {
    return new JsonObject()
        .put("kind", "rating")
        .put("criteria", new JsonArray().add("feasibility").add("sustainability"));
  }

  /** Six proposals on the board, the voting stage and a round open. */
  private String vote(String group, JsonObject round) {
    try (WsClient moderator = socket(group)) {
      for (JsonObject note : notes().subList(notes().size() - 6, notes().size())) {
        ack(moderator, "note.add", note);
      }
      ack(moderator, "board.stage", new JsonObject().put("stage", "voting"));
      return ack(moderator, "vote.open", round.copy().put("lane", "improvements"))
          .getString("roundId");
    }
  }

  /** A dot vote with ballots of four people, revealed; then the board goes to `stage`. */
  private void reveal(String group, String stage) {
    String round = vote(group, new JsonObject().put("kind", "dots").put("budget", 3).put("cap", 3));
    JsonObject board =
        api.get("/api/boards/" + boards.get(group).getString("id"), key(group)).json();
    JsonArray notes = board.getJsonArray("notes");
    for (int p = 0; p < 4; p++) {
      Api.Participant who = p == 0 ? people.get(group) : api.join(code(group), "Voter " + p);
      try (WsClient ws =
          WsClient.hello(TestApp.shared().port(), who.boardId(), who.token(), null)) {
        String item = notes.getJsonObject(p % 3 + (p == 3 ? 2 : 0)).getString("id");
        ack(
            ws,
            "vote.cast",
            new JsonObject().put("roundId", round).put("itemId", item).put("dots", 3));
      }
    }
    try (WsClient moderator = socket(group)) {
      ack(moderator, "vote.close", new JsonObject().put("roundId", round));
      ack(moderator, "vote.reveal", new JsonObject().put("roundId", round));
      if (!"voting".equals(stage)) {
        ack(moderator, "board.stage", new JsonObject().put("stage", stage));
      }
    }
  }

  private String study() {
    Api.Response created =
        api.post(
            "/api/studies",
            new JsonObject()
                .put("name", "Toscana " + lang)
                .put(
                    "workshops",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("id", workshop.id())
                                .put("organiserKey", workshop.organiserKey()))));
    assertEquals(201, created.status(), created.body());
    return api.base()
        + "/s/"
        + created.json().getString("id")
        + "?k="
        + created.json().getString("studyKey");
  }

  private String progress() {
    Api.Response link =
        api.post("/api/workshops/" + workshop.id() + "/progress-link", "", workshop.organiserKey());
    assertEquals(200, link.status(), link.body());
    return api.base() + link.json().getString("url");
  }

  /** The notes of a real session in this language: three per cell, then six proposals. */
  List<JsonObject> notes() {
    List<JsonObject> session = SessionLoad.session();
    if ("it".equals(lang)) {
      return session;
    }
    List<JsonObject> english = new ArrayList<>();
    for (int i = 0; i < session.size(); i++) {
      english.add(
          session
              .get(i)
              .copy()
              .put("text", LoadedBoard.TEXTS_EN.get(i % LoadedBoard.TEXTS_EN.size())));
    }
    return english;
  }

  /**
   * The full board as it was built: no spotlight, no phase in focus, notes rather than clusters.
   */
  void plain() {
    ack(main, "board.settings", new JsonObject().putNull("spotlight").put("view", "notes"));
    ack(main, "board.focus", new JsonObject());
  }

  String code(String group) {
    return boards.get(group).getString("joinCode");
  }

  String key(String group) {
    return boards.get(group).getString("moderatorKey");
  }

  String url(String group, String which) {
    return boards.get(group).getString(which);
  }

  String id(String group) {
    return boards.get(group).getString("id");
  }

  /**
   * A browser context in this session's language, whose participant cookies are those of the people
   * who joined, so each board's join link shows that board to its participant.
   */
  void enter(BrowserContext context) {
    List<Cookie> cookies = new ArrayList<>();
    cookies.add(new Cookie("pb_lang", lang).setUrl(api.base()));
    for (String group : GROUPS) {
      cookies.add(
          new Cookie("pb_pt_" + id(group).replace("-", ""), people.get(group).token())
              .setUrl(api.base()));
    }
    context.addCookies(cookies);
  }

  JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals(
        "ack", answer.getString("type"), op + " " + data.encode() + " -> " + answer.encode());
    return answer.getJsonObject("result");
  }

  private WsClient socket(String group) {
    return WsClient.hello(TestApp.shared().port(), id(group), key(group), null);
  }

  private WsClient participantSocket(String group) {
    return WsClient.hello(TestApp.shared().port(), id(group), people.get(group).token(), null);
  }
}
