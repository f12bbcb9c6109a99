package org.peerboard.browser;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Whether a person sees an element: inside the window, not cut by a scrolling or clipping ancestor,
 * not covered by anything else at its centre and along its edges (elementFromPoint).
 */
final class InView {
  private InView() {}

  private static final String CHECK =
      """
      (selector) => {
        const el = [...document.querySelectorAll(selector)].find((e) => e.getClientRects().length);
        if (!el) return [`${selector} is not shown`];
        const problems = [];
        const r = el.getBoundingClientRect();
        const inside = (box) => r.left >= box.left - 0.5 && r.top >= box.top - 0.5
          && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
        if (!inside({ left: 0, top: 0, right: innerWidth, bottom: innerHeight })) {
          problems.push(`${selector} is outside the window: ${Math.round(r.top)}..${Math.round(r.bottom)}`);
        }
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
          const s = getComputedStyle(a);
          if ((s.overflowX !== 'visible' || s.overflowY !== 'visible') && !inside(a.getBoundingClientRect())) {
            problems.push(`${selector} is cut by ${a.tagName}#${a.id}.${a.className}`);
          }
        }
        // the centre and the middle of each edge, just inside (rounded corners belong to the parent)
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const points = [[cx, cy], [r.left + 3, cy], [r.right - 3, cy], [cx, r.top + 3], [cx, r.bottom - 3]];
        for (const [x, y] of points) {
          const hit = document.elementFromPoint(x, y);
          if (hit && !(hit === el || el.contains(hit))) {
            problems.push(`${selector} is covered at ${Math.round(x)},${Math.round(y)} by ${hit.tagName}#${hit.id}.${hit.className}`);
            break;
          }
        }
        return problems;
      }""";

  /**
   * What keeps a person from seeing the first shown element matching the selector; empty if
   * nothing.
   */
  @SuppressWarnings("unchecked")
  static List<String> problems(Page page, String selector) {
    return (List<String>) page.evaluate(CHECK, selector);
  }

  /** The computed font size of the first shown element matching the selector, in px. */
  static double fontSize(Page page, String selector) {
    return ((Number)
            page.evaluate(
                "(s) => parseFloat(getComputedStyle([...document.querySelectorAll(s)]"
                    + ".find((e) => e.getClientRects().length)).fontSize)",
                selector))
        .doubleValue();
  }
}
