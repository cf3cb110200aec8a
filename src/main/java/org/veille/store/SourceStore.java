package org.veille.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.veille.config.SourceConfig;

/** The sources as the store knows them: their fetch state, health and the runs of the crawl. */
public interface SourceStore {

  /**
   * Makes the stored sources match the config: adds new ones, updates names, URLs and types; a
   * changed URL forgets the old validators and failures. Idempotent.
   */
  void sync(List<SourceConfig> sources);

  Optional<SourceState> state(String id);

  /** Every stored source with its last fetch and health, by id. */
  List<SourceStatus> statuses();

  /** Records that a crawl run finished, for {@code stats} and {@code status}. */
  void recordCrawl(Instant at, int sources, int failed, int newItems);

  /** The last crawl run recorded, if any. */
  Optional<CrawlRun> lastCrawl();
}
