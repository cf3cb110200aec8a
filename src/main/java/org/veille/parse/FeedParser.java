package org.veille.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.veille.parse.ParseResult.Failed;
import org.veille.parse.ParseResult.Problem;

/**
 * Parses RSS 0.90–2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1 with a streaming reader of its own (the
 * JDK's StAX for XML, Jackson for JSON). No external entity or DTD is ever fetched; a DOCTYPE that
 * only defines text entities is expanded within a small budget, anything else is refused. A feed
 * that fails the strict pass but that a reader would still display (stray {@code &}, HTML entities,
 * a lying encoding, a BOM, leading junk, forbidden character references) is recovered by a lenient
 * second pass; a feed cut short keeps the entries complete before the cut. An HTML page is searched
 * for its {@code <link rel="alternate">} feed. Stateless and thread-safe.
 */
public final class FeedParser {

  /**
   * Parses {@code body} fetched from {@code url}. {@code sourceLang} (nullable) is the configured
   * language, used when neither the item nor the feed declares one. Never throws on bad input.
   */
  public ParseResult parse(URI url, byte[] body, String contentType, String sourceLang) {
    Bodies.Decoded decoded = Bodies.decodeNoted(body, contentType);
    List<String> notes = new ArrayList<>();
    if (decoded.note() != null) {
      notes.add(decoded.note());
    }
    String stripped = decoded.text().strip();
    if (stripped.isEmpty()) {
      return new Failed(Problem.EMPTY, "empty response (" + body.length + " bytes): no feed in it");
    }
    if (isJson(stripped, contentType)) {
      return json(url, stripped, sourceLang, notes);
    }
    String head = Bodies.fromFirstTag(stripped);
    if (head.isEmpty() || head.charAt(0) != '<') {
      return new Failed(
          Problem.NOT_A_FEED,
          "the response is not XML (it starts with '"
              + Text.shorten(Text.fold(head), 40)
              + "'), so not an RSS, Atom or JSON feed");
    }
    if (looksLikeHtml(head)) {
      return feedLink(url, head);
    }
    return xml(url, head, sourceLang, notes);
  }

  private static ParseResult xml(URI url, String xml, String sourceLang, List<String> notes) {
    Doctypes.Verdict doctype = Doctypes.judge(xml);
    if (doctype.refused()) {
      return new Failed(Problem.HOSTILE, doctype.refusal());
    }
    boolean dtd = doctype.internalSubset();
    if (doctype.external()) {
      notes.add("the external DTD the document names is not fetched");
    }
    XmlFeedReader.Broken strict;
    try {
      RawFeed raw = XmlFeedReader.read(xml, url, dtd);
      return parsed(raw, sourceLang, doctype.external(), false, notes);
    } catch (XmlFeedReader.NotAFeed e) {
      return notAFeed(e.getMessage());
    } catch (XmlFeedReader.Broken e) {
      strict = e;
    }
    String repaired = XmlRepair.repair(xml, doctype);
    try {
      RawFeed raw = XmlFeedReader.read(repaired, url, dtd);
      notes.add("sloppy XML repaired (" + firstLine(strict.getMessage()) + ")");
      return parsed(raw, sourceLang, true, false, notes);
    } catch (XmlFeedReader.NotAFeed e) {
      return notAFeed(e.getMessage());
    } catch (XmlFeedReader.Broken e) {
      RawFeed partial = e.partial != null ? e.partial : strict.partial;
      if (partial == null || partial.entries.isEmpty()) {
        return new Failed(Problem.MALFORMED, describe(strict, xml.length()));
      }
      boolean cut = atEnd(e, repaired.length());
      notes.add(
          (cut ? "truncated: the document ends in the middle of entry " : "stopped at entry ")
              + (partial.entries.size() + 1)
              + " ("
              + firstLine(e.getMessage())
              + "); the "
              + partial.entries.size()
              + " complete entries before it are kept");
      return parsed(partial, sourceLang, true, cut, notes);
    }
  }

  /** A document that is no feed, or one refused (nested too deep) with a message saying so. */
  private static Failed notAFeed(String message) {
    return new Failed(
        message.startsWith("refused:") ? Problem.HOSTILE : Problem.NOT_A_FEED, message);
  }

  private static ParseResult json(URI url, String json, String sourceLang, List<String> notes) {
    try {
      return parsed(JsonFeedReader.read(json, url), sourceLang, false, false, notes);
    } catch (JsonFeedReader.NotAFeed e) {
      return new Failed(Problem.NOT_A_FEED, e.getMessage());
    } catch (JsonFeedReader.Broken e) {
      notes.add(
          "truncated: the JSON ends after "
              + e.partial.entries.size()
              + " complete items ("
              + firstLine(e.getMessage())
              + "); they are kept");
      return parsed(e.partial, sourceLang, true, true, notes);
    }
  }

  private static ParseResult parsed(
      RawFeed raw, String sourceLang, boolean recovered, boolean truncated, List<String> notes) {
    return new ParseResult.Parsed(Assembler.assemble(raw, sourceLang, recovered, truncated, notes));
  }

  private static boolean isJson(String text, String contentType) {
    char first = text.charAt(0);
    if (first == '{' || first == '[') {
      return true;
    }
    String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    return ct.contains("json") && first != '<';
  }

  /** Whether the reader gave up at the very end of the document: it was cut short. */
  private static boolean atEnd(XmlFeedReader.Broken e, int length) {
    String m = e.getMessage() == null ? "" : e.getMessage();
    return e.offset < 0
        || e.offset >= length - 2
        || m.contains("must start and end within the same entity")
        || m.contains("end of file")
        || m.contains("ends inside");
  }

  private static String describe(XmlFeedReader.Broken e, int length) {
    String m = firstLine(e.getMessage());
    if (atEnd(e, length)) {
      return "truncated or malformed feed, no complete entry before the cut: " + m;
    }
    return "malformed feed: " + m;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable XML";
    }
    String t =
        s.replaceAll(
            "^ParseError at \\[row,col\\]:\\[(\\d+),(\\d+)\\]\\s*Message:\\s*",
            "line $1, column $2: ");
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(0, nl)).strip();
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
}
