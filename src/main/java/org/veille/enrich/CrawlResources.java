package org.veille.enrich;

import org.veille.fetch.Fetcher;
import org.veille.store.ItemStore;

/**
 * What the steps of a crawl's chain may use beyond the items: the run's polite {@code fetcher}
 * (whose per-host slots the crawl shares) and the {@code items} already stored. {@link #NONE}, for
 * a chain built only to check the config, has neither: steps that need them do nothing.
 */
public record CrawlResources(Fetcher fetcher, ItemStore items) {
  public static final CrawlResources NONE = new CrawlResources(null, null);

  public boolean available() {
    return fetcher != null && items != null;
  }
}
