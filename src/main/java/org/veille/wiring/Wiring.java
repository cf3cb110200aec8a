package org.veille.wiring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.veille.app.Backends;
import org.veille.cluster.Signer;
import org.veille.config.Checks;
import org.veille.config.Config;
import org.veille.config.ConfigException;
import org.veille.enrich.CallDetection;
import org.veille.enrich.CrawlResources;
import org.veille.enrich.Enricher;
import org.veille.enrich.EnrichmentChain;
import org.veille.enrich.FullTextFetching;
import org.veille.enrich.PlaceTagging;
import org.veille.enrich.Signing;
import org.veille.enrich.TopicTagging;
import org.veille.fetch.Fetcher;
import org.veille.index.Index;
import org.veille.index.LuceneIndex;
import org.veille.index.Tagger;
import org.veille.mail.Addresses;
import org.veille.parse.Selectors;
import org.veille.schedule.Cron;
import org.veille.store.Snapshot;
import org.veille.store.SqliteStore;
import org.veille.store.Store;
import org.veille.territory.Gazetteer;
import org.veille.territory.GazetteerException;
import org.veille.territory.PlaceTagger;

/** Veille on one machine: a SQLite store, a Lucene index, and the standard enrichment chain. */
public final class Wiring implements Backends {

  @Override
  public Checks checks() {
    return new Checks(
        Cron::problem,
        Addresses::problem,
        Selectors::problem,
        Tagger::queryProblem,
        Gazetteer::problem);
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
  public Snapshot inspectBackup(Path file) {
    return SqliteStore.inspect(file);
  }

  @Override
  public Snapshot restoreBackup(Path file, Path dataDir) {
    return SqliteStore.restore(file, dataDir.resolve("veille.db"));
  }

  @Override
  public Fetcher fetcher(Config config) {
    return new Fetcher(config.settings().fetch(), config.settings().userAgent());
  }

  /** The steps, in the order they run. */
  @Override
  public Enricher enricher(Config config, CrawlResources run) throws ConfigException {
    List<Enricher> steps = new ArrayList<>();
    if (run.available()) {
      steps.add(new FullTextFetching(run, config.settings().fulltext())); // first: others read it
    }
    steps.add(new TopicTagging(tagger(config)));
    steps.add(new PlaceTagging(placeTagger(config)));
    steps.add(new CallDetection());
    steps.add(new Signing(new Signer())); // last: signs the text the steps before settled
    return new EnrichmentChain(steps);
  }

  /** The shipped gazetteer of the Métropole du Grand Paris, or {@code settings.territories}. */
  private static PlaceTagger placeTagger(Config config) throws ConfigException {
    var file = config.settings().territoriesFile();
    if (file.isEmpty()) {
      return ShippedPlaces.TAGGER;
    }
    try {
      return new PlaceTagger(Gazetteer.read(file.get()));
    } catch (GazetteerException e) {
      // checked when the config is loaded; the file changed since, or the config was read unchecked
      throw new ConfigException(config.file(), 0, "settings.territories", e.getMessage());
    }
  }

  /**
   * The shipped gazetteer's tagger, built once, on first use: only a crawl or an import tags
   * places, and building it cost every other command (a search, say) about 40 ms of its start.
   */
  private static final class ShippedPlaces {
    static final PlaceTagger TAGGER = new PlaceTagger(Gazetteer.shipped());
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
