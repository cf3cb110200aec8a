package org.veille.crawl;

import java.time.Instant;
import java.util.Optional;

/**
 * One source's part in a run. {@code error} is set when {@code outcome} is FAILED or SKIPPED;
 * {@code format} names what was parsed (rss_2.0, atom_1.0, html-page) and is null otherwise.
 */
public record SourceReport(
    String sourceId,
    Outcome outcome,
    int itemsFound,
    int newItems,
    int updatedItems,
    String format,
    String error,
    Instant nextAttempt,
    long durationMs) {

  public Optional<String> errorMessage() {
    return Optional.ofNullable(error);
  }

  /** How a source fared in a run. */
  public enum Outcome {
    OK,
    NOT_MODIFIED,
    FAILED,
    SKIPPED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
