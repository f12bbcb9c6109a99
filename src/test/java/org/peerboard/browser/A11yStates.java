package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every page and state a person meets in a workshop day, each as a step that brings one page of a
 * browser there and waits until it shows what it should: the pages before the day, the phone's
 * (joining, the board, each kind of ballot, results, the closed board), the moderator's with each
 * panel open, the projector in each mode, the plenary, the pages after the day and the error pages.
 */
final class A11yStates {
  private A11yStates() {}

  /**
   * One state: its name in reports, whether it is a phone page, how to get there, and the parts of
   * the page that changed from the state before (none: the whole page) for a check to look at.
   */
  record State(String name, boolean phone, Consumer<Page> open, List<String> changed) {
    State(String name, boolean phone, Consumer<Page> open) {
      this(name, phone, open, List.of());
    }
  }

  static List<State> all(A11ySession s, BrowserContext context) {
    String base = s.api.base();
    String organiser = "?k=" + s.workshop.organiserKey();
    List<State> states = new ArrayList<>();
    // before joining: this context has not joined Affido yet (its cookie comes with the board)
    states.add(
        new State(
            "join page",
            true,
            page -> {
              s.plain();
              context.clearCookies(
                  new BrowserContext.ClearCookiesOptions()
                      .setName("pb_pt_" + s.id("Affido").replace("-", "")));
              page.navigate(base + "/j/" + s.code("Affido"));
              assertThat(page.locator("#join-view")).isVisible();
              s.enter(context);
            }));
    states.add(
        new State(
            "information notice",
            true,
            page -> page.navigate(base + "/j/" + s.code("Affido") + "/notice")));
    states.add(
        new State(
            "group picker",
            true,
            page -> {
              page.navigate(base + "/g/" + s.workshop.json().getString("joinCode"));
              assertThat(page.locator("main a").first()).isVisible();
            }));
    states.add(
        new State(
            "phone board",
            true,
            page -> {
              page.navigate(base + "/j/" + s.code("Affido"));
              online(page);
              assertThat(page.locator("#board-view")).isVisible();
              assertThat(page.locator("#lane-notes .note").first()).isVisible();
            }));
    for (String group : List.of("Comunità", "Valutazione", "Commenti")) {
      states.add(
          new State(
              "ballot "
                  + ("Comunità".equals(group)
                      ? "dots"
                      : "Valutazione".equals(group) ? "rating" : "dots with comments"),
              true,
              page -> {
                page.navigate(base + "/j/" + s.code(group));
                online(page);
                // the phone either shows the ballot or calls to it (a button that goes once the
                // ballot shows)
                Locator ballot = page.locator("#ballot .ballot-item").first();
                Locator go = page.locator("#vote-call-go");
                page.waitForCondition(() -> ballot.isVisible() || go.isVisible());
                if (!ballot.isVisible()) {
                  try {
                    go.click(new Locator.ClickOptions().setTimeout(5000));
                  } catch (com.microsoft.playwright.PlaywrightException gone) {
                    // the ballot came by itself meanwhile
                  }
                }
                assertThat(ballot).isVisible();
              }));
    }
    states.add(
        new State(
            "phone results",
            true,
            page -> {
              page.navigate(base + "/j/" + s.code("Risultati"));
              online(page);
              assertThat(page.locator("#vote-results")).isVisible();
            }));
    states.add(
        new State(
            "closed board",
            true,
            page -> {
              page.navigate(base + "/j/" + s.code("Chiuso"));
              assertThat(page.locator("#closed-view")).isVisible();
            }));
    states.add(new State("code form", true, page -> page.navigate(base + "/j")));
    states.add(
        new State(
            "error 404 (unknown code)",
            true,
            page -> {
              page.navigate(base + "/j/QQQQQQ");
              assertThat(page.locator("#error-message")).isVisible();
            }));
    states.add(
        new State(
            "error bad key",
            false,
            page -> {
              page.navigate(base + "/m/" + s.id("Affido") + "/report?k=" + "x".repeat(40));
              assertThat(page.locator("#error-message")).isVisible();
            }));
    states.add(new State("new workshop", false, page -> page.navigate(base + "/new")));
    states.add(
        new State(
            "organiser",
            false,
            page -> {
              page.navigate(base + "/w/" + s.workshop.id() + organiser);
              assertThat(page.locator(".group-sheet").first()).isVisible();
            }));
    states.add(
        new State(
            "run-sheet",
            false,
            page -> page.navigate(base + "/w/" + s.workshop.id() + "/runsheet" + organiser)));
    states.add(new State("progress", false, page -> page.navigate(s.progressUrl)));
    states.add(
        new State(
            "report",
            false,
            page -> page.navigate(base + "/w/" + s.workshop.id() + "/report" + organiser)));
    states.add(
        new State(
            "board report",
            false,
            page -> page.navigate(base + "/m/" + s.id("Affido") + "/report?k=" + s.key("Affido"))));
    states.add(
        new State(
            "compare",
            false,
            page -> page.navigate(base + "/w/" + s.workshop.id() + "/compare" + organiser)));
    states.add(new State("study", false, page -> page.navigate(s.studyUrl)));
    states.add(
        new State(
            "accessibility statement", false, page -> page.navigate(base + "/accessibility")));
    states.add(
        new State(
            "moderator",
            false,
            page -> {
              page.navigate(s.url("Affido", "moderatorUrl"));
              online(page);
              assertThat(page.locator("#grid .note").first()).isVisible();
            }));
    for (String panel :
        List.of(
            "stage",
            "agenda",
            "timer",
            "notes",
            "projector",
            "votes",
            "actions",
            "people",
            "queue",
            "links")) {
      states.add(
          new State(
              "moderator, panel " + panel,
              false,
              page -> {
                Locator button = page.locator("#bar-" + panel);
                assertThat(button).isVisible();
                button.click();
                assertThat(page.locator("#" + button.getAttribute("aria-controls"))).isVisible();
              },
              List.of("#mod-bar", panelOf(panel))));
    }
    states.add(
        new State(
            "moderator, note menu",
            false,
            page -> {
              page.keyboard().press("Escape");
              page.locator("#grid .note-menu-button").first().click();
              assertThat(page.locator("#note-menu")).isVisible();
            },
            List.of("#note-menu")));
    states.add(
        new State(
            "projector board",
            false,
            page -> {
              s.plain();
              page.navigate(s.url("Affido", "projectorUrl"));
              online(page);
              assertThat(page.locator("#grid .note").first()).isVisible();
            }));
    states.add(
        new State(
            "projector focus",
            false,
            page -> {
              s.ack(s.main, "board.focus", new JsonObject().put("phase", "custody"));
              assertThat(page.locator("#focus-label")).not().isEmpty();
            }));
    states.add(
        new State(
            "projector spotlight",
            false,
            page -> {
              s.ack(s.main, "board.settings", new JsonObject().put("spotlight", s.spotlightNote));
              assertThat(page.locator("#spotlight")).isVisible();
            }));
    for (String group : List.of("Comunità", "Valutazione", "Commenti")) {
      states.add(
          new State(
              "projector vote (" + group + ")",
              false,
              page -> {
                page.navigate(s.url(group, "projectorUrl"));
                online(page);
                assertThat(page.locator("#vote-board")).isVisible();
              }));
    }
    states.add(
        new State(
            "projector results",
            false,
            page -> {
              page.navigate(s.url("Risultati", "projectorUrl"));
              online(page);
              assertThat(page.locator("#vote-board .screen-result").first()).isVisible();
            }));
    states.add(
        new State(
            "projector closed",
            false,
            page -> {
              page.navigate(s.url("Chiuso", "projectorUrl"));
              online(page);
            }));
    states.add(
        new State(
            "plenary boards",
            false,
            page -> {
              page.navigate(base + "/w/" + s.workshop.id() + "/plenary" + organiser);
              assertThat(page.locator(".plenary-board .plenary-grid[data-fit]").first())
                  .isAttached();
            }));
    states.add(
        new State(
            "plenary improvements",
            false,
            page -> {
              page.locator("#mode-improvements").click();
              assertThat(page.locator(".plenary-proposals").first()).isVisible();
            }));
    return states;
  }

  private static String panelOf(String bar) {
    return "votes".equals(bar) ? "#vote-panel" : "#panel-" + bar;
  }

  private static void online(Page page) {
    assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
  }
}
