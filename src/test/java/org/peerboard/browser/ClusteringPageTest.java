package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

@DisplayName("Clustering on the moderator page")
class ClusteringPageTest {
  private static Api api;

  @BeforeAll
  static void boot() {
    TestApp.shared();
    api = TestApp.api();
  }

  /** A participant posts these notes in one lane, over a plain WebSocket. */
  private static void post(JsonObject board, String lane, String... texts) {
    Api.Participant participant = api.join(board.getString("joinCode"), "Carla");
    try (WsClient ws =
        WsClient.hello(TestApp.shared().port(), participant.boardId(), participant.token(), null)) {
      for (String text : texts) {
        assertEquals(
            "ack",
            ws.answer(ws.op("note.add", new JsonObject().put("lane", lane).put("text", text)))
                .getString("type"));
      }
    }
  }

  private static Page open(BrowserContext context, String url, List<String> errors) {
    Page page = context.newPage();
    page.onPageError(errors::add);
    page.navigate(url);
    assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
    return page;
  }

  private static Locator note(Page page, String text) {
    return page.locator("#grid .mod-note").filter(new Locator.FilterOptions().setHasText(text));
  }

  private static void dragWithMouse(Page page, Locator from, Locator to) {
    from.scrollIntoViewIfNeeded();
    to.scrollIntoViewIfNeeded();
    BoundingBox a = from.locator(".note-text").boundingBox();
    BoundingBox b = to.boundingBox();
    page.mouse().move(a.x + a.width / 2, a.y + a.height / 2);
    page.mouse().down();
    page.mouse()
        .move(a.x + a.width / 2 + 20, a.y + a.height / 2 + 10, new Mouse.MoveOptions().setSteps(4));
    page.mouse()
        .move(
            b.x + b.width / 2,
            b.y + Math.min(b.height / 2, 30),
            new Mouse.MoveOptions().setSteps(8));
    page.mouse().up();
  }

  @Test
  @DisplayName(
      "a moderator groups notes by dragging them with the mouse, and the projector shows the cluster")
  void byDragging() {
    JsonObject board = api.workshop("Dragging", "Group A").board(0);
    post(
        board,
        "custody:issues",
        "Waiting lists for assessments",
        "No psychologist available",
        "Long waits for a placement");
    List<String> errors = new ArrayList<>();
    try (BrowserContext screen = Browsers.screen();
        BrowserContext wall = Browsers.screen()) {
      Page moderator = open(screen, board.getString("moderatorUrl"), errors);
      Page projector = open(wall, board.getString("projectorUrl"), errors);

      dragWithMouse(moderator, note(moderator, "Waiting lists"), note(moderator, "Long waits"));
      Locator dialog = moderator.getByRole(AriaRole.DIALOG);
      assertThat(dialog).containsText("Group 2 notes as");
      moderator.getByLabel("Cluster name").fill("Waiting times");
      moderator.keyboard().press("Enter");
      Locator cluster = moderator.locator("[data-lane='custody:issues'] .cluster");
      assertThat(cluster.locator(".cluster-name")).hasText("Waiting times");
      assertThat(cluster.locator(".cluster-count")).hasText("2 notes");

      dragWithMouse(
          moderator, note(moderator, "No psychologist"), cluster.locator(".cluster-title"));
      assertThat(cluster.locator(".cluster-count")).hasText("3 notes");
      assertThat(moderator.locator("#mod-news")).containsText("Added to “Waiting times”");

      moderator
          .getByRole(
              AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Projector").setExact(true))
          .click();
      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clusters V"))
          .click();
      Locator stack = projector.locator("[data-lane='custody:issues'] .stack");
      assertThat(stack.locator(".stack-name")).hasText("Waiting times");
      assertThat(stack.locator(".stack-count")).hasText("3 notes");
      assertThat(projector.locator("[data-lane='custody:issues'] .note")).hasCount(0);
      Browsers.screenshot(projector, "projector-clusters");

      moderator.keyboard().press("Control+z");
      assertThat(cluster.locator(".cluster-count")).hasText("2 notes");
      assertThat(stack.locator(".stack-count")).hasText("2 notes");
      assertEquals(List.of(), errors, "no script errors");
    }
  }

  @Test
  @DisplayName(
      "a moderator groups, adds to and renames a cluster with the keyboard alone; a second client sees it")
  void byKeyboard() {
    JsonObject board = api.workshop("Keyboard clustering", "Group A").board(0);
    post(
        board,
        "path:resources",
        "Respite foster carers",
        "Peer support groups",
        "Funding for sports");
    List<String> errors = new ArrayList<>();
    try (BrowserContext screen = Browsers.screen();
        BrowserContext wall = Browsers.screen()) {
      Page moderator = open(screen, board.getString("moderatorUrl"), errors);
      Page projector = open(wall, board.getString("projectorUrl"), errors);
      Locator cell = moderator.locator("[data-lane='path:resources']");
      assertThat(cell.locator(".mod-note")).hasCount(3);

      cell.locator(".select-note").first().focus();
      moderator.keyboard().press("Space");
      moderator.keyboard().press("ArrowDown");
      moderator.keyboard().press("Space");
      assertThat(moderator.locator("#selection-summary"))
          .hasText("2 notes and 0 clusters selected.");
      moderator.keyboard().press("g");
      assertThat(moderator.getByLabel("Cluster name")).isFocused();
      moderator.keyboard().type("Support for carers");
      moderator.keyboard().press("Enter");
      Locator cluster = cell.locator(".cluster");
      assertThat(cluster.locator(".cluster-count")).hasText("2 notes");
      assertThat(moderator.locator("#selection-summary")).hasText("Nothing selected.");

      // focus stays on the grid: walk to the loose note, select it, walk up to the cluster, select
      // it, add
      moderator.keyboard().press("End");
      assertThat(cell.locator(".mod-note:not(.cluster .mod-note) .select-note")).isFocused();
      moderator.keyboard().press("Space");
      moderator.keyboard().press("Home");
      assertThat(cluster.locator(".cluster-title")).isFocused();
      moderator.keyboard().press("Space");
      moderator.keyboard().press("a");
      assertThat(cluster.locator(".cluster-count")).hasText("3 notes");

      moderator.keyboard().press("Home");
      moderator.keyboard().press("Space");
      moderator
          .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rename cluster"))
          .focus();
      moderator.keyboard().press("Enter");
      moderator.getByLabel("Cluster name").fill("Support around the child");
      moderator.keyboard().press("Enter");
      assertThat(cluster.locator(".cluster-name")).hasText("Support around the child");

      cell.scrollIntoViewIfNeeded();
      Browsers.screenshot(moderator, "moderator-clusters");
      moderator.keyboard().press("v");
      Locator stack = projector.locator("[data-lane='path:resources'] .stack");
      assertThat(stack.locator(".stack-name")).hasText("Support around the child");
      assertThat(stack.locator(".stack-count")).hasText("3 notes");
      Axe.assertNoSeriousViolations(moderator);
      assertEquals(List.of(), errors, "no script errors");
    }
  }
}
