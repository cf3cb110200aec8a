package org.veille.store;

import java.time.Instant;
import java.util.Optional;

/** Counts and sizes of the store; {@code lastCrawl} is null before the first crawl. */
public record StoreStats(long sources, long items, long dbBytes, Instant lastCrawl) {
  public Optional<Instant> lastCrawlAt() {
    return Optional.ofNullable(lastCrawl);
  }
}
