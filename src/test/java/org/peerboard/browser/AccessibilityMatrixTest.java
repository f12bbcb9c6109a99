package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerboard.support.TestApp;

/**
 * axe-core with every rule it has (experimental ones included, none disabled) on every page and
 * state of a workshop day ({@link A11yStates}), at a phone's, a laptop's and a projector's size, in
 * Italian and in English, on one server and one browser; each violation is reported with its page,
 * state, size and language. Every page also links the accessibility statement from its footer. With
 * {@code -Da11y.screenshots=true} it keeps a screenshot of each state in target/screenshots.
 */
@DisplayName("Accessibility on every page and state")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityMatrixTest {
  @BeforeAll
  void build() {
    TestApp.shared();
  }

  static Stream<Arguments> sizes() {
    List<Arguments> all = new ArrayList<>();
    for (String lang : List.of("it", "en")) {
      for (int[] size :
          List.of(new int[] {360, 640}, new int[] {1366, 768}, new int[] {1920, 1080})) {
        // -Da11y.only=it-1366 runs one language at one size, as one does while fixing
        String only = System.getProperty("a11y.only", "");
        if (only.isEmpty() || only.equals(lang + "-" + size[0])) {
          all.add(Arguments.of(lang, size[0], size[1]));
        }
      }
    }
    return all.stream();
  }

  static BrowserContext context(String lang, int width, int height) {
    return Browsers.chromium()
        .newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setIsMobile(width < 600)
                .setHasTouch(width < 600)
                .setLocale("it".equals(lang) ? "it-IT" : "en-GB"));
  }

  @ParameterizedTest(name = "{0} at {1}x{2}")
  @MethodSource("sizes")
  @DisplayName("axe finds no violation of any impact, and the footer links the statement")
  void noViolation(String lang, int width, int height) {
    A11ySession session = A11ySession.shared(lang);
    List<String> found = new ArrayList<>();
    boolean screenshots = Boolean.getBoolean("a11y.screenshots");
    try (BrowserContext context = context(lang, width, height)) {
      session.enter(context);
      Page page = context.newPage();
      List<String> errors = new ArrayList<>();
      page.onPageError(error -> errors.add(error));
      for (A11yStates.State state : A11yStates.all(session, context)) {
        String where = "[" + lang + " " + width + "x" + height + "] " + state.name() + ": ";
        state.open().accept(page);
        for (String violation : Axe.violationsOfEveryRule(page, state.changed())) {
          found.add(where + violation);
          System.out.println("A11Y " + where + violation);
        }
        if (page.locator("footer a[href^='/accessibility']").count() != 1) {
          found.add(where + "no link to the accessibility statement in the footer");
        } else {
          String href = page.locator("footer a[href^='/accessibility']").getAttribute("href");
          int status = page.request().get(session.api.base() + href).status();
          if (status != 200) {
            found.add(where + "the footer's link " + href + " answers " + status);
          }
        }
        if (screenshots) {
          Browsers.screenshot(
              page,
              "a11y-" + lang + "-" + width + "-" + state.name().replaceAll("[^A-Za-z0-9]+", "-"));
        }
      }
      assertEquals(List.of(), errors, "no script error on any page");
    }
    assertEquals("", String.join("\n", found), found.size() + " violations");
  }
}
