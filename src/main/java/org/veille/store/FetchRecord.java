package org.veille.store;

import java.time.Instant;
import java.util.List;
import org.veille.parse.ParsedItem;

/**
 * The result of one source's fetch in a run, written in one transaction by {@link
 * Store#saveFetch}: the items found (empty unless {@code outcome} is OK), the new fetch state and a
 * line for the fetch log. {@code etag}, {@code lastModified}, {@code feedUrl}, {@code feedTitle},
 * {@code error} and {@code nextAttemptAt} may be null.
 */
public record FetchRecord(
    String sourceId,
    Instant at,
    Outcome outcome,
    int httpStatus,
    long durationMs,
    long bytes,
    String error,
    boolean brokenSelector,
    String etag,
    String lastModified,
    String feedUrl,
    String feedTitle,
    int consecutiveFailures,
    Instant nextAttemptAt,
    List<ParsedItem> items) {

  public FetchRecord {
    items = List.copyOf(items);
  }

  /** How a source's fetch ended. */
  public enum Outcome {
    OK,
    NOT_MODIFIED,
    FAILED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
