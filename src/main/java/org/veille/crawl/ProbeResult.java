package org.veille.crawl;

import java.util.Optional;

/**
 * What {@code sources check} found at a source: the format and number of items, or the error.
 * {@code feedUrl} is set when an HTML page pointed to its feed.
 */
public record ProbeResult(
    String sourceId, boolean ok, String format, int items, String error, String feedUrl) {
  public Optional<String> discoveredFeedUrl() {
    return Optional.ofNullable(feedUrl);
  }
}
