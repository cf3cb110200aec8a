package org.veille.crawl;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veille.config.Config;
import org.veille.config.SourceConfig;
import org.veille.enrich.Enricher;
import org.veille.fetch.Fetcher;
import org.veille.parse.PageParser;
import org.veille.store.FetchRecord;
import org.veille.store.SaveResult;
import org.veille.store.SourceState;
import org.veille.store.Store;
import org.veille.store.StoreException;
import org.veille.sync.IndexSync;

/**
 * Runs a crawl: every due source is fetched, parsed and enriched on a pool of {@code
 * settings.fetch.concurrency} workers, one request at a time per host, and stored on the calling
 * thread, one transaction per source. A source that failed repeatedly waits for its back-off unless
 * it is named explicitly.
 */
public final class Crawler {
  private static final Logger log = LoggerFactory.getLogger(Crawler.class);
  private static final long COMMIT_EVERY_NANOS = 30_000_000_000L;

  /**
   * Sources stored per SQLite transaction, at most, of those that finished while the writer wrote:
   * one commit for several sources writes the pages they share once ({@code scripts/bench store}:
   * 1,537 items/s one by one, 1,972 by four, 2,311 by eight), but a crawl's peak RSS grew with the
   * group (372 MB by four, 455 MB by eight, against 350 MB one by one).
   */
  private static final int SOURCES_PER_TRANSACTION = 4;

  private final Config config;
  private final Store store;
  private final Clock clock;
  private final Enricher enricher;
  private final IndexSync sync;
  private final SourceReader reader;
  private final HostPool<Job, FetchRecord> pool;
  private long lastCommit;

  /**
   * A crawler that stores into {@code store}, passes new items through {@code enricher} and keeps
   * the index in step through {@code sync}.
   */
  public Crawler(
      Config config, Store store, Fetcher fetcher, Enricher enricher, IndexSync sync, Clock clock) {
    this.config = config;
    this.store = store;
    this.clock = clock;
    this.enricher = enricher;
    this.sync = sync;
    this.reader = new SourceReader(fetcher, new PageParser(config.settings().timezone()));
    this.pool = new HostPool<>(Job::host, fetcher.hosts(), config.settings().fetch().concurrency());
  }

  /**
   * Crawls {@code sources}. With {@code force}, sources in back-off are fetched anyway (used when
   * the user names them).
   */
  public CrawlReport run(List<SourceConfig> sources, boolean force, CrawlListener listener)
      throws InterruptedException {
    long start = System.nanoTime();
    store.sources().sync(config.sources());
    store.settleClusterKeys(); // those of a crawl that was stopped
    sync.rebuildIfIncomplete();
    sync.catchUp();
    sync.retagIfTopicsChanged();
    lastCommit = System.nanoTime();
    Instant now = clock.instant();
    List<Job> jobs = new ArrayList<>();
    List<SourceReport> reports = new ArrayList<>();
    for (SourceConfig s : sources) {
      SourceState state = store.sources().state(s.id()).orElseThrow();
      if (!force && state.nextAttempt().map(now::isBefore).orElse(false)) {
        reports.add(SourceReport.unsaved(skipped(s, state, now)));
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
          return backedOff(
              job,
              FetchRecord.failed(
                  job.source.id(),
                  clock.instant(),
                  FetchRecord.Transfer.NONE,
                  FetchRecord.Problem.of("internal error: " + e)));
        },
        ready -> {
          for (int from = 0; from < ready.size(); from += SOURCES_PER_TRANSACTION) {
            store(ready.subList(from, Math.min(ready.size(), from + SOURCES_PER_TRANSACTION)))
                .forEach(
                    report -> {
                      reports.add(report);
                      listener.sourceDone(report);
                    });
          }
          if (System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
            sync.commit(); // searches see new items during a long crawl
            lastCommit = System.nanoTime();
          }
        });
    sync.commit();
    store.settleClusterKeys();
    List<String> order = sources.stream().map(SourceConfig::id).toList();
    reports.sort(Comparator.comparingInt(r -> order.indexOf(r.sourceId())));
    CrawlReport report = CrawlReport.of(reports, (System.nanoTime() - start) / 1_000_000);
    store
        .sources()
        .recordCrawl(clock.instant(), report.sources(), report.failed(), report.newItems());
    return report;
  }

  /** Stores {@code fetched} in one transaction and indexes what changed; returns their reports. */
  private List<SourceReport> store(List<FetchRecord> fetched) {
    List<SaveResult> saved;
    try {
      saved = store.saveFetches(fetched);
    } catch (StoreException e) {
      throw e.about(
          "nothing from "
              + (fetched.size() == 1 ? "source " : "sources ")
              + String.join(", ", fetched.stream().map(FetchRecord::sourceId).toList())
              + " was stored"
              + (e.kind() == StoreException.Kind.FULL
                  ? " (once space is freed, the next crawl fetches it again)"
                  : ""));
    }
    List<SourceReport> out = new ArrayList<>(fetched.size());
    for (int i = 0; i < fetched.size(); i++) {
      sync.add(saved.get(i).changedIds());
      out.add(SourceReport.of(fetched.get(i), saved.get(i)));
    }
    return out;
  }

  /** Asks a running crawl to start no new source; sources in flight finish and are stored. */
  public void stop() {
    pool.stop();
  }

  /** A worker's job: read, parse and enrich one source (stored later by the calling thread). */
  private FetchRecord crawl(Job job) throws InterruptedException {
    FetchRecord r =
        reader.read(
            job.source,
            job.fetchUrl(),
            job.state.etag(),
            job.state.lastModified(),
            clock.instant());
    return switch (r.outcome()) {
      case OK -> {
        if (r.feed().recovered()) {
          log.info("{}: sloppy feed recovered by the lenient pass", job.source.id());
        }
        for (String note : r.feed().notes()) {
          log.info("{}: {}", job.source.id(), note);
        }
        yield r.withItems(enricher.enrich(job.source, r.items()));
      }
      case FAILED -> backedOff(job, r);
      default -> r;
    };
  }

  private FetchRecord backedOff(Job job, FetchRecord failed) {
    int failures = job.state.consecutiveFailures() + 1;
    Instant next =
        Backoff.nextAttempt(
            failed.at(), failures, failed.problem() == null ? null : failed.problem().retryAfter());
    log.info("{}: {}", job.source.id(), failed.error());
    return failed.withBackoff(failures, next);
  }

  private static FetchRecord skipped(SourceConfig s, SourceState state, Instant now) {
    return FetchRecord.skipped(
        s.id(),
        now,
        "backed off after "
            + state.consecutiveFailures()
            + " failures; next try at "
            + state.nextAttemptAt(),
        state.consecutiveFailures(),
        state.nextAttemptAt());
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
