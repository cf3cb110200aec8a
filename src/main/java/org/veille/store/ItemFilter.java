package org.veille.store;

import java.time.Instant;
import java.util.List;

/**
 * Which items to read back: published at or after {@code since} and at or before {@code until}
 * (each nullable), from any of {@code sources} (empty: all).
 */
public record ItemFilter(Instant since, Instant until, List<String> sources) {
  public ItemFilter {
    sources = List.copyOf(sources);
  }

  public static ItemFilter all() {
    return new ItemFilter(null, null, List.of());
  }
}
