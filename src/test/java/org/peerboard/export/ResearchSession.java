package org.peerboard.export;

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
 * The Italian workshop of issue 14, built through the real server (HTTP join, WebSocket ops): two
 * groups, 87 notes of 40-110 characters, participants with professions, a hidden note, a note held
 * and never approved, a duplicate mark, and four revealed rounds: on group A two rating rounds over
 * the same proposals (the first with comments and named ballots, the second anonymous) and an
 * anonymous dot round, on group B a dot round.
 */
public final class ResearchSession {
  public static final String HIDDEN =
      "NASCOSTA-SEGRETA: questa nota è stata nascosta dalla moderatrice";
  public static final String HELD =
      "IN-ATTESA-MAI-APPROVATA: nota inviata dopo la richiesta di approvazione";
  public static final String COMMENT =
      "Servono fondi regionali stabili per almeno tre anni, non bandi annuali";
  public static final String CONTROLS =
      "Riga\u000Bcon\u0007controlli\u000Cinvisibili e un \uFFFE da togliere";
  public static final String CONTROLS_CLEAN = "Rigaconcontrolliinvisibili e un  da togliere";
  static final String[] PROFESSIONS = {"educator", "social_worker", "psychologist", "care_leaver"};
  static final List<String> LANES =
      List.of(
          "reporting:actors",
          "reporting:issues",
          "custody:issues",
          "custody:resources",
          "removal:issues",
          "removal:participation",
          "path:actors",
          "path:issues",
          "path:resources",
          "leaving:issues",
          "leaving:resources",
          "leaving:participation");
  static final String[] PHRASES = {
    "La segnalazione arriva tardi perché la scuola non sa a chi rivolgersi",
    "I tempi di attesa per la presa in carico superano spesso i sei mesi",
    "Il bambino non viene ascoltato prima dell'allontanamento dalla famiglia",
    "Manca una figura di riferimento stabile durante tutto il percorso",
    "Le famiglie affidatarie si sentono sole dopo i primi mesi di affido",
    "In comunità il turnover degli educatori rompe le relazioni costruite",
    "Il progetto quadro non viene condiviso con il ragazzo né con la famiglia",
    "A diciotto anni l'uscita è improvvisa, senza casa né lavoro",
    "Buona collaborazione tra servizi sociali e neuropsichiatria infantile",
    "Gli incontri protetti si fanno in spazi inadatti e poco accoglienti",
    "Il tribunale decide senza conoscere davvero la storia del bambino",
    "Le risorse economiche per il sostegno all'autonomia finiscono presto"
  };

  final Api api = TestApp.api();
  final int port = TestApp.shared().port();
  final Api.Workshop workshop;

  /** Group name → note texts posted (visible ones). */
  final Map<String, Integer> shownNotes = new LinkedHashMap<>();

  final List<String> noteIds = new ArrayList<>();

  /** The participants of each group, in joining order (P1, P2 …). */
  final List<List<Api.Participant>> people = new ArrayList<>();

  int notes;
  String hiddenId;
  String heldId;
  String duplicateId;
  String originalId;

  /**
   * Group A's proposals: the cluster (rated 5 then about 1.33) and the note (rated 3.83 in the
   * first round).
   */
  String clusterProposal;

  String noteProposal;

  /** seqs of the ballots (vote.progress) per round number on group A, and on group B. */
  final Map<Integer, List<Long>> ballotSeqs = new LinkedHashMap<>();

  final List<Long> ballotSeqsB = new ArrayList<>();
  String roundOne;
  String roundTwo;

  public ResearchSession() {
    Api.Response response =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", "Percorsi di cura in Toscana")
                .put("place", "Prato")
                .put("date", "2022-07-18")
                .put("language", "it")
                .put("groups", new JsonArray().add("Gruppo Affido").add("Gruppo Comunità")));
    if (response.status() != 201) {
      throw new IllegalStateException(response.toString());
    }
    workshop = new Api.Workshop(response.json());
    groupA();
    groupB();
  }

  public String id() {
    return workshop.id();
  }

  public String organiserKey() {
    return workshop.organiserKey();
  }

  private List<Api.Participant> join(JsonObject board) {
    List<Api.Participant> people = new ArrayList<>();
    for (int i = 0; i < PROFESSIONS.length; i++) {
      Api.Response joined =
          api.post(
              "/api/join",
              new JsonObject()
                  .put("consent", true)
                  .put("code", board.getString("joinCode"))
                  .put("name", "Persona Vera " + i)
                  .put("profession", PROFESSIONS[i]));
      if (joined.status() != 200) {
        throw new IllegalStateException(joined.toString());
      }
      people.add(
          new Api.Participant(
              joined.json().getString("boardId"),
              joined.json().getString("participantId"),
              joined.json().getString("participantToken")));
    }
    this.people.add(people);
    return people;
  }

  /** Group A: 44 notes, moderation, and three revealed rounds over its improvements. */
  private void groupA() {
    JsonObject board = workshop.board(0);
    String id = board.getString("id");
    List<Api.Participant> people = join(board);
    try (WsClient mod = WsClient.hello(port, id, board.getString("moderatorKey"), null);
        WsClient p1 = WsClient.hello(port, id, people.get(0).token(), null);
        WsClient p2 = WsClient.hello(port, id, people.get(1).token(), null);
        WsClient p3 = WsClient.hello(port, id, people.get(2).token(), null)) {
      List<WsClient> phones = List.of(p1, p2, p3);
      for (int i = 0; i < 38; i++) {
        String text = PHRASES[i % PHRASES.length] + " (A" + i + ")";
        String noteId =
            note(
                phones.get(i % 3),
                LANES.get(i % LANES.size()),
                i % 2 == 0 ? "foster" : "facility",
                text);
        if (i == 5) {
          originalId = noteId;
        }
      }
      note(p1, "custody:issues", "foster", CONTROLS);
      hiddenId = note(p2, "custody:issues", "facility", HIDDEN);
      ack(mod, "note.hide", new JsonObject().put("noteId", hiddenId).put("hidden", true));
      duplicateId = note(p3, "reporting:actors", "foster", PHRASES[5] + " (copia)");
      ack(mod, "board.stage", new JsonObject().put("stage", "clustering"));
      ack(mod, "note.duplicate", new JsonObject().put("noteId", duplicateId).put("of", originalId));
      ack(mod, "board.stage", new JsonObject().put("stage", "collecting"));
      String n1 =
          note(p1, "improvements", null, "Un fondo regionale per l'autonomia dei neomaggiorenni");
      String n2 =
          note(
              p2,
              "improvements",
              null,
              "Formazione congiunta per affidatari ed educatori di comunità");
      noteProposal =
          note(
              p3,
              "improvements",
              null,
              "Un tutor per ogni ragazzo dai 16 ai 21 anni, anche dopo l'uscita");
      ack(mod, "board.settings", new JsonObject().put("approveNotes", true));
      heldId = note(p1, "improvements", null, HELD);
      clusterProposal =
          ack(
                  mod,
                  "cluster.create",
                  new JsonObject()
                      .put("lane", "improvements")
                      .put("name", "Fondi e formazione")
                      .put("noteIds", new JsonArray().add(n1).add(n2)))
              .getJsonObject("result")
              .getString("clusterId");
      ack(mod, "board.stage", new JsonObject().put("stage", "voting"));
      // round 1: rating, named ballots, with comments: the cluster 5 / 5, the note (4+4+3)/3 and 4
      // -> 3.83
      roundOne =
          open(
              mod,
              new JsonObject().put("kind", "rating").put("anonymous", false).put("comments", true));
      int[][] first = {{5, 5, 4, 4}, {5, 5, 4, 4}, {5, 5, 3, 4}};
      for (int i = 0; i < 3; i++) {
        cast(
            phones.get(i),
            roundOne,
            clusterProposal,
            first[i][0],
            first[i][1],
            i == 0 ? COMMENT : null,
            1);
        cast(
            phones.get(i),
            roundOne,
            noteProposal,
            first[i][2],
            first[i][3],
            i == 1 ? "Il tutor deve essere scelto insieme al ragazzo" : null,
            1);
      }
      ack(mod, "vote.reveal", new JsonObject().put("roundId", roundOne));
      // round 2: the same proposals, anonymous: the cluster falls to about 1.33
      roundTwo = open(mod, new JsonObject().put("kind", "rating"));
      int[][] second = {{1, 2}, {1, 1}, {2, 1}};
      for (int i = 0; i < 3; i++) {
        cast(phones.get(i), roundTwo, clusterProposal, second[i][0], second[i][1], null, 2);
        cast(phones.get(i), roundTwo, noteProposal, 3, 3, null, 2);
      }
      ack(mod, "vote.reveal", new JsonObject().put("roundId", roundTwo));
      // round 3: dots, anonymous
      String dots = open(mod, new JsonObject().put("kind", "dots"));
      for (int i = 0; i < 3; i++) {
        ballotSeqs
            .computeIfAbsent(3, k -> new ArrayList<>())
            .add(
                ack(
                        phones.get(i),
                        "vote.cast",
                        new JsonObject()
                            .put("roundId", dots)
                            .put("itemId", i == 2 ? noteProposal : clusterProposal)
                            .put("dots", 2))
                    .getLong("seq"));
      }
      ack(mod, "vote.reveal", new JsonObject().put("roundId", dots));
    }
  }

  /** Group B: 43 notes and one revealed dot round. */
  private void groupB() {
    JsonObject board = workshop.board(1);
    String id = board.getString("id");
    List<Api.Participant> people = join(board);
    try (WsClient mod = WsClient.hello(port, id, board.getString("moderatorKey"), null);
        WsClient p1 = WsClient.hello(port, id, people.get(0).token(), null);
        WsClient p2 = WsClient.hello(port, id, people.get(1).token(), null)) {
      for (int i = 0; i < 41; i++) {
        note(
            i % 2 == 0 ? p1 : p2,
            LANES.get((i * 5) % LANES.size()),
            i % 3 == 0 ? "foster" : "facility",
            PHRASES[(i * 7) % PHRASES.length] + " (B" + i + ")");
      }
      String a =
          note(
              p1,
              "improvements",
              null,
              "Una casa di sgancio per chi esce dalla comunità a diciotto anni");
      note(
          p2,
          "improvements",
          null,
          "Gruppi di mutuo aiuto tra famiglie affidatarie del territorio");
      ack(mod, "board.stage", new JsonObject().put("stage", "voting"));
      String dots = open(mod, new JsonObject().put("kind", "dots"));
      ballotSeqsB.add(
          ack(
                  p1,
                  "vote.cast",
                  new JsonObject().put("roundId", dots).put("itemId", a).put("dots", 3))
              .getLong("seq"));
      ballotSeqsB.add(
          ack(
                  p2,
                  "vote.cast",
                  new JsonObject().put("roundId", dots).put("itemId", a).put("dots", 1))
              .getLong("seq"));
      ack(mod, "vote.reveal", new JsonObject().put("roundId", dots));
    }
  }

  private void cast(
      WsClient phone,
      String round,
      String item,
      int feasibility,
      int sustainability,
      String comment,
      int number) {
    JsonObject data =
        new JsonObject()
            .put("roundId", round)
            .put("itemId", item)
            .put(
                "scores",
                new JsonObject()
                    .put("feasibility", feasibility)
                    .put("sustainability", sustainability));
    if (comment != null) {
      data.put("comment", comment);
    }
    ballotSeqs
        .computeIfAbsent(number, k -> new ArrayList<>())
        .add(ack(phone, "vote.cast", data).getLong("seq"));
  }

  private String open(WsClient mod, JsonObject data) {
    return ack(mod, "vote.open", data).getJsonObject("result").getString("roundId");
  }

  private String note(WsClient ws, String lane, String tag, String text) {
    JsonObject data = new JsonObject().put("lane", lane).put("text", text);
    if (tag != null) {
      data.put("tags", new JsonArray().add(tag));
    }
    String id = ack(ws, "note.add", data).getJsonObject("result").getString("noteId");
    noteIds.add(id);
    notes++;
    return id;
  }

  static JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    if (!"ack".equals(answer.getString("type"))) {
      throw new AssertionError(op + " " + data.encode() + " -> " + answer.encode());
    }
    return answer;
  }
}
