package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs axe on a page and fails on any serious or critical violation (or on any violation at all),
 * naming each with its elements.
 */
final class Axe {
  private Axe() {}

  static void assertNoSeriousViolations(Page page) {
    assertNone(page, "serious or critical", List.of("serious", "critical"));
  }

  private static void assertNone(Page page, String which, List<String> impacts) {
    AxeResults results = new AxeBuilder(page).analyze();
    List<Rule> serious =
        results.getViolations().stream()
            .filter(rule -> impacts.contains(rule.getImpact()))
            .toList();
    String report = serious.stream().map(Axe::line).collect(Collectors.joining("\n"));
    assertEquals("", report, "axe found " + which + " violations on " + page.url());
  }

  /** Fails on any violation at all, whatever its impact, naming each with its elements. */
  static void assertNoViolations(Page page) {
    AxeResults results = new AxeBuilder(page).analyze();
    String report =
        results.getViolations().stream().map(Axe::line).collect(Collectors.joining("\n"));
    assertEquals("", report, "axe found violations on " + page.url());
  }

  // --- every rule (issue 26)

  private static List<String> everyRule;

  /**
   * Every rule this axe-core has, the experimental ones (such as {@code
   * label-content-name-mismatch}) included: what "the rule set in full, no rule disabled" means.
   */
  static synchronized List<String> everyRule(Page page) {
    if (everyRule == null) {
      page.evaluate(AxeBuilder.getAxeScript());
      @SuppressWarnings("unchecked")
      List<String> ids = (List<String>) page.evaluate("() => axe.getRules().map(r => r.ruleId)");
      everyRule = List.copyOf(ids);
    }
    return everyRule;
  }

  /** The axe-core version that runs in these tests (the statement names it). */
  static String version(Page page) {
    page.evaluate(AxeBuilder.getAxeScript());
    return String.valueOf(page.evaluate("() => axe.version"));
  }

  /**
   * Every violation of every rule on the page (or in the parts {@code only} selects), whatever its
   * impact, one line each: rule, impact, what it asks and where (the first five elements).
   */
  static List<String> violationsOfEveryRule(Page page, List<String> only) {
    AxeBuilder builder = new AxeBuilder(page).withRules(everyRule(page));
    only.forEach(builder::include);
    AxeResults results = builder.analyze();
    return results.getViolations().stream().map(Axe::line).toList();
  }

  /** One violation in one line: rule, impact, what it asks and where (the first five elements). */
  private static String line(Rule rule) {
    return rule.getId()
        + " ("
        + rule.getImpact()
        + "): "
        + rule.getHelp()
        + " at "
        + rule.getNodes().stream()
            .limit(5)
            .map(node -> String.valueOf(node.getTarget()))
            .collect(Collectors.joining(", "));
  }
}
