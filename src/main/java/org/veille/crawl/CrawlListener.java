package org.veille.crawl;

/**
 * Hears about a run as it goes, for progress bars and logs. Called on the crawl's writer thread.
 */
public interface CrawlListener {
  CrawlListener NONE = new CrawlListener() {};

  /** The run is about to fetch {@code total} sources. */
  default void started(int total) {}

  /** One source is done and stored. */
  default void sourceDone(SourceReport report) {}
}
