package org.peerboard.pages;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.peerboard.http.Languages;

/**
 * {@code GET /accessibility}: the accessibility statement every page's footer links to, rendered
 * from the same {@code docs/accessibility.md} (English) and {@code docs/accessibility.it.md}
 * (Italian) that the repository holds, so the page and the document cannot drift apart. The build
 * copies both onto the classpath; they are read and rendered once.
 */
public final class StatementPage {
  private static final Map<String, String> HTML =
      Map.of(
          "en", Markdown.toHtml(read("docs/accessibility.md")),
          "it", Markdown.toHtml(read("docs/accessibility.it.md")));

  private final Pages pages;

  public StatementPage(Pages pages) {
    this.pages = pages;
  }

  public void mount(Router router) {
    router.get("/accessibility").handler(this::page);
  }

  private void page(RoutingContext ctx) {
    String lang = Languages.of(ctx);
    Map<String, Object> state = new HashMap<>();
    state.put("html", HTML.get(lang));
    pages.document(ctx, "statement", lang, state).onFailure(ctx::fail);
  }

  private static String read(String resource) {
    try (InputStream in = StatementPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
