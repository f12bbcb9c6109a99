package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerboard.support.TestApp;

/**
 * WCAG 1.4.10 (reflow) and 1.4.4 (resize text): the phone pages at 320 CSS px, and every page at
 * 200 % zoom, never scroll sideways. 200 % zoom is emulated as the browser does it: the page gets
 * half the CSS pixels (683x384 of a 1366x768 laptop, 960x540 of a 1920x1080 screen) drawn at a
 * device scale factor of 2. (CSS {@code zoom} on the root would not do: media queries and {@code
 * vw} would still see the full width.) The one exception is the moderator's grid, wider than a
 * small screen: it scrolls inside its own region and keeps its headings in view.
 */
@DisplayName("Reflow and zoom")
class ReflowTest {
  @BeforeAll
  static void boot() {
    TestApp.shared();
  }

  static Stream<Arguments> sizes() {
    List<Arguments> all = new ArrayList<>();
    // -Da11y.only=it-683 runs one language at one size, as one does while fixing
    String only = System.getProperty("a11y.only", "");
    for (String lang : List.of("it", "en")) {
      for (Arguments size :
          List.of(
              Arguments.of(lang, 320, 640, true),
              Arguments.of(lang, 683, 384, false),
              Arguments.of(lang, 960, 540, false))) {
        if (only.isEmpty() || only.equals(lang + "-" + size.get()[1])) {
          all.add(size);
        }
      }
    }
    return all.stream();
  }

  static BrowserContext context(String lang, int width, int height, boolean phone) {
    return Browsers.chromium()
        .newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setDeviceScaleFactor(phone ? 1 : 2)
                .setIsMobile(phone)
                .setHasTouch(phone)
                .setLocale("it".equals(lang) ? "it-IT" : "en-GB"));
  }

  /**
   * Empty when the page does not scroll sideways; otherwise how far it reaches, and the outermost
   * elements that reach past the viewport outside any box that clips or scrolls them.
   */
  static String sideways(Page page) {
    return (String)
        page.evaluate(
            "() => { const root = document.scrollingElement;"
                + " if (root.scrollWidth <= root.clientWidth) return '';"
                + " const clipped = (el) => { for (let e = el.parentElement; e && e !== document.body; e = e.parentElement)"
                + "   if (getComputedStyle(e).overflowX !== 'visible') return true; return false; };"
                + " const past = (el) => el.getBoundingClientRect().right + window.scrollX > root.clientWidth + 0.5;"
                + " const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')"
                + "   + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');"
                + " const offenders = [...document.querySelectorAll('body *')].filter(el => past(el) && !clipped(el)"
                + "   && !(el.parentElement && el.parentElement !== document.body && past(el.parentElement)));"
                + " const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + " for (let n = walker.nextNode(); n; n = walker.nextNode()) { const range = document.createRange();"
                + "   range.selectNodeContents(n); const r = range.getBoundingClientRect();"
                + "   if (r.width && r.right + window.scrollX > root.clientWidth + 0.5 && !clipped(n.parentElement.firstChild === n ? n.parentElement : n.parentElement))"
                + "     offenders.push({ tagName: 'text', id: '', className: '\u201c' + n.textContent.trim().slice(0, 30) + '\u201d in ' + name(n.parentElement),"
                + "       getBoundingClientRect: () => r }); }"
                + " return 'scrollWidth ' + root.scrollWidth + ' > ' + root.clientWidth + ': '"
                + "   + offenders.slice(0, 4).map(el => name(el) + ' to ' + Math.round(el.getBoundingClientRect().right + window.scrollX)).join(', '); }");
  }

  @ParameterizedTest(name = "{0} at {1}x{2}")
  @MethodSource("sizes")
  @DisplayName("no page scrolls sideways (at 320 px the phone pages, at 200 % zoom every page)")
  void noSidewaysScrolling(String lang, int width, int height, boolean phoneOnly) {
    A11ySession session = A11ySession.shared(lang);
    List<String> found = new ArrayList<>();
    try (BrowserContext context = context(lang, width, height, phoneOnly)) {
      session.enter(context);
      Page page = context.newPage();
      for (A11yStates.State state : A11yStates.all(session, context)) {
        if (phoneOnly && !state.phone()) {
          continue;
        }
        state.open().accept(page);
        String wide = sideways(page);
        if (!wide.isEmpty()) {
          found.add("[" + lang + " " + width + "x" + height + "] " + state.name() + ": " + wide);
        }
      }
    }
    assertEquals("", String.join("\n", found));
  }

  @Test
  @DisplayName(
      "the moderator's grid at 200 % zoom of a projector-sized screen scrolls in its own region,"
          + " its dimension headings kept at the top and its phases at the left")
  void moderatorGridScrollsInItsRegion() {
    A11ySession session = A11ySession.shared("it");
    try (BrowserContext context = context("it", 960, 540, false)) {
      Page page = context.newPage();
      A11yStates.all(session, context).stream()
          .filter(state -> state.name().equals("moderator"))
          .forEach(state -> state.open().accept(page));
      assertEquals("", sideways(page), "the page itself does not scroll sideways");
      @SuppressWarnings("unchecked")
      Map<String, Object> region =
          (Map<String, Object>)
              page.evaluate(
                  "() => { const grid = document.querySelector('#grid');"
                      + " const box = grid.closest('.grid-region') || grid;"
                      + " const head = grid.querySelector('.col-head');"
                      + " const row = grid.querySelector('.row-head');"
                      + " const before = { head: head.getBoundingClientRect().top - box.getBoundingClientRect().top,"
                      + "   row: row.getBoundingClientRect().left - box.getBoundingClientRect().left };"
                      + " box.scrollTop = 400; box.scrollLeft = 300;"
                      + " const cell = grid.querySelector('.cell');"
                      + " return { wide: box.scrollWidth > box.clientWidth, tall: box.scrollHeight > box.clientHeight,"
                      + "   scrolledLeft: box.scrollLeft, scrolledTop: box.scrollTop,"
                      + "   headTop: Math.round(head.getBoundingClientRect().top - box.getBoundingClientRect().top),"
                      + "   headBefore: Math.round(before.head),"
                      + "   rowLeft: Math.round(row.getBoundingClientRect().left - box.getBoundingClientRect().left),"
                      + "   headStyle: getComputedStyle(head).position, rowStyle: getComputedStyle(row).position,"
                      + "   cellLeft: Math.round(cell.getBoundingClientRect().left - box.getBoundingClientRect().left) }; }");
      assertEquals(true, region.get("wide"), "the grid is wider than the screen here: " + region);
      assertTrue(
          ((Number) region.get("scrolledLeft")).intValue() > 0, "it scrolls sideways: " + region);
      assertTrue(((Number) region.get("scrolledTop")).intValue() > 0, "and down: " + region);
      assertEquals("sticky", region.get("headStyle"));
      assertEquals("sticky", region.get("rowStyle"));
      assertTrue(
          Math.abs(((Number) region.get("headTop")).intValue())
              <= 2 + ((Number) region.get("headBefore")).intValue(),
          "the dimension headings stay at the top of the region: " + region);
      assertTrue(
          Math.abs(((Number) region.get("rowLeft")).intValue()) <= 8,
          "the phase headings stay at its left: " + region);
      Browsers.screenshot(page, "reflow-moderator-960-scrolled");
    }
  }
}
