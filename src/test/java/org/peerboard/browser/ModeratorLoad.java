package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * A real session's load on one board of the care-pathway template: three notes in every cell of the
 * 5x4 grid and six improvements, 66 notes of 40 to 110 characters in Italian, posted by twelve
 * participants over WebSocket.
 */
final class ModeratorLoad {
  private ModeratorLoad() {}

  static final String[] PHASES = {"reporting", "custody", "removal", "path", "leaving"};
  static final String[] DIMENSIONS = {"actors", "issues", "resources", "participation"};

  /**
   * Per phase, per dimension, three notes (tag in front: F foster family, R residential facility, -
   * none).
   */
  static final String[][][] NOTES = {
    { // reporting
      {
        "-Scuola e pediatra sono spesso i primi a segnalare al servizio sociale",
        "F-Il Tribunale per i minorenni riceve la segnalazione dalla Procura",
        "-Forze dell'ordine intervengono nelle emergenze notturne e nei fine settimana"
      },
      {
        "-Segnalazioni tardive: la scuola aspetta troppo prima di chiamarci",
        "-Manca un protocollo condiviso tra ospedale, scuola e servizi del territorio",
        "R-Le famiglie vivono la segnalazione come un'accusa e si chiudono"
      },
      {
        "-Equipe multidisciplinare tutela minori con psicologa e assistente sociale",
        "-Formazione congiunta con gli insegnanti sui segnali di maltrattamento",
        "F-Rete dei consultori familiari che conoscono già le famiglie del quartiere"
      },
      {
        "-Il bambino raramente viene ascoltato in questa fase: si parla di lui, tra adulti, ma quasi mai con lui",
        "-Ascolto protetto del minore con uno psicologo, in un luogo neutro",
        "F-Coinvolgere i genitori fin dalla prima valutazione, quando possibile"
      }
    },
    { // custody
      {
        "-Assistente sociale referente del caso e psicologa dell'ASL",
        "R-Educatori della comunità e coordinatore della struttura di accoglienza",
        "F-Famiglia affidataria e operatori del Centro affidi comunale"
      },
      {
        "-Carichi di lavoro altissimi: oltre sessanta casi per assistente sociale, e nessun tempo per le visite",
        "-Turnover degli operatori: il ragazzo cambia referente tre volte in due anni",
        "R-Tempi lunghi per trovare un posto in comunità adatto all'età del ragazzo"
      },
      {
        "-Progetto quadro scritto insieme alla famiglia e condiviso con la scuola",
        "F-Gruppi di sostegno per famiglie affidatarie seguiti dal Centro affidi",
        "-Supervisione mensile dell'equipe con uno psicoterapeuta esterno"
      },
      {
        "-Il ragazzo partecipa alle riunioni di verifica del suo progetto",
        "R-Assemblea settimanale dei ragazzi in comunità con gli educatori",
        "F-Il bambino sceglie con l'affidataria come sistemare la sua cameretta"
      }
    },
    { // removal
      {
        "-Tribunale per i minorenni, curatore speciale e avvocato del minore",
        "R-Comunità di pronta accoglienza per gli allontanamenti urgenti",
        "-Forze dell'ordine presenti solo quando è davvero indispensabile"
      },
      {
        "-Allontanamenti d'urgenza senza preparare il bambino né spiegargli nulla di quello che sta succedendo",
        "F-Fratelli separati in famiglie diverse per mancanza di posti",
        "-I genitori non capiscono il decreto e nessuno glielo spiega con calma"
      },
      {
        "-Un educatore di riferimento che accompagna il bambino nel passaggio",
        "F-Incontri protetti con i genitori in uno spazio neutro e accogliente",
        "-Mediazione culturale per le famiglie straniere durante l'allontanamento"
      },
      {
        "-Spiegare al bambino con parole sue perché non può tornare a casa ora",
        "R-Il ragazzo porta con sé oggetti personali e foto della sua famiglia",
        "F-Il bambino conosce la famiglia affidataria prima del trasferimento"
      }
    },
    { // path
      {
        "-Servizio sociale, neuropsichiatria infantile e scuola in rete stabile",
        "F-Famiglia affidataria sostenuta da un tutor del Centro affidi",
        "R-Comunità educativa con un progetto educativo individualizzato (PEI)"
      },
      {
        "-Le verifiche del progetto slittano di mesi per mancanza di tempo",
        "R-Rette delle comunità sempre più alte: i Comuni piccoli faticano a pagarle e spostano i ragazzi lontano",
        "F-Gli affidatari si sentono soli dopo i primi mesi di affidamento"
      },
      {
        "-Progetto educativo aggiornato ogni sei mesi con tutti i soggetti coinvolti",
        "F-Contributo economico mensile e rimborsi per le spese sanitarie",
        "R-Attività sportive e laboratori pagati dal fondo della comunità"
      },
      {
        "-Il ragazzo legge e firma il suo progetto educativo insieme all'educatore",
        "R-Consiglio dei ragazzi che decide le regole della casa con gli educatori",
        "F-Il bambino può dire la sua sugli incontri con la famiglia di origine"
      }
    },
    { // leaving
      {
        "-Care leaver, assistente sociale e tutor per l'autonomia abitativa",
        "R-Educatori della comunità che restano un punto di riferimento dopo",
        "F-Famiglia affidataria che continua ad accogliere il ragazzo dopo i 18 anni"
      },
      {
        "-A diciotto anni il sostegno finisce di colpo: il ragazzo si ritrova senza una casa, senza lavoro e senza rete",
        "R-Uscire dalla comunità significa perdere tutti i riferimenti in un giorno",
        "-Il prosieguo amministrativo fino a 21 anni è concesso di rado"
      },
      {
        "-Fondo per l'autonomia con borse lavoro e un primo contributo per l'affitto",
        "R-Appartamenti di semi-autonomia con un educatore presente qualche ora",
        "-Rete di ex care leaver che fanno da mentori ai ragazzi più giovani"
      },
      {
        "-Il ragazzo costruisce il piano di uscita insieme al suo educatore",
        "-Gruppi di care leaver che parlano ai servizi della loro esperienza",
        "F-Il ragazzo decide se e come restare in contatto con gli affidatari"
      }
    }
  };

  static final String[] IMPROVEMENTS = {
    "Un tutor per l'autonomia assegnato a ogni ragazzo dai 16 anni fino ai 21",
    "Formazione comune per assistenti sociali, educatori e insegnanti sulla partecipazione",
    "Un fondo regionale per la casa dei care leaver, con affitti calmierati",
    "Ascolto del ragazzo obbligatorio a ogni verifica del progetto, con un verbale",
    "Ridurre i casi per assistente sociale a trenta, assumendo nuovo personale",
    "Una rete stabile di famiglie affidatarie di supporto alle comunità del territorio"
  };

  /** Posts the 66 notes, as twelve participants; returns the texts in posting order. */
  static List<String> post(JsonObject board) {
    Api api = TestApp.api();
    List<Api.Participant> people = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      people.add(api.join(board.getString("joinCode"), "Persona " + i));
    }
    List<String> texts = new ArrayList<>();
    List<JsonObject> notes = new ArrayList<>();
    for (int p = 0; p < PHASES.length; p++) {
      for (int d = 0; d < DIMENSIONS.length; d++) {
        for (String coded : NOTES[p][d]) {
          String tag =
              coded.startsWith("F-") ? "foster" : coded.startsWith("R-") ? "facility" : null;
          String text = coded.substring(coded.indexOf('-') + 1);
          JsonObject note =
              new JsonObject()
                  .put("lane", PHASES[p] + ":" + DIMENSIONS[d])
                  .put("text", text)
                  .put("tags", tag == null ? new JsonArray() : new JsonArray().add(tag));
          notes.add(note);
        }
      }
    }
    for (String text : IMPROVEMENTS) {
      notes.add(
          new JsonObject()
              .put("lane", "improvements")
              .put("text", text)
              .put("tags", new JsonArray()));
    }
    for (int i = 0; i < people.size(); i++) {
      Api.Participant person = people.get(i);
      try (WsClient ws =
          WsClient.hello(TestApp.shared().port(), person.boardId(), person.token(), null)) {
        for (int n = i; n < notes.size(); n += people.size()) {
          JsonObject note = notes.get(n);
          assertEquals(
              "ack", ws.answer(ws.op("note.add", note)).getString("type"), "note posted: " + note);
          texts.add(note.getString("text"));
        }
      }
    }
    return texts;
  }
}
