package org.peerboard.browser;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Margin;
import com.microsoft.playwright.options.Media;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.peerboard.export.ResearchSession;
import org.peerboard.support.TestApp;

@DisplayName(
    "The report printed to PDF and the comparison on a laptop, with a real workshop's load")
class ReportPrintTest {
  private static ResearchSession session;

  @BeforeAll
  static void build() {
    session = new ResearchSession();
  }

  private static Page open(BrowserContext context, String path) {
    Page page = context.newPage();
    page.navigate(TestApp.api().base() + path + "?k=" + session.organiserKey());
    page.waitForLoadState();
    return page;
  }

  @Test
  @DisplayName(
      "the Italian report prints to A4 with its votes, matrix and comments, and passes axe")
  void reportToPdf() throws Exception {
    try (BrowserContext context =
        Browsers.chromium()
            .newContext(
                new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("it-IT"))) {
      Page page = open(context, "/w/" + session.id() + "/report");
      assertTrue(page.title().contains("Report"));
      assertTrue(
          page.locator(".vote-round h3")
              .first()
              .textContent()
              .contains("Votazione 1: valutazione"));
      Axe.assertNoSeriousViolations(page);
      Path pdf = Browsers.SCREENSHOTS.resolve("report-it.pdf");
      Files.createDirectories(pdf.getParent());
      page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
      page.pdf(
          new Page.PdfOptions()
              .setPath(pdf)
              .setFormat("A4")
              .setPrintBackground(true)
              .setMargin(new Margin().setTop("0").setBottom("0").setLeft("0").setRight("0")));
      assertTrue(Files.size(pdf) > 10_000, "a PDF was written");
      page.setViewportSize(1366, 768);
      page.locator(".vote-matrix").first().scrollIntoViewIfNeeded();
      Browsers.screenshot(page, "report-votes-1366");
      assertFalse(page.content().contains(ResearchSession.HIDDEN));
    }
  }

  @Test
  @DisplayName(
      "the comparison at 1366x768 and 1920x1080 shows both groups' heat maps and passes axe")
  void compare() {
    for (int[] size : new int[][] {{1366, 768}, {1920, 1080}, {360, 640}}) {
      try (BrowserContext context =
          Browsers.chromium()
              .newContext(
                  new Browser.NewContextOptions()
                      .setViewportSize(size[0], size[1])
                      .setLocale("it-IT"))) {
        Page page = open(context, "/w/" + session.id() + "/compare");
        assertTrue(page.locator(".heatmap").count() >= 2);
        Axe.assertNoSeriousViolations(page);
        Browsers.screenshot(page, "compare-" + size[0]);
      }
    }
  }
}
