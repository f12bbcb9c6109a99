package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A real session's load on the care-pathway board, in Italian: three notes of 40–110 characters in
 * each of the 20 cells (5 phases x 4 dimensions) and six potential improvements, 66 notes posted by
 * twelve participants over their own WebSockets, as the phones would. {@link #post(String, String,
 * int)} posts more (for boards that do not fit one screen) by cycling the same texts with the
 * writer's table number.
 */
final class SessionLoad {
  static final List<String> PHASES = List.of("reporting", "custody", "removal", "path", "leaving");
  static final List<String> DIMENSIONS = List.of("actors", "issues", "resources", "participation");

  /** Three notes per cell, phase by phase, dimension by dimension. */
  static final Map<String, List<String>> CELLS = new LinkedHashMap<>();

  static final List<String> IMPROVEMENTS =
      List.of(
          "Un tutor per l'autonomia che segua ogni care leaver fino ai 21 anni",
          "Fondo per la casa a 18 anni, gestito insieme al ragazzo",
          "Gruppi di confronto tra care leaver e ragazzi ancora in comunità, guidati da pari",
          "Un unico referente tra servizi sociali, scuola e centro per l'impiego",
          "Formazione comune per educatori di comunità e famiglie affidatarie sulla partecipazione dei ragazzi",
          "Orari del servizio anche la sera, per chi lavora o studia");

  static {
    cell(
        "reporting:actors",
        "Scuola e pediatra sono spesso i primi a segnalare",
        "Forze dell'ordine nei casi urgenti, con intervento notturno e poco tempo per valutare",
        "Vicini di casa e parenti che chiamano il servizio sociale");
    cell(
        "reporting:issues",
        "Segnalazioni tardive: quando arrivano la situazione è già compromessa da anni",
        "Mancano protocolli condivisi tra scuola e servizi sul quando e come segnalare",
        "Il bambino non viene ascoltato in questa fase");
    cell(
        "reporting:resources",
        "Protocollo d'intesa con le scuole del territorio, aggiornato nel 2021",
        "Équipe multidisciplinare per la tutela, con neuropsichiatra e psicologo",
        "Numero dedicato per gli insegnanti, attivo in orario scolastico");
    cell(
        "reporting:participation",
        "Nessuno spazio: il ragazzo spesso non sa nemmeno che è partita una segnalazione",
        "Colloquio con il bambino solo se il pm lo dispone",
        "Spiegare alla famiglia cosa succede, con parole semplici e in presenza");
    cell(
        "custody:actors",
        "Assistente sociale titolare del caso e psicologo del consultorio",
        "Tribunale per i minorenni e curatore speciale del minore, quando nominato",
        "Educatore domiciliare già presente in famiglia prima della presa in carico");
    cell(
        "custody:issues",
        "Turn over degli assistenti sociali: in tre anni il ragazzo ne cambia quattro",
        "Carichi di lavoro altissimi, oltre 80 casi a testa, poco tempo per conoscere il ragazzo",
        "Tempi lunghi del tribunale per i decreti, anche sei mesi");
    cell(
        "custody:resources",
        "Progetto quadro scritto e condiviso con la famiglia d'origine",
        "Supervisione mensile per l'équipe, pagata dal consorzio",
        "Rete con il terzo settore e le associazioni di famiglie affidatarie");
    cell(
        "custody:participation",
        "Il ragazzo partecipa alle riunioni di verifica solo dai 14 anni in su, e non sempre",
        "Chiedergli chi vuole accanto durante i colloqui",
        "Usare strumenti visivi con i più piccoli per spiegare il progetto");
    cell(
        "removal:actors",
        "Forze dell'ordine e assistente sociale, spesso senza un educatore di riferimento",
        "Comunità di pronta accoglienza o famiglia affidataria di emergenza",
        "Insegnanti, che vanno informati per non perdere la continuità scolastica");
    cell(
        "removal:issues",
        "Allontanamenti d'urgenza senza preparazione: il bambino esce di casa con quello che ha addosso",
        "Fratelli separati per mancanza di posti nella stessa struttura",
        "Cambio di scuola a metà anno, senza passaggio tra insegnanti");
    cell(
        "removal:resources",
        "Kit di accoglienza con oggetti personali, foto e un quaderno per il bambino",
        "Famiglie affidatarie formate per l'emergenza, disponibili in 24 ore",
        "Posti di pronta accoglienza vicino al quartiere d'origine");
    cell(
        "removal:participation",
        "Spiegare il perché dell'allontanamento, anche dopo, con un adulto di fiducia",
        "Lasciargli scegliere cosa portare con sé",
        "Raccogliere la sua versione dei fatti entro la prima settimana, messa per iscritto");
    cell(
        "path:actors",
        "Educatore di comunità e famiglia affidataria, con la regia del servizio sociale",
        "Neuropsichiatria infantile per i ragazzi con bisogni specifici",
        "Tutore volontario per i minori stranieri non accompagnati");
    cell(
        "path:issues",
        "Scelta della comunità fatta sui posti liberi e non sui bisogni del ragazzo",
        "Monitoraggio solo formale: verifiche semestrali sulla carta, poche visite",
        "Rientri in famiglia decisi senza preparare il ragazzo e senza un piano per i primi mesi");
    cell(
        "path:resources",
        "Piano educativo individualizzato rivisto ogni sei mesi",
        "Borse lavoro e tirocini dai 16 anni, con il centro per l'impiego",
        "Sport e attività nel territorio pagate dal comune, fuori dalla comunità");
    cell(
        "path:participation",
        "Il PEI viene letto e firmato dal ragazzo, ma raramente scritto con lui",
        "Assemblee dei ragazzi in comunità una volta al mese",
        "Poter dire la sua sulla scelta tra comunità e affido, con un adulto che lo aiuti a capire le differenze");
    cell(
        "leaving:actors",
        "Care leaver, educatore di riferimento e assistente sociale dell'età adulta",
        "Centro per l'impiego e servizi per la casa",
        "Famiglia affidataria che resta un punto di riferimento dopo i 18 anni");
    cell(
        "leaving:issues",
        "A 18 anni finisce tutto: casa, educatore, sostegno economico, nello stesso giorno",
        "Nessun passaggio di consegne tra servizi minori e servizi adulti",
        "Solitudine e mancanza di una rete informale, soprattutto per chi esce dalla comunità");
    cell(
        "leaving:resources",
        "Prosieguo amministrativo fino ai 21 anni, chiesto al tribunale",
        "Appartamenti per l'autonomia con educatore a chiamata",
        "Sperimentazione nazionale care leavers con il tutor per l'autonomia");
    cell(
        "leaving:participation",
        "Preparare l'uscita almeno due anni prima, con il ragazzo che decide le tappe",
        "Ascoltare i care leaver già usciti e farli parlare ai più giovani",
        "Il ragazzo sceglie chi lo accompagna dopo i 18 anni, anche fuori dai servizi");
  }

  private static void cell(String lane, String... notes) {
    for (String text : notes) {
      int n = text.codePointCount(0, text.length());
      if (n < 40 || n > 110) {
        throw new IllegalStateException(
            "a session note has 40 to 110 characters: " + n + " " + text);
      }
    }
    CELLS.put(lane, List.of(notes));
  }

  /** Every note of the session as {lane, text, tags}, cells first, then the improvements. */
  static List<JsonObject> session() {
    List<JsonObject> notes = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, List<String>> cell : CELLS.entrySet()) {
      for (String text : cell.getValue()) {
        notes.add(note(cell.getKey(), text, i++));
      }
    }
    for (String text : IMPROVEMENTS) {
      notes.add(note("improvements", text, i++));
    }
    return notes;
  }

  /**
   * Foster family on some notes, residential care on others, both or none on the rest, as people
   * tag them.
   */
  private static JsonObject note(String lane, String text, int i) {
    JsonArray tags =
        switch (i % 4) {
          case 0 -> new JsonArray().add("foster");
          case 1 -> new JsonArray().add("facility");
          case 2 -> new JsonArray().add("foster").add("facility");
          default -> new JsonArray();
        };
    return new JsonObject().put("lane", lane).put("text", text).put("tags", tags);
  }

  /** A workshop in Italian with the given groups; its JSON answer. */
  static Api.Workshop workshop(String title, String... groups) {
    Api.Response response =
        TestApp.api()
            .post(
                "/api/workshops",
                new JsonObject()
                    .put("title", title)
                    .put("place", "Prato")
                    .put("date", "2022-07-18")
                    .put("language", "it")
                    .put("groups", new JsonArray(List.of((Object[]) groups))));
    assertEquals(201, response.status(), response.body());
    return new Api.Workshop(response.json());
  }

  /**
   * Posts `count` notes to the board from twelve participants: the 66 of the session first, then
   * the same texts again, each repeat ending with its writer's table ("· tavolo 3"), so every note
   * differs. Returns their ids.
   */
  static List<String> post(String boardId, String joinCode, int count) {
    List<JsonObject> session = session();
    List<WsClient> phones = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try {
      for (int p = 0; p < 12; p++) {
        Api.Participant who = TestApp.api().join(joinCode, "Persona " + (p + 1));
        phones.add(WsClient.hello(TestApp.shared().port(), boardId, who.token(), null));
      }
      for (int i = 0; i < count; i++) {
        JsonObject data = session.get(i % session.size()).copy();
        if (i >= session.size()) {
          data.put("text", data.getString("text") + " · tavolo " + (i / session.size() + 1));
        }
        WsClient phone = phones.get(i % phones.size());
        JsonObject answer = phone.answer(phone.op("note.add", data));
        assertEquals("ack", answer.getString("type"), answer.encode());
        ids.add(answer.getJsonObject("result").getString("noteId"));
      }
    } finally {
      phones.forEach(WsClient::close);
    }
    return ids;
  }
}
