package org.veille.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A source as {@code sources list} shows it. {@code lastFetchAt}, {@code lastStatus}, {@code
 * lastError} and {@code nextAttemptAt} are null until the source was fetched or backed off.
 */
public record SourceStatus(
    String id,
    String name,
    String type,
    String url,
    Instant lastFetchAt,
    String lastStatus,
    String lastError,
    long items,
    int consecutiveFailures,
    Instant nextAttemptAt,
    boolean brokenSelector) {

  /** Failing runs in a row after which a source is shown unhealthy. */
  public static final int UNHEALTHY_AFTER = 3;

  /** Unhealthy: failing {@value #UNHEALTHY_AFTER} runs in a row, or its selector found nothing. */
  public boolean healthy() {
    return consecutiveFailures < UNHEALTHY_AFTER && !brokenSelector;
  }

  public Optional<Instant> lastFetch() {
    return Optional.ofNullable(lastFetchAt);
  }

  public Optional<Instant> nextAttempt() {
    return Optional.ofNullable(nextAttemptAt);
  }
}
