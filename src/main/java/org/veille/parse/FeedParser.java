package org.veille.parse;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.veille.parse.ParseResult.Failed;
import org.veille.parse.ParseResult.Problem;

/**
 * Parses RSS 0.90–2.0 and Atom 0.3/1.0 with Rome, DTDs and external entities disabled. A feed that
 * fails the strict pass but that a reader would still display (stray {@code &}, HTML entities, a
 * lying encoding, a BOM, leading junk) is recovered by a lenient second pass. An HTML page is
 * searched for its {@code <link rel="alternate">} feed. Stateless and thread-safe.
 */
public final class FeedParser {
  private static final int SUMMARY_FROM_CONTENT = 600;

  /**
   * Parses {@code body} fetched from {@code url}. {@code sourceLang} (nullable) is the configured
   * language, used when neither the item nor the feed declares one.
   */
  public ParseResult parse(URI url, byte[] body, String contentType, String sourceLang) {
    String text = Bodies.decode(body, contentType);
    String head = Bodies.fromFirstTag(text.strip());
    if (head.isEmpty()) {
      return new Failed(Problem.EMPTY, "empty response (" + body.length + " bytes): no feed in it");
    }
    char first = head.charAt(0);
    if (first == '{' || first == '[') {
      return new Failed(Problem.NOT_A_FEED, "the server returned JSON, not an RSS or Atom feed");
    }
    if (first != '<') {
      return new Failed(
          Problem.NOT_A_FEED,
          "the response is not XML (it starts with '"
              + Text.shorten(Text.fold(head), 40)
              + "'), so not an RSS or Atom feed");
    }
    if (looksLikeHtml(head)) {
      return feedLink(url, head);
    }
    if (XmlRepair.hostile(head)) {
      return new Failed(
          Problem.HOSTILE,
          "refused: the document declares XML entities in a DTD,"
              + " which feeds never need (an entity-expansion or external-entity attack)");
    }
    FeedException strictError;
    try {
      return new ParseResult.Parsed(convert(read(head), base(url, head), sourceLang, false));
    } catch (FeedException | IllegalArgumentException e) {
      strictError = e instanceof FeedException fe ? fe : new FeedException(e.getMessage(), e);
    }
    try {
      return new ParseResult.Parsed(
          convert(read(XmlRepair.repair(head)), base(url, head), sourceLang, true));
    } catch (FeedException | IllegalArgumentException e) {
      return new Failed(Problem.MALFORMED, describe(strictError));
    }
  }

  private static SyndFeed read(String xml) throws FeedException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setXmlHealerOn(true);
    input.setPreserveWireFeed(true);
    return input.build(new StringReader(xml));
  }

  private static String describe(FeedException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (m.contains("Invalid document") || m.contains("not supported")) {
      return "XML, but neither RSS nor Atom: " + m;
    }
    if (m.contains("must start and end within the same entity") || m.contains("Premature end")) {
      return "truncated or malformed feed: " + m;
    }
    return "malformed feed: " + m;
  }

  private static boolean looksLikeHtml(String head) {
    String start = head.substring(0, Math.min(head.length(), 4096)).toLowerCase(Locale.ROOT);
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
      return true;
    }
    boolean feedMarkers =
        start.contains("<rss")
            || start.contains("<feed")
            || start.contains("<rdf:rdf")
            || start.contains("<channel");
    return !feedMarkers
        && (start.contains("<html") || start.contains("<body") || start.contains("<head"));
  }

  private static ParseResult feedLink(URI url, String html) {
    Document doc = Jsoup.parse(html, url.toString());
    for (Element link :
        doc.select("link[rel~=(?i)\\balternate\\b][type~=(?i)(rss|atom)\\+xml][href]")) {
      String href = link.absUrl("href");
      if (!href.isEmpty()) {
        try {
          return new ParseResult.FeedLink(new URI(href));
        } catch (java.net.URISyntaxException e) {
          // try the next one
        }
      }
    }
    return new Failed(
        Problem.NOT_A_FEED,
        "this URL returns an HTML page that links to no feed"
            + " (no <link rel=\"alternate\" type=\"application/rss+xml\">); use type: page with selectors");
  }

  private static final java.util.regex.Pattern XML_BASE =
      java.util.regex.Pattern.compile("<feed\\b[^>]*\\bxml:base\\s*=\\s*[\"']([^\"']+)[\"']");

  /** The document's own base: an Atom feed's {@code xml:base}, resolved against the feed URL. */
  private static URI base(URI url, String xml) {
    java.util.regex.Matcher m =
        XML_BASE.matcher(xml.length() > 4096 ? xml.substring(0, 4096) : xml);
    if (m.find()) {
      try {
        return url.resolve(new URI(m.group(1).trim()));
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        return url;
      }
    }
    return url;
  }

  private static ParsedFeed convert(SyndFeed feed, URI base, String sourceLang, boolean recovered) {
    String feedLang = feed.getLanguage();
    List<ParsedItem> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      items.add(item(e, base, feedLang, sourceLang));
    }
    return new ParsedFeed(Text.plain(feed.getTitle()), feed.getFeedType(), recovered, items);
  }

  private static ParsedItem item(SyndEntry e, URI base, String feedLang, String sourceLang) {
    URI url = CanonicalUrl.of(link(e), base).orElse(null);
    String title = Text.plain(e.getTitle());
    String description =
        e.getDescription() == null ? "" : nullToEmpty(e.getDescription().getValue());
    StringBuilder content = new StringBuilder();
    for (SyndContent c : e.getContents()) {
      content.append(nullToEmpty(c.getValue())).append('\n');
    }
    String contentText = Text.plain(content.toString());
    String summary = Text.plain(description);
    if (summary.isEmpty()) {
      summary = Text.shorten(contentText, SUMMARY_FROM_CONTENT);
    }
    String html =
        Text.sanitized(content.length() > 0 ? content.toString() : description, base.toString());
    Instant published = instant(e.getPublishedDate());
    Instant updated = instant(e.getUpdatedDate());
    String guid = guid(e);
    DCModule dc = (DCModule) e.getModule(DCModule.URI);
    String itemLang = dc == null ? null : dc.getLanguage();
    return new ParsedItem(
        guid,
        url,
        title,
        summary,
        contentText,
        html,
        author(e),
        published != null ? published : updated,
        updated,
        categories(e),
        Languages.choose(itemLang, feedLang, sourceLang, title + " " + summary));
  }

  /**
   * The entry's own id: an RSS guid or an Atom id; null when the feed gives none (Rome would invent
   * one).
   */
  private static String guid(SyndEntry e) {
    Object wire = e.getWireEntry();
    String id = null;
    if (wire instanceof com.rometools.rome.feed.rss.Item item) {
      id = item.getGuid() == null ? null : item.getGuid().getValue();
      if (id == null && item.getUri() != null && !item.getUri().equals(item.getLink())) {
        id = item.getUri(); // RSS 1.0 rdf:about
      }
    } else if (wire instanceof com.rometools.rome.feed.atom.Entry entry) {
      id = entry.getId();
    } else {
      id = e.getUri();
    }
    return id == null || id.isBlank() ? null : id.trim();
  }

  private static String link(SyndEntry e) {
    if (e.getLink() != null && !e.getLink().isBlank()) {
      return e.getLink();
    }
    for (SyndLink l : e.getLinks()) {
      if (l.getRel() == null || l.getRel().equals("alternate")) {
        return l.getHref();
      }
    }
    return null;
  }

  private static String author(SyndEntry e) {
    Set<String> names = new LinkedHashSet<>();
    if (e.getAuthor() != null && !e.getAuthor().isBlank()) {
      names.add(Text.plain(e.getAuthor()));
    }
    for (SyndPerson p : e.getAuthors()) {
      if (p.getName() != null && !p.getName().isBlank()) {
        names.add(Text.plain(p.getName()));
      }
    }
    names.remove("");
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static List<String> categories(SyndEntry e) {
    Set<String> out = new LinkedHashSet<>();
    for (SyndCategory c : e.getCategories()) {
      String name = Text.plain(c.getName());
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
