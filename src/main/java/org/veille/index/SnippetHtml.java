package org.veille.index;

/**
 * The little HTML of a snippet: matches in {@code <b>…</b>}, text escaped by Lucene's passage
 * formatter or, for a snippet that is the start of the text, by {@link #escape}. Its own escaping
 * and unescaping, because a snippet holds no other markup or entity: a search that went through
 * jsoup's entity tables for it loaded them (about 50 ms of a one-shot {@code veille search}).
 */
public final class SnippetHtml {
  private SnippetHtml() {}

  /**
   * {@code text} with {@code & < > " '} and the no-break space escaped: what jsoup's {@code
   * Entities.escape} gave the start of a text before ({@code SnippetHtmlTest} compares the two).
   */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      String e = entity(text.charAt(i));
      if (e == null) {
        if (out != null) {
          out.append(text.charAt(i));
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      out.append(e);
    }
    return out == null ? text : out.toString();
  }

  /** The plain text of {@code html}: the match marks removed, its entities read back. */
  public static String text(String html) {
    return unescape(html.replace("<b>", "").replace("</b>", ""));
  }

  /**
   * {@code html} with the entities a snippet holds (those of the passage formatter and of {@link
   * #escape}) read back in one pass, left to right (so that {@code &amp;lt;} stays {@code &lt;});
   * any other entity is left as it is.
   */
  public static String unescape(String html) {
    int amp = html.indexOf('&');
    if (amp < 0) {
      return html;
    }
    StringBuilder out = new StringBuilder(html.length()).append(html, 0, amp);
    for (int i = amp; i < html.length(); ) {
      char c = html.charAt(i);
      if (c == '&') {
        int semi = html.indexOf(';', i);
        char read = semi < 0 || semi - i > 8 ? 0 : character(html.substring(i + 1, semi));
        if (read != 0) {
          out.append(read);
          i = semi + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String entity(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&apos;";
      case '\u00a0' -> "&nbsp;";
      default -> null;
    };
  }

  private static char character(String name) {
    return switch (name) {
      case "amp" -> '&';
      case "lt" -> '<';
      case "gt" -> '>';
      case "quot" -> '"';
      case "#x27", "#39", "apos" -> '\'';
      case "#x2F", "#x2f", "#47" -> '/';
      case "nbsp" -> '\u00a0';
      default -> 0;
    };
  }
}
