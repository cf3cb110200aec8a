package org.veille.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.config.SourceConfig;
import org.veille.crawl.CrawlListener;
import org.veille.crawl.CrawlReport;
import org.veille.crawl.Crawler;
import org.veille.enrich.CrawlResources;
import org.veille.fetch.Fetcher;
import org.veille.index.Index;
import org.veille.store.CrawlRun;
import org.veille.store.Store;
import org.veille.store.WriterLock;
import org.veille.sync.IndexSync;

/**
 * Crawling the sources: fetch, parse, enrich, store and index, under the data folder's writer lock
 * for the run's duration only. One instance can be stopped from another thread while it runs.
 */
public final class Crawl {
  private final Context ctx;
  private volatile Crawler running;

  public Crawl(Context ctx) {
    this.ctx = ctx;
  }

  /**
   * The sources named by {@code ids}, or every enabled one when there are none.
   *
   * @throws RequestException naming an id that the config does not know
   */
  public static List<SourceConfig> select(Config config, List<String> ids) {
    if (ids.isEmpty()) {
      return config.enabledSources();
    }
    List<SourceConfig> out = new ArrayList<>();
    for (String id : ids) {
      out.add(
          config
              .source(id)
              .orElseThrow(
                  () ->
                      new RequestException(
                          "unknown source '"
                              + id
                              + "' in "
                              + config.file()
                              + " (see 'veille sources list')")));
    }
    return out;
  }

  /**
   * Crawls {@code sources}; with {@code force}, sources in back-off are fetched anyway (the user
   * named them). Waits up to {@code lockWait} for another writer, telling {@code onWait} why.
   */
  public CrawlReport run(
      List<SourceConfig> sources,
      boolean force,
      CrawlListener listener,
      Duration lockWait,
      Consumer<String> onWait)
      throws ConfigException, WriterLock.LockedException, InterruptedException {
    Config config = ctx.config();
    ctx.backends().enricher(config); // a config error shows before the lock is taken
    try (WriterLock lock = ctx.lock(lockWait, onWait);
        Store store = ctx.openStoreToWrite();
        Index index = ctx.openIndex();
        Fetcher fetcher = ctx.backends().fetcher(config)) {
      var enricher = ctx.backends().enricher(config, new CrawlResources(fetcher, store.items()));
      Crawler crawler =
          new Crawler(
              config,
              store,
              fetcher,
              enricher,
              new IndexSync(store, index, config.topics()),
              ctx.clock());
      running = crawler;
      try {
        return crawler.run(sources, force, listener);
      } finally {
        running = null;
      }
    }
  }

  /** Asks a running crawl to start no new source; sources in flight finish and are stored. */
  public void stop() {
    Crawler c = running;
    if (c != null) {
      c.stop();
    }
  }

  /** When the last crawl of this data folder finished, if there was one. */
  public Optional<Instant> lastRun() throws ConfigException {
    try (Store store = ctx.openStore()) {
      return store.sources().lastCrawl().map(CrawlRun::at);
    }
  }
}
