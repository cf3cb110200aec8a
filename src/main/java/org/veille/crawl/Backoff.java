package org.veille.crawl;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a source that keeps failing is left alone: nothing after one failure, then 30 minutes
 * doubling with each failure up to a day; longer if the server asked for it with Retry-After.
 */
final class Backoff {
  static final Duration FIRST = Duration.ofMinutes(30);
  static final Duration MAX = Duration.ofDays(1);

  private Backoff() {}

  /** Next attempt after {@code failures} failures in a row, or null for "next run". */
  static Instant nextAttempt(Instant now, int failures, Duration retryAfter) {
    Instant byCount = null;
    if (failures >= 2) {
      Duration d = FIRST.multipliedBy(1L << Math.min(failures - 2, 10));
      byCount = now.plus(d.compareTo(MAX) > 0 ? MAX : d);
    }
    if (retryAfter != null && !retryAfter.isZero()) {
      Duration capped =
          retryAfter.compareTo(Duration.ofDays(7)) > 0 ? Duration.ofDays(7) : retryAfter;
      Instant byServer = now.plus(capped);
      return byCount == null || byServer.isAfter(byCount) ? byServer : byCount;
    }
    return byCount;
  }
}
