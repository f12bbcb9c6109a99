package org.peerboard.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Our documents' Markdown as HTML")
class MarkdownTest {
  @Test
  @DisplayName("headings, paragraphs joined from their lines, lists with continued items")
  void blocks() {
    assertEquals(
        "<h1>Title</h1>\n<p>One line and the next.</p>\n<ul>\n<li>first item, continued</li>\n"
            + "<li>second</li>\n</ul>\n<h2>Part</h2>\n<ol>\n<li>one</li>\n</ol>\n",
        Markdown.toHtml(
            "# Title\n\nOne line\nand the next.\n\n- first item,\n  continued\n- second\n\n## Part\n1. one\n"));
  }

  @Test
  @DisplayName("code, strong and links to http(s), mailto and our own paths")
  void inline() {
    assertEquals(
        "<p><code>pom.xml</code> <strong>AA</strong> <em>gaps</em> <a href=\"mailto:a@example.org\">write</a>"
            + " <a href=\"/accessibility?lang=it&amp;x=1\">it</a></p>\n",
        Markdown.toHtml(
            "`pom.xml` **AA** *gaps* [write](mailto:a@example.org) [it](/accessibility?lang=it&x=1)"));
  }

  @Test
  @DisplayName("markup in the text stays text, and a javascript: link is not a link")
  void escapes() {
    assertEquals(
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) &quot;q&quot;</p>\n",
        Markdown.toHtml("<script>alert(1)</script> [x](javascript:alert(1)) \"q\""));
  }
}
