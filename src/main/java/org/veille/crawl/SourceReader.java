package org.veille.crawl;

import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.PageSelectors;
import org.veille.config.SourceConfig;
import org.veille.fetch.FetchOutcome;
import org.veille.fetch.Fetcher;
import org.veille.parse.FeedParser;
import org.veille.parse.PageParser;
import org.veille.parse.PageRules;
import org.veille.parse.ParseResult;
import org.veille.parse.ParsedFeed;

/**
 * Fetches and parses one source: follows an HTML page's feed link once, picks the feed or the page
 * parser by the source's type. Shared by the crawl and by {@code sources check}.
 */
final class SourceReader {
  private static final Logger log = LoggerFactory.getLogger(SourceReader.class);

  private final Fetcher fetcher;
  private final FeedParser feeds = new FeedParser();
  private final PageParser pages;

  SourceReader(Fetcher fetcher, PageParser pages) {
    this.fetcher = fetcher;
    this.pages = pages;
  }

  /** What reading a source gave. {@code feed} is set when OK; {@code error} when FAILED. */
  record Read(
      Kind kind,
      ParsedFeed feed,
      int status,
      long bytes,
      String etag,
      String lastModified,
      String discoveredFeedUrl,
      String error,
      boolean brokenSelector,
      Duration retryAfter) {

    enum Kind {
      OK,
      NOT_MODIFIED,
      FAILED
    }

    static Read failed(
        int status,
        long bytes,
        String error,
        boolean broken,
        Duration retryAfter,
        String discovered) {
      return new Read(
          Kind.FAILED, null, status, bytes, null, null, discovered, error, broken, retryAfter);
    }
  }

  Read read(SourceConfig source, URI url, String etag, String lastModified)
      throws InterruptedException {
    FetchOutcome outcome = fetcher.fetch(url, etag, lastModified);
    String discovered = null;
    if (outcome instanceof FetchOutcome.Fetched f) {
      ParseResult parsed = parse(source, f);
      if (parsed instanceof ParseResult.FeedLink link
          && source.type() == SourceConfig.SourceType.FEED) {
        discovered = link.feedUrl().toString();
        log.info(
            "{}: {} is an HTML page; following its feed link {}", source.id(), url, discovered);
        outcome = fetcher.fetch(link.feedUrl(), null, null);
        if (!(outcome instanceof FetchOutcome.Fetched f2)) {
          return fromFetch(outcome, discovered);
        }
        f = f2;
        parsed = parse(source, f);
        if (parsed instanceof ParseResult.FeedLink) {
          parsed =
              new ParseResult.Failed(
                  ParseResult.Problem.NOT_A_FEED,
                  "the page's feed link " + discovered + " leads to another HTML page, not a feed");
        }
      }
      return fromParse(f, parsed, discovered);
    }
    return fromFetch(outcome, discovered);
  }

  private static Read fromFetch(FetchOutcome outcome, String discovered) {
    if (outcome instanceof FetchOutcome.NotModified) {
      return new Read(
          Read.Kind.NOT_MODIFIED, null, 304, 0, null, null, discovered, null, false, null);
    }
    FetchOutcome.Failed f = (FetchOutcome.Failed) outcome;
    return Read.failed(f.status(), 0, f.message(), false, f.retryAfter(), discovered);
  }

  private static Read fromParse(FetchOutcome.Fetched f, ParseResult parsed, String discovered) {
    if (parsed instanceof ParseResult.Parsed p) {
      return new Read(
          Read.Kind.OK,
          p.feed(),
          f.status(),
          f.body().length,
          f.etag(),
          f.lastModified(),
          discovered,
          null,
          false,
          null);
    }
    if (parsed instanceof ParseResult.Failed pf) {
      return Read.failed(
          f.status(),
          f.body().length,
          pf.message(),
          pf.problem() == ParseResult.Problem.BROKEN_SELECTOR,
          null,
          discovered);
    }
    return Read.failed(
        f.status(),
        f.body().length,
        "an HTML page where a page source was expected",
        false,
        null,
        discovered);
  }

  private ParseResult parse(SourceConfig s, FetchOutcome.Fetched f) {
    if (s.type() == SourceConfig.SourceType.PAGE) {
      PageSelectors sel = s.select();
      return pages.parse(
          f.finalUrl(),
          f.body(),
          f.contentType(),
          new PageRules(sel.item(), sel.title(), sel.link(), sel.date(), sel.summary()),
          s.lang());
    }
    return feeds.parse(f.finalUrl(), f.body(), f.contentType(), s.lang());
  }
}
