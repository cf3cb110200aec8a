package org.veille.crawl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.Config;
import org.veille.config.SourceConfig;
import org.veille.fetch.Fetcher;
import org.veille.parse.PageParser;
import org.veille.parse.ParsedFeed;
import org.veille.store.FetchRecord;
import org.veille.store.SaveResult;
import org.veille.store.SourceState;
import org.veille.store.Store;

/**
 * Runs a crawl: every due source is fetched and parsed on a pool of {@code settings.fetch
 * .concurrency} workers, one request at a time per host, and stored on the calling thread, one
 * transaction per source. A source that failed repeatedly waits for its back-off unless it is named
 * explicitly.
 */
public final class Crawler {
  private static final Logger log = LoggerFactory.getLogger(Crawler.class);
  private static final long COMMIT_EVERY_NANOS = 30_000_000_000L;

  private final Config config;
  private final Store store;
  private final Clock clock;
  private final org.veille.index.Tagger tagger;
  private final IndexSync sync;
  private long lastCommit;
  private final SourceReader reader;
  private final HostPool<Job, Result> pool;

  /**
   * A crawler that stores into {@code store}, tags new items with {@code tagger} and keeps the
   * index in step through {@code sync}.
   */
  public Crawler(
      Config config,
      Store store,
      Fetcher fetcher,
      org.veille.index.Tagger tagger,
      IndexSync sync,
      Clock clock) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.tagger = tagger;
    this.sync = sync;
    this.reader = new SourceReader(fetcher, new PageParser(config.settings().timezone()));
    this.pool =
        new HostPool<>(
            Job::host,
            config.settings().fetch().perHostDelay(),
            config.settings().fetch().concurrency());
  }

  /**
   * Crawls {@code sources}. With {@code force}, sources in back-off are fetched anyway (used when
   * the user names them).
   */
  public CrawlReport run(List<SourceConfig> sources, boolean force, CrawlListener listener)
      throws InterruptedException {
    long start = System.nanoTime();
    store.syncSources(config.sources());
    sync.catchUp();
    try {
      sync.retagIfTopicsChanged();
    } catch (org.veille.index.QuerySyntaxException e) {
      throw new IllegalStateException("topic queries are checked when the tagger is built", e);
    }
    lastCommit = System.nanoTime();
    Instant now = clock.instant();
    List<Job> jobs = new ArrayList<>();
    List<SourceReport> reports = new ArrayList<>();
    for (SourceConfig s : sources) {
      SourceState state = store.sourceState(s.id()).orElseThrow();
      if (!force && state.nextAttempt().map(now::isBefore).orElse(false)) {
        reports.add(
            new SourceReport(
                s.id(),
                SourceReport.Outcome.SKIPPED,
                0,
                0,
                0,
                null,
                "backed off after "
                    + state.consecutiveFailures()
                    + " failures; next try at "
                    + state.nextAttemptAt(),
                state.nextAttemptAt(),
                0));
        continue;
      }
      jobs.add(new Job(s, state));
    }
    listener.started(jobs.size());
    pool.run(
        jobs,
        this::crawl,
        (job, e) -> {
          log.debug("{}: unexpected failure", job.source.id(), e);
          return new Result(
              failed(job, clock.instant(), 0, 0, "internal error: " + e, false, null, 0), null);
        },
        r -> {
          SaveResult saved = store.saveFetch(r.record());
          sync.add(saved.changedIds());
          if (System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
            sync.commit(); // searches see new items during a long crawl
            lastCommit = System.nanoTime();
          }
          SourceReport report = report(r, saved);
          reports.add(report);
          listener.sourceDone(report);
        });
    sync.commit();
    List<String> order = sources.stream().map(SourceConfig::id).toList();
    reports.sort(java.util.Comparator.comparingInt(r -> order.indexOf(r.sourceId())));
    CrawlReport report = summarize(reports, (System.nanoTime() - start) / 1_000_000);
    store.recordCrawl(clock.instant(), report.sources(), report.failed(), report.newItems());
    return report;
  }

  /** Asks a running crawl to start no new source; sources in flight finish and are stored. */
  public void stop() {
    pool.stop();
  }

  /** A worker's product: the record to store and the format that was parsed (null on failure). */
  private record Result(FetchRecord record, String format) {}

  private Result crawl(Job job) throws InterruptedException {
    long t0 = System.nanoTime();
    Instant at = clock.instant();
    SourceReader.Read read =
        reader.read(job.source, job.fetchUrl(), job.state.etag(), job.state.lastModified());
    long ms = millis(t0);
    return switch (read.kind()) {
      case OK -> {
        ParsedFeed feed = read.feed();
        if (feed.recovered()) {
          log.info("{}: sloppy feed recovered by the lenient pass", job.source.id());
        }
        yield new Result(
            new FetchRecord(
                job.source.id(),
                at,
                FetchRecord.Outcome.OK,
                read.status(),
                ms,
                read.bytes(),
                null,
                false,
                read.etag(),
                read.lastModified(),
                read.discoveredFeedUrl(),
                feed.title().isEmpty() ? null : feed.title(),
                0,
                null,
                feed.items(),
                topics(job.source, feed)),
            feed.format());
      }
      case NOT_MODIFIED ->
          new Result(
              new FetchRecord(
                  job.source.id(),
                  at,
                  FetchRecord.Outcome.NOT_MODIFIED,
                  304,
                  ms,
                  0,
                  null,
                  false,
                  null,
                  null,
                  read.discoveredFeedUrl(),
                  null,
                  0,
                  null,
                  List.of(),
                  List.of()),
              null);
      case FAILED ->
          new Result(
              failed(
                  job,
                  at,
                  read.status(),
                  ms,
                  read.error(),
                  read.brokenSelector(),
                  read.retryAfter(),
                  read.bytes()),
              null);
    };
  }

  private FetchRecord failed(
      Job job,
      Instant at,
      int status,
      long ms,
      String message,
      boolean brokenSelector,
      Duration retryAfter,
      long bytes) {
    int failures = job.state.consecutiveFailures() + 1;
    Instant next = Backoff.nextAttempt(at, failures, retryAfter);
    log.info("{}: {}", job.source.id(), message);
    return new FetchRecord(
        job.source.id(),
        at,
        FetchRecord.Outcome.FAILED,
        status,
        ms,
        bytes,
        message,
        brokenSelector,
        null,
        null,
        null,
        null,
        failures,
        next,
        List.of(),
        List.of());
  }

  /** Topics of each item, computed on the worker thread (in parallel) before storing. */
  private List<List<String>> topics(SourceConfig source, ParsedFeed feed) {
    List<List<String>> out = new ArrayList<>(feed.items().size());
    for (var item : feed.items()) {
      String body = IndexSync.body(item.summary(), item.contentText());
      out.add(
          tagger.topics(
              new org.veille.index.IndexDoc(
                  "",
                  item.title(),
                  body,
                  item.lang(),
                  item.author(),
                  List.of(source.id()),
                  List.of(),
                  item.published() == null ? Instant.EPOCH : item.published())));
    }
    return out;
  }

  private static SourceReport report(Result result, SaveResult saved) {
    FetchRecord r = result.record();
    SourceReport.Outcome o =
        switch (r.outcome()) {
          case OK -> SourceReport.Outcome.OK;
          case NOT_MODIFIED -> SourceReport.Outcome.NOT_MODIFIED;
          case FAILED -> SourceReport.Outcome.FAILED;
        };
    return new SourceReport(
        r.sourceId(),
        o,
        r.items().size(),
        saved.newItems(),
        saved.updatedItems(),
        result.format(),
        r.error(),
        r.nextAttemptAt(),
        r.durationMs());
  }

  private static CrawlReport summarize(List<SourceReport> reports, long ms) {
    int ok = 0;
    int notModified = 0;
    int failed = 0;
    int skipped = 0;
    int added = 0;
    int updated = 0;
    for (SourceReport r : reports) {
      switch (r.outcome()) {
        case OK -> ok++;
        case NOT_MODIFIED -> {
          ok++;
          notModified++;
        }
        case FAILED -> failed++;
        case SKIPPED -> skipped++;
      }
      added += r.newItems();
      updated += r.updatedItems();
    }
    return new CrawlReport(
        reports.size(), ok, notModified, failed, skipped, added, updated, ms, reports);
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** A source to fetch in this run, with what the store remembers of it. */
  private record Job(SourceConfig source, SourceState state) {
    URI fetchUrl() {
      return state.discoveredFeedUrl().map(URI::create).orElse(source.url());
    }

    String host() {
      String h = fetchUrl().getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    }
  }
}
