package org.peerboard.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * One real Chromium for the browser tests: Debian's {@code /usr/bin/chromium}, driven by
 * Playwright. A missing browser fails the tests with a clear message; they are never skipped.
 */
final class Browsers {
  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private static Playwright playwright;
  private static Browser browser;

  private Browsers() {}

  static synchronized Browser chromium() {
    if (browser == null) {
      if (!Files.isExecutable(CHROMIUM)) {
        throw new AssertionError(
            "The browser tests need Chromium at "
                + CHROMIUM
                + "; install it with `apt-get install chromium`.");
      }
      // CI runs the whole suite on two shared cores: a reconnect or a refit can take longer than
      // Playwright's 5 s default there, without anything being wrong.
      PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
      playwright =
          Playwright.create(
              new Playwright.CreateOptions()
                  .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(CHROMIUM)
                      .setArgs(
                          List.of(
                              "--no-sandbox",
                              "--disable-gpu",
                              "--disable-background-networking",
                              "--disable-component-update",
                              "--disable-sync",
                              "--no-first-run")));
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    browser.close();
                    playwright.close();
                  }));
    }
    return browser;
  }

  /** A fresh phone: 360x640, touch, its own storage. */
  static BrowserContext phone() {
    return chromium()
        .newContext(
            new Browser.NewContextOptions()
                .setViewportSize(360, 640)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("en-GB"));
  }

  /** A fresh 1920x1080 screen, as a projector or a moderator's laptop. */
  static BrowserContext screen() {
    return chromium()
        .newContext(new Browser.NewContextOptions().setViewportSize(1920, 1080).setLocale("en-GB"));
  }

  static void screenshot(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
  }
}
