package org.veille.app;

import java.nio.file.Path;
import org.veille.config.Checks;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.enrich.CrawlResources;
import org.veille.enrich.Enricher;
import org.veille.fetch.Fetcher;
import org.veille.index.Index;
import org.veille.store.Snapshot;
import org.veille.store.Store;

/**
 * The parts the use cases are built on, opened for a data folder or made for a config. One
 * implementation wires SQLite and Lucene; another database or search engine is another
 * implementation, and no use case changes.
 */
public interface Backends {

  /** The checks feeds.yaml gets from the stages its values belong to. */
  Checks checks();

  /** Opens the store of a data folder, creating it if needed. */
  Store openStore(Path dataDir);

  /** Opens the search index of a data folder, creating it if needed. */
  Index openIndex(Path dataDir);

  Fetcher fetcher(Config config);

  /**
   * Checks a backup of the store without changing it.
   *
   * @throws org.veille.store.StoreException naming the file and what is wrong with it
   */
  Snapshot inspectBackup(Path file);

  /** Puts a checked backup in place as the store of {@code dataDir}, which holds none. */
  Snapshot restoreBackup(Path file, Path dataDir);

  /**
   * The enrichment chain a crawl passes new and changed items through, with the run's fetcher and
   * store for the steps that need them.
   */
  Enricher enricher(Config config, CrawlResources run) throws ConfigException;

  /** The chain without a run's resources: built to check the config. */
  default Enricher enricher(Config config) throws ConfigException {
    return enricher(config, CrawlResources.NONE);
  }
}
