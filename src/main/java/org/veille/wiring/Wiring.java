package org.veille.wiring;

import java.nio.file.Path;
import java.util.List;
import org.veille.app.Backends;
import org.veille.config.Checks;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.enrich.Enricher;
import org.veille.enrich.EnrichmentChain;
import org.veille.enrich.TopicTagging;
import org.veille.fetch.Fetcher;
import org.veille.index.Index;
import org.veille.index.LuceneIndex;
import org.veille.index.Tagger;
import org.veille.mail.Addresses;
import org.veille.parse.Selectors;
import org.veille.schedule.Cron;
import org.veille.store.SqliteStore;
import org.veille.store.Store;

/** Veille on one machine: a SQLite store, a Lucene index, and the standard enrichment chain. */
public final class Wiring implements Backends {

  @Override
  public Checks checks() {
    return new Checks(Cron::problem, Addresses::problem, Selectors::problem, Tagger::queryProblem);
  }

  @Override
  public Store openStore(Path dataDir) {
    return SqliteStore.open(dataDir.resolve("veille.db"));
  }

  @Override
  public Index openIndex(Path dataDir) {
    return LuceneIndex.open(dataDir.resolve("index"));
  }

  @Override
  public Fetcher fetcher(Config config) {
    return new Fetcher(config.settings().fetch(), config.settings().userAgent());
  }

  /** The steps, in the order they run. */
  @Override
  public Enricher enricher(Config config) throws ConfigException {
    return new EnrichmentChain(List.of(new TopicTagging(tagger(config))));
  }

  private static Tagger tagger(Config config) throws ConfigException {
    try {
      return new Tagger(
          config.topics().stream().map(t -> new Tagger.TopicQuery(t.id(), t.query())).toList());
    } catch (Tagger.InvalidTopicException e) {
      // topic queries are checked when the config is loaded; this is a config read without them
      throw new ConfigException(config.file(), 0, "topics", e.getMessage());
    }
  }
}
