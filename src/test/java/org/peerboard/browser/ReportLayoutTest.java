package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Margin;
import com.microsoft.playwright.options.Media;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.export.ResearchSession;
import org.peerboard.support.Api;
import org.peerboard.support.TestApp;

/**
 * The report and the comparison as a researcher prints and reads them (issue 21): the participation
 * table inside the A4 content width, no heading left alone at the foot of a page, and groups and
 * territories side by side on a wide screen with their vote results and foster / facility split.
 */
@DisplayName("Report and comparison: A4 width, headings kept with their content, maps side by side")
class ReportLayoutTest {
  /** A4 (210 mm) less the report's 15 mm margins, in CSS pixels (96 per inch). */
  static final double A4_CONTENT = 180 / 25.4 * 96;

  private static ResearchSession prato;
  private static ResearchSession firenze;
  private static String studyId;
  private static String studyKey;

  @BeforeAll
  static void build() {
    prato = new ResearchSession();
    firenze = new ResearchSession();
    JsonArray members =
        new JsonArray()
            .add(new JsonObject().put("id", prato.id()).put("organiserKey", prato.organiserKey()))
            .add(
                new JsonObject()
                    .put("id", firenze.id())
                    .put("organiserKey", firenze.organiserKey()));
    Api.Response created =
        TestApp.api()
            .post(
                "/api/studies", new JsonObject().put("name", "Toscana").put("workshops", members));
    assertEquals(201, created.status(), created.body());
    studyId = created.json().getString("id");
    studyKey = created.json().getString("studyKey");
  }

  private static Page open(BrowserContext context, String path, String key) {
    Page page = context.newPage();
    page.navigate(TestApp.api().base() + path + "?k=" + key);
    page.waitForLoadState();
    return page;
  }

  private static BrowserContext context(int width, int height) {
    return Browsers.chromium()
        .newContext(
            new Browser.NewContextOptions().setViewportSize(width, height).setLocale("it-IT"));
  }

  /** How far the widest element of {@code selector} reaches past the page's content box. */
  private static double overflow(Page page, String selector) {
    return ((Number)
            page.evaluate(
                "s => Math.max(...[...document.querySelectorAll(s)].map(e =>"
                    + " e.getBoundingClientRect().right)) - document.documentElement.clientWidth",
                selector))
        .doubleValue();
  }

  @Test
  @DisplayName(
      "printed on A4, the participation table and every table of the report fit the content width; headings keep with what follows")
  void reportOnA4() throws Exception {
    try (BrowserContext context = context((int) Math.floor(A4_CONTENT), 1000)) {
      Page page = open(context, "/w/" + prato.id() + "/report", prato.organiserKey());
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
      assertTrue(
          overflow(page, ".participation-table") <= 0.5,
          "the participation table reaches past the A4 content width by "
              + overflow(page, ".participation-table")
              + " px");
      assertTrue(overflow(page, "main table") <= 0.5, "every table fits");
      assertEquals(
          0L,
          ((Number)
                  page.evaluate(
                      "() => [...document.querySelectorAll('h2, h3')].filter(h =>"
                          + " getComputedStyle(h).breakAfter !== 'avoid-page').length"))
              .longValue(),
          "every heading avoids a page break after it");
      page.locator(".participation")
          .screenshot(
              new com.microsoft.playwright.Locator.ScreenshotOptions()
                  .setPath(Browsers.SCREENSHOTS.resolve("report-a4-participation.png")));
      Path pdf = Browsers.SCREENSHOTS.resolve("report-a4-it.pdf");
      Files.createDirectories(pdf.getParent());
      page.pdf(
          new Page.PdfOptions()
              .setPath(pdf)
              .setFormat("A4")
              .setPrintBackground(true)
              .setMargin(new Margin().setTop("0").setBottom("0").setLeft("0").setRight("0")));
      assertTrue(Files.size(pdf) > 10_000);
    }
  }

  @Test
  @DisplayName(
      "the comparison printed on A4: maps and tables inside the content width, the themes heading kept with its table")
  void compareOnA4() throws Exception {
    try (BrowserContext context = context((int) Math.floor(A4_CONTENT), 1000)) {
      Page page = open(context, "/w/" + prato.id() + "/compare", prato.organiserKey());
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
      assertTrue(overflow(page, ".heatmap") <= 0.5, "maps fit: " + overflow(page, ".heatmap"));
      assertEquals(
          "avoid-page",
          page.evaluate("() => getComputedStyle(document.getElementById('clusters')).breakAfter"));
      page.locator("#clusters")
          .screenshot(
              new com.microsoft.playwright.Locator.ScreenshotOptions()
                  .setPath(Browsers.SCREENSHOTS.resolve("compare-a4-clusters.png")));
      Path pdf = Browsers.SCREENSHOTS.resolve("compare-a4-it.pdf");
      page.pdf(new Page.PdfOptions().setPath(pdf).setFormat("A4").setPrintBackground(true));
      assertTrue(Files.size(pdf) > 10_000);
    }
  }

  @Test
  @DisplayName(
      "on a wide screen the groups' maps stand side by side with their vote results and tag split; the study puts the territories in columns")
  void sideBySide() {
    for (int[] size : new int[][] {{2200, 1200}, {1920, 1080}, {1366, 768}}) {
      try (BrowserContext context = context(size[0], size[1])) {
        Page page = open(context, "/w/" + prato.id() + "/compare", prato.organiserKey());
        List<?> tops =
            (List<?>)
                page.evaluate(
                    "() => [...document.querySelectorAll('.heatmap')].map(f =>"
                        + " Math.round(f.getBoundingClientRect().top))");
        assertEquals(2, tops.size());
        assertEquals(tops.get(0), tops.get(1), "two groups in one row at " + size[0] + " px");
        assertTrue(page.locator(".compare-results li").count() >= 4, "each group's results");
        assertTrue(
            page.locator(".tag-split").first().textContent().contains("Famiglia affidataria"));
        Axe.assertNoSeriousViolations(page);
        Browsers.screenshot(page, "compare-wide-" + size[0]);
        page.locator(".compare-round").first().scrollIntoViewIfNeeded();
        Browsers.screenshot(page, "compare-votes-" + size[0]);
        Page study = open(context, "/s/" + studyId, studyKey);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> boxes =
            (List<Map<String, Object>>)
                study.evaluate(
                    "() => [...document.querySelectorAll('.maps')][0].querySelectorAll('.heatmap')"
                        + ".length ? [...[...document.querySelectorAll('.maps')][0]"
                        + ".querySelectorAll('.heatmap')].map(f => ({top:"
                        + " Math.round(f.getBoundingClientRect().top), left:"
                        + " Math.round(f.getBoundingClientRect().left)})) : []");
        assertEquals(2, boxes.size(), "two territories");
        assertEquals(boxes.get(0).get("top"), boxes.get(1).get("top"), "territories in columns");
        assertTrue(study.locator(".compare-results li").count() >= 8, "every group's results");
        assertTrue(study.locator("a[href*='export.qdpx']").count() == 1, "the study's .qdpx");
        assertTrue(study.locator("a[href*='votes.csv']").count() == 1);
        assertTrue(study.locator("a[href*='history.csv']").count() == 1);
        Axe.assertNoSeriousViolations(study);
        Browsers.screenshot(study, "study-wide-" + size[0]);
      }
    }
    try (BrowserContext phone = context(360, 640)) {
      Page page = open(phone, "/s/" + studyId, studyKey);
      assertTrue(
          (Boolean)
              page.evaluate(
                  "() => document.documentElement.scrollWidth <="
                      + " document.documentElement.clientWidth"),
          "no sideways scrolling of the page on a phone");
      Axe.assertNoSeriousViolations(page);
      Browsers.screenshot(page, "study-360");
    }
  }
}
