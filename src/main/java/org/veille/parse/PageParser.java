package org.veille.parse;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.veille.parse.ParseResult.Failed;
import org.veille.parse.ParseResult.Problem;

/**
 * Turns a web page without a feed into items with CSS selectors. A selector that matches nothing is
 * reported as a broken selector, never as an empty page: sites change their markup and the user
 * must know. Thread-safe.
 */
public final class PageParser {
  private static final String HEADINGS = "h1, h2, h3, h4, h5, h6";
  private final ZoneId zone;

  /** {@code zone} places dates written without a time (13/02/2026) on the calendar. */
  public PageParser(ZoneId zone) {
    this.zone = zone;
  }

  public ParseResult parse(
      URI url, byte[] body, String contentType, PageRules rules, String sourceLang) {
    String text = Bodies.decode(body, contentType).strip();
    if (text.isEmpty()) {
      return new Failed(Problem.EMPTY, "empty response (" + body.length + " bytes): no page in it");
    }
    if (text.charAt(0) == '{' || text.charAt(0) == '[') {
      return new Failed(Problem.NOT_A_FEED, "the server returned JSON, not an HTML page");
    }
    Document doc = Jsoup.parse(text, url.toString());
    Elements found = doc.select(rules.item());
    if (found.isEmpty()) {
      return new Failed(
          Problem.BROKEN_SELECTOR,
          "broken selector: select.item '"
              + rules.item()
              + "' matched nothing on the page (the site may have changed its layout)");
    }
    String pageLang =
        doc.selectFirst("html[lang]") == null ? null : doc.selectFirst("html[lang]").attr("lang");
    List<ParsedItem> items = new ArrayList<>();
    for (Element el : found) {
      ParsedItem item = item(el, url, rules, pageLang, sourceLang);
      if (!item.title().isEmpty() || item.url() != null) {
        items.add(item);
      }
    }
    if (items.isEmpty()) {
      return new Failed(
          Problem.BROKEN_SELECTOR,
          "broken selector: select.item '"
              + rules.item()
              + "' matched "
              + found.size()
              + " elements, but none has a title or a link");
    }
    return new ParseResult.Parsed(
        new ParsedFeed(Text.plain(doc.title()), "html-page", false, items));
  }

  private ParsedItem item(
      Element el, URI base, PageRules rules, String pageLang, String sourceLang) {
    Element titleEl = first(el, rules.title(), HEADINGS);
    Element linkEl =
        rules.link() != null
            ? el.selectFirst(rules.link())
            : el.is("a[href]") ? el : el.selectFirst("a[href]");
    if (linkEl != null && !linkEl.is("[href]")) {
      Element inner = linkEl.selectFirst("a[href]");
      linkEl = inner != null ? inner : linkEl.closest("a[href]");
    }
    String title =
        titleEl != null
            ? Text.fold(titleEl.text())
            : linkEl != null ? Text.fold(linkEl.text()) : "";
    URI url = linkEl == null ? null : CanonicalUrl.of(linkEl.attr("abs:href"), base).orElse(null);
    Element summaryEl = first(el, rules.summary(), "p");
    String summary = summaryEl == null ? "" : Text.fold(summaryEl.text());
    if (summary.equals(title)) {
      summary = "";
    }
    Instant published = date(el, rules.date());
    return new ParsedItem(
        null,
        url,
        title,
        summary,
        "",
        "",
        null,
        published,
        null,
        List.of(),
        Languages.choose(null, pageLang, sourceLang, title + " " + summary));
  }

  private static Element first(Element el, String configured, String fallback) {
    return el.selectFirst(configured != null ? configured : fallback);
  }

  private Instant date(Element el, String selector) {
    Element d = selector != null ? el.selectFirst(selector) : el.selectFirst("time");
    if (d == null) {
      return null;
    }
    Element time = d.is("time[datetime]") ? d : d.selectFirst("time[datetime]");
    if (time != null) {
      Instant fromAttr = PageDates.parse(time.attr("datetime"), zone).orElse(null);
      if (fromAttr != null) {
        return fromAttr;
      }
    }
    return PageDates.parse(d.text(), zone).orElse(null);
  }
}
