package org.peerboard.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;
import org.peerboard.support.WsClient;

/**
 * WCAG 2.3.3 and 2.2.2 (nothing moves for those who ask for no motion), 1.4.6 on the projector
 * (note text at least 7:1 against its note, in every lane and with every tag: projectors wash
 * colours out) and 1.4.1 (the lanes' colours are never the only cue: each has its shape).
 */
@DisplayName("Motion and contrast")
class MotionAndContrastTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  private static BrowserContext screen(int width, int height, ReducedMotion motion) {
    return Browsers.chromium()
        .newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("it-IT")
                .setReducedMotion(motion));
  }

  /** Elements that animate or have a transition, as "tag.class animation/transition". */
  @SuppressWarnings("unchecked")
  private static List<String> moving(Page page) {
    return (List<String>)
        page.evaluate(
            "() => [...document.querySelectorAll('*')].flatMap(el => { const s = getComputedStyle(el);"
                + " const moves = [];"
                + " if (s.animationName !== 'none') moves.push('animation ' + s.animationName);"
                + " if (s.transitionDuration.split(',').some(d => parseFloat(d) > 0))"
                + "   moves.push('transition ' + s.transitionProperty);"
                + " return moves.map(m => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + m); })");
  }

  @Test
  @DisplayName(
      "with reduced motion nothing animates on any screen (the timer's end included); without it the"
          + " timer's end pulses")
  void reducedMotionStopsAnimations() {
    Api.Workshop workshop = TestApp.api().workshop("Motion", "Group A");
    JsonObject board = workshop.board(0);
    try (WsClient moderator =
            WsClient.hello(
                TestApp.shared().port(),
                board.getString("id"),
                board.getString("moderatorKey"),
                null);
        BrowserContext still = screen(1366, 768, ReducedMotion.REDUCE);
        BrowserContext moving = screen(1366, 768, ReducedMotion.NO_PREFERENCE)) {
      assertEquals(
          "ack",
          moderator
              .answer(
                  moderator.op(
                      "board.timer", new JsonObject().put("action", "start").put("seconds", 1)))
              .getString("type"));
      for (String url : List.of(board.getString("projectorUrl"), board.getString("moderatorUrl"))) {
        Page calm = still.newPage();
        calm.navigate(url);
        assertThat(calm.locator("#timer")).hasAttribute("data-state", "done");
        assertEquals(List.of(), moving(calm), "nothing moves on " + url);
        Page lively = moving.newPage();
        lively.navigate(url);
        assertThat(lively.locator("#timer")).hasAttribute("data-state", "done");
        assertTrue(
            moving(lively).stream().anyMatch(m -> m.contains("pb-pulse")),
            "without the preference the timer's end pulses: " + moving(lively));
      }
      A11ySession session = A11ySession.shared("it");
      session.plain();
      Page calm = still.newPage();
      for (A11yStates.State state : A11yStates.all(session, still)) {
        state.open().accept(calm);
        assertEquals(List.of(), moving(calm), "nothing moves on " + state.name());
      }
    }
  }

  @Test
  @DisplayName(
      "with reduced motion the projector's pages hold still and turn with PageDown only; without it"
          + " they turn by themselves")
  void reducedMotionHoldsThePages() {
    A11ySession session = A11ySession.shared("it");
    session.plain();
    for (ReducedMotion motion : List.of(ReducedMotion.REDUCE, ReducedMotion.NO_PREFERENCE)) {
      try (BrowserContext context = screen(800, 450, motion)) {
        Page page = context.newPage();
        page.clock().install();
        page.navigate(session.url("Affido", "projectorUrl"));
        assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
        assertThat(page.locator("#grid"))
            .hasAttribute("data-page", java.util.regex.Pattern.compile("^1/[2-9]"));
        String first = page.locator("#grid").getAttribute("data-page");
        page.clock().runFor(120_000);
        if (motion == ReducedMotion.REDUCE) {
          assertEquals(first, page.locator("#grid").getAttribute("data-page"), "held still");
          page.keyboard().press("PageDown");
          assertThat(page.locator("#grid"))
              .hasAttribute("data-page", java.util.regex.Pattern.compile("^2/"));
        } else {
          assertNotEquals(
              first, page.locator("#grid").getAttribute("data-page"), "turned by itself");
        }
      }
    }
  }

  /**
   * For each note and tag on the page: the contrast of its text colour against the background it is
   * drawn on (the first opaque background up its ancestors), its lane's dimension and its tags.
   */
  private static final String CONTRAST =
      "(selector) => { const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number)"
          + "   .map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);"
          + "   return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
          + " const alpha = (c) => { const m = c.match(/[\\d.]+/g); return m.length > 3 ? Number(m[3]) : 1; };"
          + " const bg = (el) => { for (let e = el; e; e = e.parentElement) {"
          + "   const c = getComputedStyle(e).backgroundColor; if (alpha(c) > 0) return c; } return 'rgb(255, 255, 255)'; };"
          + " const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };"
          + " return [...document.querySelectorAll(selector)].flatMap(note => {"
          + "   const texts = [note.querySelector('.note-text') || note, ...note.querySelectorAll('.tag')];"
          + "   return texts.map(t => ({ dim: note.dataset.dim || '', tag: t.classList.contains('tag') ? t.className : '',"
          + "     ratio: Math.round(ratio(getComputedStyle(t).color, bg(t)) * 100) / 100,"
          + "     color: getComputedStyle(t).color, background: bg(t) })); }); }";

  @Test
  @DisplayName(
      "note text and tags on the projector reach 7:1 against their note in every lane and with every tag,"
          + " on the board and with a phase in focus; and the check fails a grey note")
  @SuppressWarnings("unchecked")
  void projectorNotesReachSevenToOne() {
    A11ySession session = A11ySession.shared("it");
    session.plain();
    try (BrowserContext context = screen(1920, 1080, ReducedMotion.NO_PREFERENCE)) {
      Page page = context.newPage();
      page.navigate(session.url("Affido", "projectorUrl"));
      assertThat(page.locator("#conn")).hasAttribute("data-state", "online");
      assertThat(page.locator("#grid .note").first()).isVisible();
      for (String view : List.of("board", "focus")) {
        if ("focus".equals(view)) {
          session.ack(session.main, "board.focus", new JsonObject().put("phase", "custody"));
          assertThat(page.locator("#focus-label")).not().isEmpty();
        }
        List<Map<String, Object>> notes =
            (List<Map<String, Object>>) page.evaluate(CONTRAST, "#grid .note");
        assertTrue(notes.size() > 60, view + ": the notes are measured: " + notes.size());
        for (String dim : List.of("actors", "issues", "resources", "participation", "extra")) {
          assertTrue(
              notes.stream().anyMatch(n -> dim.equals(n.get("dim"))), view + ": a note in " + dim);
        }
        for (String tag : List.of("tag-foster", "tag-facility")) {
          assertTrue(
              notes.stream().anyMatch(n -> String.valueOf(n.get("tag")).contains(tag)),
              view + ": a note tagged " + tag);
        }
        List<Map<String, Object>> faint =
            notes.stream().filter(n -> ((Number) n.get("ratio")).doubleValue() < 7).toList();
        assertEquals(List.of(), faint, view + ": text under 7:1");
      }
      session.plain();
      page.evaluate(
          "() => document.querySelector('#grid .note .note-text').style.color = '#8a8a90'");
      List<Map<String, Object>> grey =
          (List<Map<String, Object>>) page.evaluate(CONTRAST, "#grid .note");
      assertTrue(
          grey.stream().anyMatch(n -> ((Number) n.get("ratio")).doubleValue() < 7),
          "a grey note fails the check");
    }
  }

  @Test
  @DisplayName(
      "each dimension keeps its shape (● ▲ ■ ◆) beside its name on the projector, the moderator page and"
          + " the plenary, and the improvements lane its own")
  void lanesKeepTheirShapes() {
    A11ySession session = A11ySession.shared("en");
    session.plain();
    try (BrowserContext context = screen(1920, 1080, ReducedMotion.NO_PREFERENCE)) {
      Page page = context.newPage();
      for (String url :
          List.of(
              session.url("Affido", "projectorUrl"),
              session.url("Affido", "moderatorUrl"),
              session.api.base()
                  + "/w/"
                  + session.workshop.id()
                  + "/plenary?k="
                  + session.workshop.organiserKey())) {
        page.navigate(url);
        assertThat(page.locator(".col-head .mark").first()).isVisible();
        List<String> marks =
            page.locator(".grid").first().locator(".col-head .mark").allTextContents();
        assertEquals(List.of("●", "▲", "■", "◆"), marks.subList(0, 4), url);
        assertEquals(5, marks.size(), url);
        assertTrue(!marks.get(4).isBlank() && !marks.subList(0, 4).contains(marks.get(4)), url);
        List<String> heads = page.locator(".grid").first().locator(".col-head").allTextContents();
        assertTrue(heads.get(0).contains("Actors"), heads.toString());
      }
    }
  }
}
