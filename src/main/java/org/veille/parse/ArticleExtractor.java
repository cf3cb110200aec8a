package org.veille.parse;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/**
 * Finds the main text of an article page: with the source's {@code select.content} CSS selector
 * when it has one, else with Readability (Mozilla's algorithm, through Readability4J) after the
 * page's chrome is taken out (cookie banners, share bars, related links, comments, navigation). No
 * I/O; thread-safe.
 */
public final class ArticleExtractor {
  /** Below this many words, what was found is not an article. */
  static final int MIN_WORDS = 40;

  /** Class or id words of page chrome that is never the article. */
  private static final Pattern CHROME =
      Pattern.compile(
          "(^|[-_ ])(cookies?|consent|rgpd|gdpr|tarteaucitron|didomi|axeptio|share|sharing|partage"
              + "|sharedaddy|social|socials|reseaux|related|similar|a-lire|lire-aussi|voir-aussi"
              + "|comments?|commentaires?|respond|newsletter|breadcrumbs?|fil-ariane|sidebar"
              + "|widget|widgets|promo|advert|ads|pub|banner|skiplinks?|fr-header|fr-footer"
              + "|fr-breadcrumb|fr-share|fr-consent-banner|fr-follow|fr-sidemenu|navigation|menu"
              + "|tags|post-navigation|author-box|jp-relatedposts)([-_ ]|$)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PAYWALL =
      Pattern.compile(
          "réservé aux abonnés|réservée aux abonnés|abonnez-vous pour lire|pour lire la suite"
              + "|déjà abonné|subscribers only|subscribe to read|subscribe to continue"
              + "|this article is for subscribers",
          Pattern.CASE_INSENSITIVE);

  /** What the page gave. */
  public sealed interface Extraction {}

  /** The article: plain text and sanitized HTML. */
  public record Extracted(String text, String html) implements Extraction {}

  /** No article text on the page; {@code reason} says why, for the item's record. */
  public record NoText(String reason) implements Extraction {}

  /**
   * Extracts the article of a page fetched from {@code url} ({@code contentSelector} may be null).
   */
  public Extraction extract(URI url, byte[] body, String contentType, String contentSelector) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
    String html = Bodies.decode(body, contentType);
    boolean htmlType = type.startsWith("text/html") || type.startsWith("application/xhtml");
    if (!htmlType && !(type.isEmpty() && looksLikeHtml(html))) {
      String shown = type.isEmpty() ? "no Content-Type" : type.split(";")[0].trim();
      return new NoText("not an HTML page (" + shown + ")");
    }
    Document doc = Jsoup.parse(html, url.toString());
    String articleHtml;
    if (contentSelector != null) {
      Elements found;
      try {
        found = doc.select(contentSelector);
      } catch (Selector.SelectorParseException e) {
        return new NoText("select.content '" + contentSelector + "' is not valid CSS");
      }
      if (found.isEmpty()) {
        return new NoText("select.content '" + contentSelector + "' matches nothing on the page");
      }
      StringBuilder sb = new StringBuilder();
      for (Element e : found) {
        clean(e);
        sb.append(e.outerHtml());
      }
      articleHtml = sb.toString();
    } else {
      doc.select("script, style, noscript, template, iframe, form, nav, aside, footer, dialog")
          .remove();
      doc.select("[role=dialog], [role=navigation], [role=banner], [role=contentinfo]").remove();
      doc.select("[aria-hidden=true], [hidden]").remove();
      doc.select("body > header, header:not(article header)").remove();
      clean(doc.body());
      Article a = new Readability4JExtended(url.toString(), doc.outerHtml()).parse();
      articleHtml = a.getContent() == null ? "" : a.getContent();
    }
    String safeHtml = Text.sanitized(articleHtml, url.toString());
    String text = Text.plain(safeHtml);
    int words = words(text);
    if (words < MIN_WORDS) {
      if (PAYWALL.matcher(doc.text()).find()) {
        return new NoText("paywall: the page shows a subscription prompt, not the article");
      }
      return new NoText(
          words == 0
              ? "no main text found on the page"
              : "no main text found on the page (" + words + " words)");
    }
    if (PAYWALL.matcher(text).find() && words < 120) {
      return new NoText("paywall: the page shows the article's opening and a subscription prompt");
    }
    return new Extracted(text, safeHtml);
  }

  /** Removes the chrome under {@code root}: elements whose class or id names a page fixture. */
  private static void clean(Element root) {
    if (root == null) {
      return;
    }
    for (Element e : root.select("[class], [id]")) {
      if (e == root || e.parent() == null) {
        continue;
      }
      if (chrome(e.className()) || chrome(e.id())) {
        e.remove();
      }
    }
  }

  private static boolean chrome(String names) {
    if (names.isEmpty()) {
      return false;
    }
    for (String n : names.split("\\s+")) {
      if (CHROME.matcher(n).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean looksLikeHtml(String text) {
    String head = text.stripLeading();
    head = head.substring(0, Math.min(head.length(), 512)).toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body");
  }

  /** Words of plain text: runs of non-whitespace characters. */
  public static int words(String text) {
    if (text == null) {
      return 0;
    }
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00a0';
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
  }
}
