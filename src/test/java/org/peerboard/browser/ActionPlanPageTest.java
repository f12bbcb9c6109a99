package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("The action plan in the browser: moderator, projector, progress page, next workshop")
class ActionPlanPageTest {
  private final Api api = TestApp.api();
  private final int port = TestApp.shared().port();

  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  /**
   * A loaded board (66 notes), two improvements clustered, a dot vote revealed, the board closed.
   */
  private record Session(Api.Workshop workshop, JsonObject board, String clusterId) {}

  private Session session(String title) {
    Api.Workshop workshop = api.workshop(title, "Affido");
    JsonObject board = workshop.board(0);
    ModeratorLoad.post(board);
    String id = board.getString("id");
    try (WsClient m = WsClient.hello(port, id, board.getString("moderatorKey"), null)) {
      JsonArray notes = m.welcome().getJsonObject("board").getJsonArray("notes");
      List<String> improvements = new ArrayList<>();
      notes.forEach(
          n -> {
            JsonObject note = (JsonObject) n;
            if ("improvements".equals(note.getString("lane"))) {
              improvements.add(note.getString("id"));
            }
          });
      String clusterId =
          ack(
                  m,
                  "cluster.create",
                  new JsonObject()
                      .put("lane", "improvements")
                      .put("name", "Formazione e ascolto")
                      .put(
                          "noteIds",
                          new JsonArray().add(improvements.get(1)).add(improvements.get(3))))
              .getJsonObject("result")
              .getString("clusterId");
      ack(m, "board.stage", new JsonObject().put("stage", "voting"));
      String roundId =
          ack(m, "vote.open", new JsonObject().put("kind", "dots"))
              .getJsonObject("result")
              .getString("roundId");
      JsonArray items = roundItems(m, roundId);
      Api.Participant voter = api.join(board.getString("joinCode"), "Votante");
      try (WsClient phone = WsClient.hello(port, id, voter.token(), null)) {
        for (int i = 0; i < 2; i++) {
          ack(
              phone,
              "vote.cast",
              new JsonObject()
                  .put("roundId", roundId)
                  .put("itemId", items.getJsonObject(i).getString("id"))
                  .put("dots", 3 - i));
        }
      }
      ack(m, "vote.reveal", new JsonObject().put("roundId", roundId));
      ack(m, "board.stage", new JsonObject().put("stage", "closed"));
      return new Session(workshop, board, clusterId);
    }
  }

  private JsonArray roundItems(WsClient m, String roundId) {
    return m.nextEvent("vote.opened")
        .getJsonObject("data")
        .getJsonObject("round")
        .getJsonArray("items");
  }

  private static JsonObject ack(WsClient ws, String op, JsonObject data) {
    JsonObject answer = ws.answer(ws.op(op, data));
    assertEquals("ack", answer.getString("type"), op + " -> " + answer.encode());
    return answer;
  }

  private JsonArray actions(JsonObject board) {
    return api.get("/api/boards/" + board.getString("id"), board.getString("moderatorKey"))
        .json()
        .getJsonArray("actions");
  }

  private static BrowserContext laptop(int width, int height) {
    return Browsers.chromium()
        .newContext(
            new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-GB"));
  }

  @Test
  @DisplayName(
      "the moderator makes actions from a proposal's menu and from a result line, edits them in place,"
          + " and the closed board's projector shows the plan")
  void moderatorAndProjector() {
    Session s = session("Plan in the browser");
    JsonObject board = s.board();
    List<String> errors = new ArrayList<>();
    try (BrowserContext laptop = laptop(1366, 768)) {
      Page page = laptop.newPage();
      page.onPageError(errors::add);
      page.navigate(board.getString("moderatorUrl"));
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");

      // from the menu of a proposal in the improvements lane
      String housing = ModeratorLoad.IMPROVEMENTS[2];
      Locator note = page.locator("#grid .note", new Page.LocatorOptions().setHasText(housing));
      note.locator(".note-menu-button").click();
      page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Make an action"))
          .click();
      Locator panel = page.locator("#panel-actions");
      assertThat(panel).isVisible();
      Locator first = panel.locator(".action-row").first();
      assertThat(first.getByLabel("Action")).hasValue(housing);
      assertThat(page.locator("#bar-actions-count")).hasText("1");

      // from a line of the revealed results
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Votes").setExact(true))
          .click();
      Locator line = page.locator("#vote-panel .result").first();
      String topName = line.locator(".result-label").textContent();
      line.getByRole(
              AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make an action: " + topName))
          .click();
      assertThat(panel).isVisible();
      assertThat(panel.locator(".action-row")).hasCount(2);
      assertThat(panel.locator(".action-row").nth(1).getByLabel("Action")).hasValue(topName);
      assertThat(panel.locator(".action-row").nth(1).locator(".action-origin"))
          .containsText("rank 1 of");

      // edited in place: each field saves when left
      first.getByLabel("Status").selectOption("agreed");
      first.getByLabel("Owner").fill("Servizi sociali del Comune");
      first.getByLabel("Owner").press("Tab");
      first.getByLabel("Due").fill("2026-05-31");
      first.getByLabel("Next step").fill("Chiedere alla Regione una linea di bilancio dedicata");
      first.getByLabel("Next step").press("Tab");
      assertThat(first).hasClass(java.util.regex.Pattern.compile("status-agreed"));
      page.waitForCondition(
          () -> {
            JsonObject saved = actions(board).getJsonObject(0);
            return "Chiedere alla Regione una linea di bilancio dedicata"
                    .equals(saved.getString("nextStep"))
                && "2026-05-31".equals(saved.getString("due"));
          });
      JsonObject saved = actions(board).getJsonObject(0);
      assertEquals("agreed", saved.getString("status"));
      assertEquals("Servizi sociali del Comune", saved.getString("owner"));
      // a third one, typed
      panel
          .getByLabel("A new action, in a few words")
          .fill("Incontro di restituzione con i ragazzi");
      panel
          .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the action"))
          .click();
      assertThat(panel.locator(".action-row")).hasCount(3);
      Axe.assertNoSeriousViolations(page);
      Browsers.screenshot(page, "action-panel-1366x768");
      page.setViewportSize(1920, 1080);
      Browsers.screenshot(page, "action-panel-1920x1080");
      page.setViewportSize(360, 640);
      Object narrow =
          page.evaluate(
              "() => document.querySelector('#panel-actions').scrollWidth"
                  + " <= document.querySelector('#panel-actions').clientWidth + 1");
      assertEquals(Boolean.TRUE, narrow, "the panel fits a phone's width");
      Browsers.screenshot(page, "action-panel-360x640");
      page.setViewportSize(1366, 768);

      // the projector of the closed board shows the plan
      try (BrowserContext screen = Browsers.screen()) {
        Page projector = screen.newPage();
        projector.onPageError(errors::add);
        projector.navigate(board.getString("projectorUrl"));
        Locator plan = projector.locator("#plan-board");
        assertThat(plan).isVisible();
        assertThat(plan.locator(".plan-card")).hasCount(3);
        assertThat(plan.locator(".plan-card").first()).containsText("Agreed");
        assertThat(plan.locator(".plan-card").first()).containsText("Servizi sociali del Comune");
        // the due date in words, never cut between its parts
        assertThat(plan.locator(".plan-card").first())
            .containsText("due\u00a0May\u00a031,\u00a02026");
        assertThat(projector.locator("#grid")).isHidden();
        // every card whole: the plan fits the screen
        Object fits =
            projector.evaluate(
                "() => { const b = document.querySelector('#plan-board-body');"
                    + " return b.scrollHeight <= b.clientHeight + 1; }");
        assertEquals(Boolean.TRUE, fits);
        Browsers.screenshot(projector, "projector-plan-1920x1080");
        Axe.assertNoSeriousViolations(projector);
        // the plan follows the moderator live; delete one
        panel.locator(".action-row").nth(2).getByRole(AriaRole.BUTTON).click();
        assertThat(plan.locator(".plan-card")).hasCount(2);
      }
      assertTrue(errors.isEmpty(), errors.toString());
    }
  }

  @Test
  @DisplayName(
      "the progress page reads well on a phone and a laptop, holds no participant data, and a carried"
          + " workshop opens on 'Where we are'")
  void progressAndCarried() {
    Session s = session("Progress in the browser");
    JsonObject board = s.board();
    String key = s.workshop().organiserKey();
    try (WsClient m =
        WsClient.hello(port, board.getString("id"), board.getString("moderatorKey"), null)) {
      ack(
          m,
          "action.create",
          new JsonObject()
              .put("fromClusterId", s.clusterId())
              .put("status", "in_progress")
              .put("owner", "Ufficio scolastico")
              .put("due", "2026-04-15")
              .put("nextStep", "Primo incontro di formazione congiunta a marzo"));
      ack(
          m,
          "action.create",
          new JsonObject()
              .put("title", "Un fondo regionale per la casa dei care leaver")
              .put("status", "agreed"));
      ack(
          m,
          "action.create",
          new JsonObject()
              .put("title", "Verbale di ascolto in ogni verifica")
              .put("status", "done"));
    }
    Api.Response link = api.post("/api/workshops/" + s.workshop().id() + "/progress-link", "", key);
    assertEquals(200, link.status(), link.body());
    String url = api.base() + link.json().getString("url");
    List<String> errors = new ArrayList<>();
    for (BrowserContext context : List.of(Browsers.phone(), laptop(1366, 768))) {
      try (context) {
        Page page = context.newPage();
        page.onPageError(errors::add);
        page.navigate(url);
        assertThat(page.locator("h1")).containsText("Progress in the browser");
        assertThat(page.locator(".plan-item")).hasCount(3);
        assertThat(page.locator(".plan-item").first()).containsText("Formazione e ascolto");
        assertThat(page.locator(".plan-item").first()).containsText("In progress");
        String html = page.content();
        for (int i = 1; i <= 12; i++) {
          assertFalse(html.contains("Persona " + i + "<") || html.contains("Persona " + i + " "));
        }
        assertFalse(html.contains("Votante"));
        assertFalse(html.contains("Ufficio scolastico"), "owners stay off the public page");
        assertFalse(html.contains(ModeratorLoad.NOTES[0][0][0].substring(2)));
        Object width = page.evaluate("() => document.documentElement.scrollWidth <= innerWidth");
        assertEquals(Boolean.TRUE, width, "no horizontal scrolling");
        Axe.assertNoSeriousViolations(page);
        Browsers.screenshot(
            page, "progress-" + page.viewportSize().width + "x" + page.viewportSize().height);
      }
    }

    // the next workshop carries the open actions; its projector opens on "Where we are"
    Api.Response next =
        api.post(
            "/api/workshops",
            new JsonObject()
                .put("title", "Second session")
                .put("language", "en")
                .put("groups", new JsonArray().add("Affido"))
                .put(
                    "carry",
                    new JsonObject()
                        .put("workshopIds", new JsonArray().add(s.workshop().id()))
                        .put("what", "actions")
                        .put("keys", new JsonArray().add(key))));
    assertEquals(201, next.status(), next.body());
    JsonObject newBoard = new Api.Workshop(next.json()).board(0);
    try (BrowserContext laptop = laptop(1366, 768);
        BrowserContext screen = Browsers.screen()) {
      Page page = laptop.newPage();
      page.onPageError(errors::add);
      page.navigate(newBoard.getString("moderatorUrl"));
      Locator marks = page.locator("#grid .carried-mark");
      assertThat(marks).hasCount(2);
      assertThat(
              page.locator(
                  "#grid .note", new Page.LocatorOptions().setHasText("Formazione e ascolto")))
          .containsText(
              "carried from Progress in the browser, group Affido · rank 1 of 5 · 3 dots · 1"
                  + " voter · In progress");
      assertThat(
              page.locator(
                  "#grid .note",
                  new Page.LocatorOptions()
                      .setHasText("Un fondo regionale per la casa dei care leaver")))
          .containsText("carried from Progress in the browser, group Affido · Agreed");
      page.locator("#bar-actions").click();
      Locator whereButton =
          page.getByRole(
              AriaRole.BUTTON,
              new Page.GetByRoleOptions().setName("Open the projector on \"Where we are\""));
      assertThat(whereButton).hasAttribute("aria-pressed", "true");
      // the new session's projector opens on "Where we are"; the moderator moves on and back
      Page projector = screen.newPage();
      projector.onPageError(errors::add);
      projector.navigate(newBoard.getString("projectorUrl"));
      Locator where = projector.locator("#plan-board");
      assertThat(where.locator("h2")).hasText("Where we are");
      whereButton.click();
      assertThat(where).isHidden();
      assertThat(projector.locator("#grid")).isVisible();
      whereButton.click();
      assertThat(where.locator("h2")).hasText("Where we are");
      assertThat(where.locator(".plan-card")).hasCount(2);
      assertThat(where.locator(".plan-card").first()).containsText("Formazione e ascolto");
      Browsers.screenshot(projector, "projector-where-we-are-1920x1080");
      Axe.assertNoSeriousViolations(page);
      Browsers.screenshot(page, "moderator-carried-1366x768");
    }
    // the organiser page lists every group's actions and makes the progress link
    try (BrowserContext laptop = laptop(1366, 768)) {
      Page page = laptop.newPage();
      page.onPageError(errors::add);
      page.navigate(s.workshop().json().getString("organiserUrl"));
      Locator plans = page.locator("#action-plans");
      assertThat(plans.locator("tbody tr")).hasCount(3);
      assertThat(plans.locator("tbody tr").first()).containsText("Ufficio scolastico");
      assertThat(plans.locator("tbody tr").first()).containsText("rank 1 of 5");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make a progress link"))
          .click();
      Locator made = page.locator("#progress-status a");
      assertThat(made).containsText("/o/");
      assertEquals(200, api.get(made.getAttribute("href").replace(api.base(), ""), null).status());
      assertEquals(
          404, api.get(url.replace(api.base(), ""), null).status(), "the old link is gone");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw the link"))
          .click();
      assertThat(page.locator("#progress-status")).hasText("The progress link was withdrawn.");
      Axe.assertNoSeriousViolations(page);
      plans.scrollIntoViewIfNeeded();
      Browsers.screenshot(page, "organiser-action-plans-1366x768");
    }
    assertTrue(errors.isEmpty(), errors.toString());
  }
}
