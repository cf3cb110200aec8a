package org.veille.parse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/** Turns feed and page markup into plain text or sanitized HTML. */
final class Text {
  /**
   * The relaxed safelist without images, its link protocols left to {@link Links}: the same rules,
   * one resolution per link instead of two.
   */
  private static final Safelist CONTENT =
      Safelist.relaxed()
          .removeTags("img")
          .removeProtocols("a", "href", "ftp", "http", "https", "mailto")
          .removeProtocols("blockquote", "cite", "http", "https")
          .removeProtocols("q", "cite", "http", "https")
          .preserveRelativeLinks(true);

  private static final Document.OutputSettings COMPACT =
      new Document.OutputSettings().prettyPrint(false);

  private Text() {}

  /** Entities decoded, tags stripped, whitespace folded, unsafe characters removed; never null. */
  static String plain(String markup) {
    if (markup == null || markup.isBlank()) {
      return "";
    }
    String text = isMarkup(markup) ? Jsoup.parseBodyFragment(markup).text() : markup;
    return fold(safe(text));
  }

  private static boolean isMarkup(String s) {
    return s.indexOf('<') >= 0 || s.indexOf('&') >= 0;
  }

  /**
   * {@link #plain} and {@link #sanitized} over one parse: the last fragment made plain is kept, and
   * sanitizing the same markup next reuses its document instead of parsing it again (a feed's
   * description gives both its plain text and its HTML). One per assembly; not thread-safe.
   */
  static final class Fragments {
    private String markup;
    private Document doc;

    String plain(String markup) {
      if (markup == null || markup.isBlank()) {
        return "";
      }
      if (!isMarkup(markup)) {
        return fold(safe(markup));
      }
      this.markup = markup;
      this.doc = Jsoup.parseBodyFragment(markup);
      return fold(safe(doc.text()));
    }

    String sanitized(String html, String baseUri) {
      if (html == null || html.isBlank()) {
        return "";
      }
      String s = safe(html);
      if (!s.equals(markup)) {
        return clean(Jsoup.parseBodyFragment(s, baseUri));
      }
      // the Cleaner only reads the dirty document, and its text does not depend on the base
      doc.setBaseUri(baseUri);
      return clean(doc);
    }
  }

  /**
   * Text without the characters that must not travel on from a feed: those XML forbids (controls,
   * U+FFFE, U+FFFF, lone surrogates) and the bidi overrides and isolates (U+202A–U+202E,
   * U+2066–U+2069) that can make a title read backwards. C1 controls (U+0080–U+009F), which come
   * from Windows-1252 bytes or numeric references read as Latin-1, become the Windows-1252
   * characters browsers show for them. Returns {@code text} itself when nothing needs to change.
   */
  static String safe(String text) {
    if (text == null) {
      return null;
    }
    int i = 0;
    while (i < text.length() && keep(text, i) && !isC1(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    sb.append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isC1(c)) {
        char mapped = WINDOWS_1252_C1.charAt(c - 0x80);
        if (mapped != '\u0000') {
          sb.append(mapped);
        }
      } else if (keep(text, i)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isC1(char c) {
    return c >= 0x80 && c <= 0x9f;
  }

  private static boolean keep(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    if (c == 0x7f || c == '\uFFFE' || c == '\uFFFF') {
      return false;
    }
    if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
    return true;
  }

  /** What Windows-1252 puts at 0x80–0x9F; NUL where it defines nothing. */
  private static final String WINDOWS_1252_C1 =
      "\u20AC\u0000\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u0000\u017D\u0000"
          + "\u0000\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u0000\u017E\u0178";

  /** Escapes text for HTML, so that it can travel with markup and come out unchanged. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String r =
          switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            default -> null;
          };
      if (r != null && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (r != null) {
          sb.append(r);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? text : sb.toString();
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
    return clean(Jsoup.parseBodyFragment(safe(html), baseUri));
  }

  private static String clean(Document dirty) {
    Document clean = new Cleaner(CONTENT).clean(dirty);
    new Links().apply(clean.body());
    clean.outputSettings(COMPACT);
    return clean.body().html().trim();
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
