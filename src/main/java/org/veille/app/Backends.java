package org.veille.app;

import java.nio.file.Path;
import org.veille.config.Checks;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.enrich.Enricher;
import org.veille.fetch.Fetcher;
import org.veille.index.Index;
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

  /** The enrichment chain a crawl passes new and changed items through. */
  Enricher enricher(Config config) throws ConfigException;
}
