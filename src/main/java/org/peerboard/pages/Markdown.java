package org.peerboard.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little Markdown our own documents use, as HTML: headings, paragraphs, bulleted and numbered
 * lists (a line indented under an item continues it), {@code `code`}, {@code **strong**}, {@code
 * *emphasis*} and links to http(s), mailto or our own paths. Every character of the text is escaped
 * first, so the output holds no markup the document did not ask for; anything else is shown as the
 * text it is.
 */
public final class Markdown {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
  private static final Pattern BULLET = Pattern.compile("^[-*]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\d+\\.\\s+(.*)$");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern STRONG = Pattern.compile("\\*\\*([^*]+)\\*\\*");
  private static final Pattern EMPHASIS = Pattern.compile("\\*([^*\\s][^*]*)\\*");
  private static final Pattern LINK =
      Pattern.compile("\\[([^\\]]+)\\]\\(((?:https?://|mailto:|/|#)[^)\\s\"'<>]*)\\)");

  private Markdown() {}

  /** The document as HTML, ready to go inside a page's {@code <main>}. */
  public static String toHtml(String markdown) {
    StringBuilder html = new StringBuilder();
    List<String> paragraph = new ArrayList<>();
    String list = null;
    StringBuilder item = null;
    for (String raw : markdown.replace("\r", "").split("\n", -1)) {
      String line = raw.strip();
      Matcher heading = HEADING.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      Matcher numbered = NUMBERED.matcher(line);
      boolean indented = raw.startsWith("  ") && !line.isEmpty();
      if (item != null && indented && !bullet.matches() && !numbered.matches()) {
        item.append(' ').append(line);
        continue;
      }
      if (item != null) {
        html.append("<li>").append(inline(item.toString())).append("</li>\n");
        item = null;
      }
      String kind = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
      if (list != null && !list.equals(kind)) {
        html.append("</").append(list).append(">\n");
        list = null;
      }
      if (line.isEmpty() || heading.matches() || kind != null) {
        paragraph(html, paragraph);
      }
      if (heading.matches()) {
        int level = heading.group(1).length();
        html.append("<h")
            .append(level)
            .append('>')
            .append(inline(heading.group(2)))
            .append("</h")
            .append(level)
            .append(">\n");
      } else if (kind != null) {
        if (list == null) {
          html.append('<').append(kind).append(">\n");
          list = kind;
        }
        item = new StringBuilder((kind.equals("ul") ? bullet : numbered).group(1));
      } else if (!line.isEmpty()) {
        paragraph.add(line);
      }
    }
    if (item != null) {
      html.append("<li>").append(inline(item.toString())).append("</li>\n");
    }
    if (list != null) {
      html.append("</").append(list).append(">\n");
    }
    paragraph(html, paragraph);
    return html.toString();
  }

  private static void paragraph(StringBuilder html, List<String> lines) {
    if (!lines.isEmpty()) {
      html.append("<p>").append(inline(String.join(" ", lines))).append("</p>\n");
      lines.clear();
    }
  }

  private static String inline(String text) {
    String html = escape(text);
    html = CODE.matcher(html).replaceAll("<code>$1</code>");
    html = STRONG.matcher(html).replaceAll("<strong>$1</strong>");
    html = EMPHASIS.matcher(html).replaceAll("<em>$1</em>");
    return LINK.matcher(html).replaceAll("<a href=\"$2\">$1</a>");
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
