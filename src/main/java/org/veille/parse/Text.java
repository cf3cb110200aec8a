package org.veille.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/** Turns feed and page markup into plain text or sanitized HTML. */
final class Text {
  private static final Safelist CONTENT =
      Safelist.relaxed().removeTags("img").addProtocols("a", "href", "http", "https", "mailto");
  private static final Document.OutputSettings COMPACT =
      new Document.OutputSettings().prettyPrint(false);

  private Text() {}

  /** Entities decoded, tags stripped, whitespace folded; never null. */
  static String plain(String markup) {
    if (markup == null || markup.isBlank()) {
      return "";
    }
    String text =
        markup.indexOf('<') < 0 && markup.indexOf('&') < 0
            ? markup
            : Jsoup.parseBodyFragment(markup).text();
    return fold(text);
  }

  /** Collapses every run of whitespace (including no-break spaces) to one space, trimmed. */
  static String fold(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)
          || c == '\u00a0'
          || c == '\u202f'
          || Character.isISOControl(c)) {
        space = sb.length() > 0;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** HTML reduced to an allow-list (no script, style, event handler or image), links absolute. */
  static String sanitized(String html, String baseUri) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return Jsoup.clean(html, baseUri, CONTENT, COMPACT).trim();
  }

  /** The first {@code max} characters of {@code text}, cut at a word boundary. */
  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max);
    return (cut > max / 2 ? text.substring(0, cut) : text.substring(0, max)) + "…";
  }
}
