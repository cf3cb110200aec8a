package org.veille.index;

/**
 * The little HTML of a snippet: text escaped as Lucene's passage formatter escapes it, matches in
 * {@code <b>…</b>}. Its own escaping and unescaping, because a snippet holds no other markup or
 * entity: a search that went through jsoup's entity tables for it loaded them (about 50 ms of a
 * one-shot {@code veille search}).
 */
public final class SnippetHtml {
  private SnippetHtml() {}

  /** {@code text} with {@code & < > " ' /} escaped, as the passage formatter escapes matches. */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      String e = entity(text.charAt(i));
      if (e != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (e != null) {
          out.append(e);
        } else {
          out.append(text.charAt(i));
        }
      }
    }
    return out == null ? text : out.toString();
  }

  /** The plain text of {@code html}: the match marks removed, its entities read back. */
  public static String text(String html) {
    return unescape(html.replace("<b>", "").replace("</b>", ""));
  }

  /**
   * {@code html} with the entities a snippet holds read back in one pass, left to right (so that
   * {@code &amp;lt;} stays {@code &lt;}); any other entity is left as it is.
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
      case '\'' -> "&#x27;";
      case '/' -> "&#x2F;";
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
