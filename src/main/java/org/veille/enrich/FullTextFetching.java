package org.veille.enrich;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.Settings;
import org.veille.config.SourceConfig;
import org.veille.config.SourceConfig.FullTextMode;
import org.veille.fetch.FetchOutcome;
import org.veille.fetch.Fetcher;
import org.veille.parse.ArticleExtractor;
import org.veille.parse.ParsedItem;
import org.veille.store.EnrichedItem;
import org.veille.store.FullText;
import org.veille.store.FullText.Status;
import org.veille.store.ItemStore;
import org.veille.store.KnownItem;

/**
 * The first step of the chain: fetches the article page of a teaser and puts its main text in place
 * of the feed's content, so that the later steps, the index and the letter read the article. Per
 * source, {@code fulltext: auto} fetches teasers ({@link TeaserRule}), {@code always} every new
 * item, {@code never} none; at most {@code settings.fulltext.max_per_source} pages per source and
 * run, through the run's fetcher in the slot of the article's host. Only new items and items whose
 * feed text changed are fetched, the latter with a conditional GET when the page gave validators (a
 * 304 keeps the stored article); a failure is recorded on the item and tried once more in a later
 * run. Every item gets its decision and reason; an item this run leaves as it is gets none.
 */
public final class FullTextFetching implements Enricher {
  private static final Logger log = LoggerFactory.getLogger(FullTextFetching.class);
  private static final Pattern LOGIN =
      Pattern.compile(
          "(login|log-in|signin|sign-in|connexion|se-connecter|identification|authenticate|auth"
              + "|sso|account|compte|abonnement|subscribe|paywall|cas/)",
          Pattern.CASE_INSENSITIVE);

  private final Fetcher fetcher;
  private final ItemStore store;
  private final TeaserRule rule;
  private final int maxPerSource;
  private final ArticleExtractor extractor = new ArticleExtractor();

  public FullTextFetching(CrawlResources run, Settings.FullText settings) {
    this.fetcher = run.fetcher();
    this.store = run.items();
    this.rule = new TeaserRule(settings.minWords());
    this.maxPerSource = settings.maxPerSource();
  }

  @Override
  public List<EnrichedItem> enrich(SourceConfig source, List<EnrichedItem> items)
      throws InterruptedException {
    List<EnrichedItem> out = new ArrayList<>(items.size());
    if (source.fulltext() == FullTextMode.NEVER) {
      for (EnrichedItem item : items) {
        out.add(item.withFullText(FullText.notFetched(Status.OFF, "fulltext: never")));
      }
      return out;
    }
    // decide first; the store is asked only about the teasers
    List<TeaserRule.Decision> decisions = new ArrayList<>(items.size());
    List<ParsedItem> teasers = new ArrayList<>();
    for (EnrichedItem item : items) {
      TeaserRule.Decision d =
          source.fulltext() == FullTextMode.ALWAYS
              ? new TeaserRule.Decision(true, "fulltext: always")
              : rule.judge(item.parsed());
      decisions.add(d);
      if (d.teaser()) {
        teasers.add(item.parsed());
      }
    }
    List<Optional<KnownItem>> known =
        teasers.isEmpty() ? List.of() : store.known(source.id(), teasers);
    int budget = maxPerSource;
    int t = 0;
    Set<String> fetchedUrls = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      EnrichedItem item = items.get(i);
      TeaserRule.Decision d = decisions.get(i);
      if (!d.teaser()) {
        out.add(item.withFullText(FullText.notFetched(Status.NOT_NEEDED, d.reason())));
        continue;
      }
      Optional<KnownItem> k = known.get(t++);
      int attempts = 1;
      KnownItem before = null; // the stored article, asked for again with its validators
      if (k.isPresent()) {
        KnownItem ki = k.get();
        if (ki.fromOtherSource()) {
          out.add(item); // the source that brought it first gives its text
          continue;
        }
        if (ki.unchanged()) {
          Status s = ki.status();
          boolean retry = s == Status.FAILED && ki.attempts() == 1;
          if (!retry && s != Status.DEFERRED) {
            out.add(item); // done, given up, or stored before full text existed: left alone
            continue;
          }
          attempts = retry ? 2 : 1;
        } else if (ki.hasValidators()) {
          before = ki;
        }
      }
      URI url = item.parsed().url();
      if (url == null || !isHttp(url)) {
        out.add(
            item.withFullText(
                FullText.failed(
                    "the item has no http or https link to fetch"
                        + (url == null ? "" : " (" + url.getScheme() + ":)"),
                    0)));
        continue;
      }
      if (!fetchedUrls.add(url.toString())) {
        out.add(item); // an earlier item of this feed links to the same page; it is stored once
        continue;
      }
      if (budget <= 0) {
        out.add(
            item.withFullText(
                FullText.notFetched(
                    Status.DEFERRED,
                    d.reason()
                        + "; not fetched yet: this run's "
                        + maxPerSource
                        + " article fetches for the source were used")));
        continue;
      }
      budget--;
      FullText ft = fetch(source, item.parsed(), url, d.reason(), attempts, before);
      if (ft.status() == Status.FAILED) {
        log.info("{}: full text of {} failed: {}", source.id(), url, ft.reason());
      }
      out.add(item.withFullText(ft));
    }
    return out;
  }

  private FullText fetch(
      SourceConfig source, ParsedItem item, URI url, String reason, int attempts, KnownItem before)
      throws InterruptedException {
    FetchOutcome outcome =
        before == null
            ? fetcher.fetchInTurn(url, null, null)
            : fetcher.fetchInTurn(url, before.etag(), before.lastModified());
    if (outcome instanceof FetchOutcome.Failed f) {
      return FullText.failed(f.message(), attempts);
    }
    if (outcome instanceof FetchOutcome.NotModified && before != null) {
      Optional<FullText> stored = store.article(before.id());
      if (stored.isPresent()) {
        FullText a = stored.get();
        return FullText.fetched(
            reason + "; the article has not changed (HTTP 304)",
            attempts,
            a.text(),
            a.html(),
            a.etag(),
            a.lastModified());
      }
    }
    if (!(outcome instanceof FetchOutcome.Fetched page)) {
      return FullText.failed(
          "unexpected answer HTTP 304 to a request without validators", attempts);
    }
    URI landed = page.finalUrl();
    boolean otherHost =
        landed.getHost() != null
            && !landed.getHost().equalsIgnoreCase(url.getHost() == null ? "" : url.getHost());
    if (otherHost && LOGIN.matcher(landed.getPath() == null ? "" : landed.getPath()).find()) {
      return FullText.failed(
          "redirected to a login page on another host (" + landed + ")", attempts);
    }
    ArticleExtractor.Extraction x =
        extractor.extract(
            landed, page.body(), page.contentType(), source.contentSelection().orElse(null));
    if (x instanceof ArticleExtractor.NoText none) {
      return FullText.failed(
          none.reason() + (otherHost ? " (redirected to " + landed + ")" : ""), attempts);
    }
    ArticleExtractor.Extracted a = (ArticleExtractor.Extracted) x;
    int feedWords = ArticleExtractor.words(item.summary());
    int words = ArticleExtractor.words(a.text());
    if (words <= feedWords) {
      return FullText.failed(
          "the page has no more text than the feed (" + words + " words)", attempts);
    }
    return FullText.fetched(
        reason + "; " + words + " words from the article",
        attempts,
        a.text(),
        a.html(),
        page.etag(),
        page.lastModified());
  }

  private static boolean isHttp(URI url) {
    String s = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    return (s.equals("http") || s.equals("https")) && url.getHost() != null;
  }
}
