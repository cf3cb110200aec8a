package org.veille.store;

import java.time.Instant;
import java.util.List;
import org.veille.parse.ParsedItem;

/**
 * The result of one source's fetch in a run, written in one transaction by {@link Store#saveFetch}:
 * the items found (empty unless {@code outcome} is OK), the new fetch state and a line for the
 * fetch log. {@code topics} is parallel to {@code items}: the topic ids of each (empty when none
 * were computed). {@code etag}, {@code lastModified}, {@code feedUrl}, {@code feedTitle}, {@code
 * error} and {@code nextAttemptAt} may be null.
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
    List<ParsedItem> items,
    List<List<String>> topics) {

  public FetchRecord {
    items = List.copyOf(items);
    topics = topics.stream().map(List::copyOf).toList();
    if (!topics.isEmpty() && topics.size() != items.size()) {
      throw new IllegalArgumentException("topics must be parallel to items");
    }
  }

  /** The topics of the {@code i}-th item. */
  public List<String> topicsOf(int i) {
    return topics.isEmpty() ? List.of() : topics.get(i);
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
