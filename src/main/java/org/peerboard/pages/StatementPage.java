package org.peerboard.pages;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.peerboard.http.Languages;

/**
 * {@code GET /accessibility}: the accessibility statement every page's footer links to, rendered
 * from the same {@code docs/accessibility.md} (English) and {@code docs/accessibility.it.md}
 * (Italian) that the repository holds, so the page and the document cannot drift apart. The build
 * copies both onto the classpath; they are read and rendered once.
 */
public final class StatementPage {
  /** The address the statements name until an operator sets theirs. */
  public static final String PLACEHOLDER = "accessibility@example.org";

  /**
   * The sentence after it that says it is a placeholder, in either language (no asterisk inside).
   */
  private static final Pattern PLACEHOLDER_NOTE =
      Pattern.compile("\\s*\\*(?:This is a placeholder|Questo indirizzo è un segnaposto)[^*]*\\*");

  private final Pages pages;
  private final Map<String, String> html;

  /**
   * {@code contact}: the operator's address ({@code PEERBOARD_ACCESSIBILITY_CONTACT}, checked by
   * {@code Config}), shown in place of the placeholder; none keeps the placeholder.
   */
  public StatementPage(Pages pages, Optional<String> contact) {
    this.pages = pages;
    this.html =
        Map.of(
            "en", Markdown.toHtml(withContact(read("docs/accessibility.md"), contact)),
            "it", Markdown.toHtml(withContact(read("docs/accessibility.it.md"), contact)));
  }

  /**
   * The statement's Markdown naming {@code contact} (a mail link for an address, a link for a web
   * page) instead of the placeholder, without the sentence that calls it one.
   */
  static String withContact(String markdown, Optional<String> contact) {
    if (contact.isEmpty()) {
      return markdown;
    }
    String c = contact.get();
    String link = "[" + c + "](" + (c.startsWith("http") ? c : "mailto:" + c) + ")";
    return PLACEHOLDER_NOTE
        .matcher(markdown.replace("**" + PLACEHOLDER + "**", "**" + link + "**"))
        .replaceAll("");
  }

  public void mount(Router router) {
    router.get("/accessibility").handler(this::page);
  }

  private void page(RoutingContext ctx) {
    String lang = Languages.of(ctx);
    Map<String, Object> state = new HashMap<>();
    state.put("html", html.get(lang));
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
