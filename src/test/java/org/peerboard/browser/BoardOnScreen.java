package org.peerboard.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a person at the back of the room can read: notes whole, in view, uncovered, large enough.
 */
final class BoardOnScreen {
  private BoardOnScreen() {}

  /** A fresh screen of the given size. */
  static BrowserContext screen(int width, int height) {
    return Browsers.chromium()
        .newContext(
            new Browser.NewContextOptions().setViewportSize(width, height).setLocale("it-IT"));
  }

  /** What the check found: the notes it looked at (their ids), and every problem, in words. */
  record Reading(List<String> ids, List<String> problems, double smallest) {}

  private static final String CHECK =
      """
      ([selector, min]) => {
        const problems = [];
        const ids = [];
        let smallest = Infinity;
        const inside = (r, box) => r.left >= box.left - 0.5 && r.top >= box.top - 0.5
          && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
        const view = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
        for (const note of document.querySelectorAll(selector)) {
          if (!note.getClientRects().length) continue;
          const id = note.dataset.noteId ?? note.dataset.clusterId;
          ids.push(id);
          const text = note.querySelector('.note-text') ?? note;
          const name = `${id} «${text.textContent.slice(0, 30)}»`;
          for (const part of [note, text, ...note.querySelectorAll('.tag')]) {
            const r = part.getBoundingClientRect();
            if (!inside(r, view)) problems.push(`${name} is outside the screen`);
            for (let a = note.parentElement; a && a !== document.documentElement; a = a.parentElement) {
              const s = getComputedStyle(a);
              if ((s.overflowX !== 'visible' || s.overflowY !== 'visible') && !inside(r, a.getBoundingClientRect())) {
                problems.push(`${name} is cut by ${a.tagName}.${a.className}`);
              }
            }
          }
          const r = note.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          if (!hit || !(hit === note || note.contains(hit))) problems.push(`${name} is covered by ${hit?.className}`);
          const shown = [...note.querySelectorAll('.tag')].map((tag) => (parseFloat(getComputedStyle(tag).fontSize)
            ? getComputedStyle(tag) : getComputedStyle(tag, '::before')));
          for (const style of [getComputedStyle(text), ...shown]) {
            const size = parseFloat(style.fontSize);
            smallest = Math.min(smallest, size);
            if (size < min) problems.push(`${name} has ${size}px text`);
          }
        }
        return { ids, problems: [...new Set(problems)].slice(0, 8), smallest: ids.length ? smallest : 0 };
      }""";

  /**
   * Checks every shown note (or cluster stack) that matches the selector; text under minPx is a
   * problem.
   */
  @SuppressWarnings("unchecked")
  static Reading read(Page page, String selector, int minPx) {
    Map<String, Object> result =
        (Map<String, Object>) page.evaluate(CHECK, List.of(selector, minPx));
    return new Reading(
        new ArrayList<>((List<String>) result.get("ids")),
        new ArrayList<>((List<String>) result.get("problems")),
        ((Number) result.get("smallest")).doubleValue());
  }

  /**
   * Why the page scrolls, in words ("" when it does not): the scrolling element's size beyond the
   * window, and the elements that reach past it.
   */
  static String overflow(Page page) {
    return (String)
        page.evaluate(
            """
            () => {
              const doc = document.scrollingElement;
              if (doc.scrollHeight <= innerHeight && doc.scrollWidth <= innerWidth) return '';
              const out = [...document.body.querySelectorAll('*')].filter((el) => {
                const r = el.getBoundingClientRect();
                const spills = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible';
                return el.getClientRects().length
                  && (spills || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5);
              }).slice(0, 5).map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className}`);
              return `page is ${doc.scrollWidth}x${doc.scrollHeight} in ${innerWidth}x${innerHeight}: ${out.join(', ')}`;
            }""");
  }

  /** In words: what on the page says null, undefined, NaN or a raw message key. */
  private static final String RAW_WORDS =
      """
      () => {
        const text = document.body.innerText;
        const empty = text.match(/(?:^|[^A-Za-zÀ-ÿ])((?:null|undefined|NaN)+)(?![a-zà-ÿ])/g) || [];
        const keys = text.match(/(?:^|\\s)[a-z]+\\.[a-z][A-Za-z]*(?:\\.[A-Za-z]+)*(?=\\s|$)/g) || [];
        return [...empty, ...keys].map((w) => w.trim());
      }""";

  /**
   * What the page shows that reads "null", "undefined", "NaN" or a raw message key (empty: none).
   */
  @SuppressWarnings("unchecked")
  static List<String> rawWords(Page page) {
    return (List<String>) page.evaluate(RAW_WORDS);
  }
}
