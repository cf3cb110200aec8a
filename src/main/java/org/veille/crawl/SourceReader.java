package org.veille.crawl;

import java.net.URI;
import java.time.Instant;
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
import org.veille.store.EnrichedItem;
import org.veille.store.FetchRecord;
import org.veille.store.FetchRecord.Problem;
import org.veille.store.FetchRecord.Transfer;

/**
 * Fetches and parses one source: follows an HTML page's feed link once, picks the feed or the page
 * parser by the source's type. Shared by the crawl and by {@code sources check}. The record it
 * returns has no back-off yet: that is the crawl's business.
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

  /** Reads {@code source} at {@code url}, conditionally when validators are given (nullable). */
  FetchRecord read(SourceConfig source, URI url, String etag, String lastModified, Instant at)
      throws InterruptedException {
    long t0 = System.nanoTime();
    FetchRecord r = readUntimed(source, url, etag, lastModified, at);
    return r.withTransfer(r.transfer().withDuration((System.nanoTime() - t0) / 1_000_000));
  }

  private FetchRecord readUntimed(
      SourceConfig source, URI url, String etag, String lastModified, Instant at)
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
          return fromFetch(source.id(), at, outcome, discovered);
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
      return fromParse(source.id(), at, f, parsed, discovered);
    }
    return fromFetch(source.id(), at, outcome, discovered);
  }

  private static FetchRecord fromFetch(
      String id, Instant at, FetchOutcome outcome, String discovered) {
    if (outcome instanceof FetchOutcome.NotModified) {
      return FetchRecord.notModified(id, at, new Transfer(304, 0, 0, null, null, discovered));
    }
    FetchOutcome.Failed f = (FetchOutcome.Failed) outcome;
    return FetchRecord.failed(
        id,
        at,
        new Transfer(f.status(), 0, 0, null, null, discovered),
        new Problem(f.message(), false, f.retryAfter()));
  }

  private static FetchRecord fromParse(
      String id, Instant at, FetchOutcome.Fetched f, ParseResult parsed, String discovered) {
    if (parsed instanceof ParseResult.Parsed p) {
      ParsedFeed feed = p.feed();
      return FetchRecord.ok(
          id,
          at,
          new Transfer(f.status(), 0, f.body().length, f.etag(), f.lastModified(), discovered),
          new FetchRecord.Feed(
              feed.title().isEmpty() ? null : feed.title(),
              feed.format(),
              feed.recovered(),
              feed.siteLink().map(URI::toString).orElse(null),
              feed.language(),
              feed.truncated(),
              feed.notes()),
          feed.items().stream().map(EnrichedItem::of).toList());
    }
    Transfer t = new Transfer(f.status(), 0, f.body().length, null, null, discovered);
    if (parsed instanceof ParseResult.Failed pf) {
      return FetchRecord.failed(
          id,
          at,
          t,
          new Problem(pf.message(), pf.problem() == ParseResult.Problem.BROKEN_SELECTOR, null));
    }
    return FetchRecord.failed(
        id, at, t, Problem.of("an HTML page where a page source was expected"));
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
