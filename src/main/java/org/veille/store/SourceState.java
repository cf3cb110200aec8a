package org.veille.store;

import java.time.Instant;
import java.util.Optional;

/**
 * What the store remembers of a source between runs: validators for conditional GET, the feed URL
 * an HTML page pointed to, and failure counts for back-off. Nullable fields are exposed as
 * Optionals.
 */
public record SourceState(
    String id,
    String url,
    String etag,
    String lastModified,
    String feedUrl,
    int consecutiveFailures,
    Instant nextAttemptAt) {

  public Optional<String> etagValue() {
    return Optional.ofNullable(etag);
  }

  public Optional<String> lastModifiedValue() {
    return Optional.ofNullable(lastModified);
  }

  public Optional<String> discoveredFeedUrl() {
    return Optional.ofNullable(feedUrl);
  }

  public Optional<Instant> nextAttempt() {
    return Optional.ofNullable(nextAttemptAt);
  }
}
